#include "compose/aspectratiopicker.h"

#include "common/accessiblerole.h"
#include "domain/job.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QGridLayout>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>

#include <algorithm>

namespace {

// One ratio: a rectangle at the ratio's proportions, its label underneath.
class RatioTile final : public QAbstractButton
{
public:
    RatioTile(const QString &ratio, QWidget *parent)
        : QAbstractButton(parent)
    {
        const QStringList parts = ratio.split(u':');
        m_w = parts.value(0).toDouble();
        m_h = parts.value(1).toDouble();
        if (m_w <= 0 || m_h <= 0)
            m_w = m_h = 1;
        setText(ratio);
        setCheckable(true);
        setFocusPolicy(Qt::StrongFocus);
        setCursor(Qt::PointingHandCursor);
        setAccessibleName(AspectRatioPicker::tr("Aspect ratio %1").arg(ratio));
        setAccessibleRole(this, QAccessible::RadioButton); // one of many, as Qt would say check box
        setToolTip(AspectRatioPicker::tr("Aspect ratio %1").arg(ratio));
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    QSize sizeHint() const override
    {
        const int captionWidth =
            m_caption.isEmpty() ? 0 : captionMetrics().horizontalAdvance(m_caption) + 8;
        const int captionHeight = m_caption.isEmpty() ? 0 : captionMetrics().height() + 2;
        return {std::max({58, fontMetrics().horizontalAdvance(text()) + 16, captionWidth}),
                kShapeBox + fontMetrics().height() + 16 + captionHeight};
    }

    // A small line under the label ("Match image"); empty: none.
    void setCaption(const QString &caption, const QString &accessibleName)
    {
        if (caption == m_caption)
            return;
        m_caption = caption;
        setAccessibleName(accessibleName);
        updateGeometry();
        update();
    }
    QString caption() const { return m_caption; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QPalette pal = palette();
        const QColor accent = pal.color(QPalette::Highlight);
        const QRectF frame = QRectF(rect()).adjusted(1, 1, -1, -1);
        if (isChecked() || underMouse()) {
            QColor fill = accent;
            fill.setAlphaF(isChecked() ? 0.16 : 0.07);
            p.setPen(isChecked() ? QPen(accent, 1.5) : Qt::NoPen);
            p.setBrush(fill);
            p.drawRoundedRect(frame, 6, 6);
        }
        // The shape fits a square box, so every tile compares at the same scale.
        const qreal scale = kShapeBox / qMax(m_w, m_h);
        const QSizeF shape(m_w * scale, m_h * scale);
        const QPointF centre(width() / 2.0, 6 + kShapeBox / 2.0);
        const QRectF shapeRect(centre - QPointF(shape.width() / 2, shape.height() / 2), shape);
        p.setPen(QPen(isChecked() ? accent : pal.color(QPalette::Mid), 1.5));
        p.setBrush(isChecked() ? accent.lighter(170) : pal.color(QPalette::Base));
        p.drawRoundedRect(shapeRect, 2, 2);

        p.setPen(pal.color(isChecked() ? QPalette::Text : QPalette::WindowText));
        QFont f = font();
        f.setBold(isChecked());
        p.setFont(f);
        const QRect label(0, 6 + kShapeBox + 4, width(), fontMetrics().height());
        p.drawText(label, Qt::AlignCenter, text());
        if (!m_caption.isEmpty()) {
            p.setFont(captionFont());
            p.setPen(accent);
            p.drawText(QRect(0, label.bottom() + 1, width(), captionMetrics().height()),
                       Qt::AlignCenter, m_caption);
        }

        if (hasFocus()) {
            QStyleOptionFocusRect option;
            option.initFrom(this);
            option.rect = rect().adjusted(2, 2, -2, -2);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &p, this);
        }
    }

    void enterEvent(QEnterEvent *event) override
    {
        update();
        QAbstractButton::enterEvent(event);
    }
    void leaveEvent(QEvent *event) override
    {
        update();
        QAbstractButton::leaveEvent(event);
    }

private:
    QFont captionFont() const
    {
        QFont f = font();
        f.setPointSizeF(qMax(6.0, f.pointSizeF() * 0.8));
        return f;
    }
    QFontMetrics captionMetrics() const { return QFontMetrics(captionFont()); }

    static constexpr int kShapeBox = 30;
    QString m_caption;
    double m_w = 1;
    double m_h = 1;
};

} // namespace

AspectRatioPicker::AspectRatioPicker(QWidget *parent)
    : QWidget(parent)
    , m_ratios(acceptedAspectRatios())
    , m_group(new QButtonGroup(this))
{
    setAccessibleName(tr("Aspect ratio"));
    m_group->setExclusive(true);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    for (int i = 0; i < m_ratios.size(); ++i) {
        auto *tile = new RatioTile(m_ratios.at(i), this);
        tile->installEventFilter(this);
        m_group->addButton(tile, i);
        m_tiles.append(tile);
        grid->addWidget(tile, i / kColumns, i % kColumns);
    }
    grid->setColumnStretch(kColumns, 1);
    m_tiles.constFirst()->setChecked(true);
    // A click or an arrow key is a choice by hand: a new image no longer moves the ratio.
    connect(m_group, &QButtonGroup::idClicked, this, [this] { m_chosenByHand = true; });
    connect(m_group, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            Q_EMIT ratioChanged(m_ratios.at(id));
    });
}

QString AspectRatioPicker::ratio() const
{
    const int id = m_group->checkedId();
    return id >= 0 ? m_ratios.at(id) : QString();
}

bool AspectRatioPicker::setRatio(const QString &ratio)
{
    const int index = int(m_ratios.indexOf(ratio.trimmed()));
    if (index < 0)
        return false;
    m_tiles.at(index)->setChecked(true);
    return true;
}

QAbstractButton *AspectRatioPicker::tile(const QString &ratio) const
{
    const int index = int(m_ratios.indexOf(ratio));
    return index >= 0 ? m_tiles.at(index) : nullptr;
}

void AspectRatioPicker::setMatchedRatio(const QString &ratio)
{
    m_matched = m_ratios.contains(ratio) ? ratio : QString();
    for (int i = 0; i < m_tiles.size(); ++i) {
        const bool matched = m_ratios.at(i) == m_matched;
        const QString name = tr("Aspect ratio %1").arg(m_ratios.at(i));
        static_cast<RatioTile *>(m_tiles.at(i))
            ->setCaption(matched ? tr("Match image") : QString(),
                         matched ? tr("%1, matches the image").arg(name) : name);
    }
    if (!m_matched.isEmpty() && !m_chosenByHand)
        setRatio(m_matched);
}

bool AspectRatioPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const int from = int(m_tiles.indexOf(static_cast<QAbstractButton *>(watched)));
    if (from < 0)
        return false;
    // The grid mirrors right to left (the first ratio at the right), so the arrows go the way
    // they point: Left is the next ratio there.
    const int rightward = layoutDirection() == Qt::RightToLeft ? -1 : 1;
    switch (static_cast<QKeyEvent *>(event)->key()) {
    case Qt::Key_Left:
        moveBy(from, -rightward);
        return true;
    case Qt::Key_Right:
        moveBy(from, rightward);
        return true;
    case Qt::Key_Up:
        moveBy(from, -kColumns);
        return true;
    case Qt::Key_Down:
        moveBy(from, kColumns);
        return true;
    case Qt::Key_Home:
        moveBy(from, -from);
        return true;
    case Qt::Key_End:
        moveBy(from, int(m_tiles.size()) - 1 - from);
        return true;
    default:
        return false;
    }
}

void AspectRatioPicker::moveBy(int from, int step)
{
    const int to = from + step;
    if (to < 0 || to >= m_tiles.size())
        return;
    // Like radio buttons: the arrow keys move the choice, not just the focus.
    m_tiles.at(to)->setFocus(Qt::TabFocusReason);
    m_tiles.at(to)->setChecked(true);
    m_chosenByHand = true;
}
