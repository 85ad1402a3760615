#include "compare/compareaccessible.h"

#include "compare/comparecanvas.h"

#include <QAccessibleValueInterface>
#include <QAccessibleWidget>

namespace {

class CompareCanvasAccessible final : public QAccessibleWidget, public QAccessibleValueInterface
{
public:
    explicit CompareCanvasAccessible(CompareCanvas *canvas)
        : QAccessibleWidget(canvas, QAccessible::Graphic)
    { }

    QAccessible::Role role() const override
    {
        return wipe() ? QAccessible::Slider : QAccessible::Graphic;
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::ValueInterface && wipe())
            return static_cast<QAccessibleValueInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    QVariant currentValue() const override { return qRound(canvas()->wipe() * 100); }
    void setCurrentValue(const QVariant &value) override
    {
        canvas()->setWipe(value.toDouble() / 100);
    }
    QVariant maximumValue() const override { return 100; }
    QVariant minimumValue() const override { return 0; }
    QVariant minimumStepSize() const override { return 1; }

private:
    CompareCanvas *canvas() const { return static_cast<CompareCanvas *>(widget()); }
    bool wipe() const { return canvas()->mode() == CompareCanvas::Mode::Wipe; }
};

QAccessibleInterface *compareFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("CompareCanvas") && object && object->isWidgetType())
        return new CompareCanvasAccessible(static_cast<CompareCanvas *>(object));
    return nullptr;
}

} // namespace

void installCompareAccessible()
{
    static const bool installed = [] {
        QAccessible::installFactory(compareFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

void compareAccessibleChanged(CompareCanvas *canvas)
{
    if (!QAccessible::isActive() || canvas->mode() != CompareCanvas::Mode::Wipe)
        return;
    QAccessibleValueChangeEvent event(canvas, qRound(canvas->wipe() * 100));
    QAccessible::updateAccessibility(&event);
}
