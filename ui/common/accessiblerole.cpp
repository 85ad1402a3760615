#include "common/accessiblerole.h"

#include <QAbstractButton>
#include <QAccessibleWidget>
#include <QAction>

namespace {

constexpr const char *kRoleProperty = "studioAccessibleRole";

class RoleAccessible final : public QAccessibleWidget
{
public:
    RoleAccessible(QWidget *widget, QAccessible::Role role)
        : QAccessibleWidget(widget, role)
    { }

    QString text(QAccessible::Text kind) const override
    {
        QString text = QAccessibleWidget::text(kind);
        if (kind == QAccessible::Name && text.isEmpty())
            if (const auto *b = button())
                text = b->text();
        return text;
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        if (const auto *b = button(); b && b->isCheckable()) {
            s.checkable = true;
            s.checked = b->isChecked();
        }
        return s;
    }

    QStringList actionNames() const override
    {
        QStringList names = QAccessibleWidget::actionNames();
        if (button() && widget()->isEnabled())
            names.prepend(pressAction());
        for (const QAction *action : widget()->actions())
            if (action->isEnabled() && !action->text().isEmpty())
                names << actionName(action);
        return names;
    }

    QString localizedActionDescription(const QString &name) const override
    {
        if (const QAction *action = widgetAction(name))
            return action->toolTip();
        return QAccessibleWidget::localizedActionDescription(name);
    }

    void doAction(const QString &action) override
    {
        if (auto *b = button(); b && action == pressAction() && b->isEnabled())
            b->click();
        else if (QAction *own = widgetAction(action); own && own->isEnabled())
            own->trigger();
        else
            QAccessibleWidget::doAction(action);
    }

private:
    QAbstractButton *button() const { return qobject_cast<QAbstractButton *>(widget()); }
    // A widget's own action is named by its text, without the mnemonic's ampersand.
    static QString actionName(const QAction *action)
    {
        return QString(action->text()).remove(QLatin1Char('&'));
    }
    QAction *widgetAction(const QString &name) const
    {
        for (QAction *action : widget()->actions())
            if (actionName(action) == name)
                return action;
        return nullptr;
    }
};

QAccessibleInterface *roleFactory(const QString &, QObject *object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    const QVariant role = object->property(kRoleProperty);
    if (!role.isValid())
        return nullptr;
    return new RoleAccessible(static_cast<QWidget *>(object), QAccessible::Role(role.toInt()));
}

// A plain container that passes its focus on (Qt reads it as a generic client area).
class FocusProxyAccessible final : public QAccessibleWidget
{
public:
    explicit FocusProxyAccessible(QWidget *widget)
        : QAccessibleWidget(widget)
    { }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        if (widget()->focusProxy()) {
            s.focused = false; // the proxy says it
            s.focusable = false;
        }
        return s;
    }
};

QAccessibleInterface *focusProxyFactory(const QString &className, QObject *object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    auto *widget = static_cast<QWidget *>(object);
    const QMetaObject *meta = widget->metaObject();
    // Only where Qt itself would use its generic reading: its own first guess, and only for
    // a plain widget, a tab widget or a direct QWidget subclass of ours.
    if (!widget->focusProxy() || className != QLatin1String(meta->className()))
        return nullptr;
    const bool plain = meta == &QWidget::staticMetaObject
                       || qstrcmp(meta->className(), "QTabWidget") == 0
                       || meta->superClass() == &QWidget::staticMetaObject;
    return plain ? new FocusProxyAccessible(widget) : nullptr;
}

} // namespace

void installFocusProxyAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(focusProxyFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

void setAccessibleRole(QWidget *widget, QAccessible::Role role)
{
    static const bool installed = [] {
        QAccessible::installFactory(roleFactory);
        return true;
    }();
    Q_UNUSED(installed);
    widget->setProperty(kRoleProperty, int(role));
    // Qt keeps one interface per object once asked: drop one made before the role was set.
    QAccessibleInterface *cached = QAccessible::queryAccessibleInterface(widget);
    if (cached && cached->role() != role) {
        QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(cached));
        QAccessible::queryAccessibleInterface(widget);
    }
}
