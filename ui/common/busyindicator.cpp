#include "common/busyindicator.h"

#include <QPainter>

namespace {
constexpr int kSpokes = 12;
}

BusyIndicator::BusyIndicator(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Working"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_timer.setInterval(80);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_step = (m_step + 1) % kSpokes;
        update();
    });
    // Keep the space reserved so layouts do not jump when it starts.
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    hide();
}

QSize BusyIndicator::sizeHint() const
{
    return {20, 20};
}

void BusyIndicator::setRunning(bool running)
{
    if (running == isRunning())
        return;
    if (running) {
        m_timer.start();
        show();
    } else {
        m_timer.stop();
        hide();
    }
}

void BusyIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = qMin(width(), height());
    painter.translate(width() / 2.0, height() / 2.0);
    QColor colour = palette().color(QPalette::WindowText);
    QPen pen(colour, qMax(1.5, side / 10.0), Qt::SolidLine, Qt::RoundCap);
    for (int i = 0; i < kSpokes; ++i) {
        // The spoke at m_step is the head; the others fade behind it.
        const int age = (m_step - i + kSpokes) % kSpokes;
        colour.setAlphaF(1.0 - age / double(kSpokes) * 0.85);
        pen.setColor(colour);
        painter.setPen(pen);
        painter.save();
        painter.rotate(i * 360.0 / kSpokes);
        painter.drawLine(QPointF(0, side * 0.22), QPointF(0, side * 0.45));
        painter.restore();
    }
}
