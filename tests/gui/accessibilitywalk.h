#pragma once

#include <QAccessible>
#include <QAccessibleInterface>
#include <QMetaEnum>
#include <QStringList>
#include <QWidget>

#include <functional>

// Reads a window as a screen reader does, through QAccessibleInterface alone: every visible
// object, its role, name and state. Header-only because only tst_*.cpp files are compiled.
struct AccessibilityWalk
{
    int interactive = 0; // visible objects a person can act on or move the focus to
    int named = 0; // ...of which have a name
    QStringList unnamed; // paths of the interactive objects without a name
    QStringList focused; // paths of every object that reports focus, visible or not
    int visited = 0;

    double namedShare() const { return interactive ? double(named) / interactive : 1.0; }
    QString summary() const
    {
        return QStringLiteral("%1 of %2 interactive objects named (%3 %)")
            .arg(named)
            .arg(interactive)
            .arg(100.0 * namedShare(), 0, 'f', 1);
    }
};

inline QString accessibleRoleName(QAccessible::Role role)
{
    const QMetaEnum roles = QMetaEnum::fromType<QAccessible::Role>();
    const char *key = roles.valueToKey(role);
    return key ? QString::fromLatin1(key) : QString::number(role);
}

// Roles a screen reader offers as something to act on.
inline bool isInteractiveRole(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::PageTab:
    case QAccessible::ListItem:
    case QAccessible::TreeItem:
    case QAccessible::Cell:
    case QAccessible::MenuItem:
    case QAccessible::Link:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::Table:
        return true;
    default:
        return false;
    }
}

inline QString accessiblePath(QAccessibleInterface *iface)
{
    QStringList parts;
    for (QAccessibleInterface *i = iface; i && parts.size() < 12; i = i->parent()) {
        QString part = accessibleRoleName(i->role());
        const QString name = i->text(QAccessible::Name);
        if (!name.isEmpty())
            part += u" \"" + name.left(40) + u'"';
        else if (i->object() && !i->object()->objectName().isEmpty())
            part += u" #" + i->object()->objectName();
        else if (i->object())
            part += u" (" + QString::fromLatin1(i->object()->metaObject()->className()) + u')';
        parts.prepend(part);
    }
    return parts.join(QStringLiteral(" / "));
}

// Visits `root` and its visible descendants; `visit` may look at each one.
inline void walkAccessible(QAccessibleInterface *root, AccessibilityWalk &walk,
                           const std::function<void(QAccessibleInterface *)> &visit = {},
                           int depth = 0)
{
    if (!root || !root->isValid() || depth > 60)
        return;
    const QAccessible::State state = root->state();
    if (state.focused)
        walk.focused << accessiblePath(root);
    if (state.invisible || state.offscreen) {
        // Hidden things are not read; still, none of them may claim the focus.
        for (int i = 0; i < root->childCount() && i < 400; ++i)
            if (QAccessibleInterface *child = root->child(i);
                child && child->isValid() && child->state().focused)
                walk.focused << accessiblePath(child);
        return;
    }
    ++walk.visited;
    if (isInteractiveRole(root->role()) || state.focusable) {
        ++walk.interactive;
        if (root->text(QAccessible::Name).trimmed().isEmpty())
            walk.unnamed << accessiblePath(root);
        else
            ++walk.named;
    }
    if (visit)
        visit(root);
    const int count = root->childCount();
    for (int i = 0; i < count; ++i)
        walkAccessible(root->child(i), walk, visit, depth + 1);
}

inline AccessibilityWalk
walkAccessible(QWidget *window, const std::function<void(QAccessibleInterface *)> &visit = {})
{
    AccessibilityWalk walk;
    walkAccessible(QAccessible::queryAccessibleInterface(window), walk, visit);
    return walk;
}
