#include "gallery/gallerydelegate.h"

#include "common/datetext.h"
#include "common/runtext.h"
#include "domain/records.h"
#include "gallery/thumbnailpixmaps.h"
#include "models/gallerymodel.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QTextOption>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int kSpinnerSteps = 12;

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

void paintStar(QPainter *painter, const QPointF &centre, double radius)
{
    QPainterPath star;
    for (int i = 0; i < 10; ++i) {
        const double r = i % 2 == 0 ? radius : radius * 0.45;
        const double angle = -M_PI / 2 + i * M_PI / 5;
        const QPointF p(centre.x() + r * std::cos(angle), centre.y() + r * std::sin(angle));
        if (i == 0)
            star.moveTo(p);
        else
            star.lineTo(p);
    }
    star.closeSubpath();
    painter->setPen(QPen(QColor(120, 80, 0), 1));
    painter->setBrush(QColor(255, 196, 0));
    painter->drawPath(star);
}

} // namespace

GalleryDelegate::GalleryDelegate(const ThumbnailPixmaps &pixmaps, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_pixmaps(pixmaps)
{ }

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    // Wider than any cell on purpose: an icon-mode view clamps an item to its grid cell, so
    // each card fills the cell the grid sized to the viewport.
    return {1 << 16, kCellHeight};
}

void GalleryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool focused = option.state.testFlag(QStyle::State_HasFocus);
    const QRect card = option.rect.adjusted(3, 3, -3, -3);

    painter->setPen(selected ? QPen(pal.color(QPalette::Highlight), 3)
                             : QPen(pal.color(QPalette::Mid), 1));
    painter->setBrush(selected
                          ? mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.15)
                          : pal.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QRect area(card.left() + 5, card.top() + 5, card.width() - 10, kImageHeight - 10);
    const auto status = ImageStatus(index.data(GalleryModel::StatusRole).toInt());
    const QString prompt = index.data(GalleryModel::PromptRole).toString();
    const qint64 rowId = index.data(GalleryModel::RowIdRole).toLongLong();
    const QString localFile = index.data(GalleryModel::LocalFileRole).toString();
    const QColor neutral = mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.08);
    const QColor dimText = mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.6);

    if (status == ImageStatus::Failed) {
        const QString error = index.data(GalleryModel::ErrorRole).toString();
        // A red tint of the card in light and dark colours alike.
        const bool dark = pal.color(QPalette::Base).lightness() < 128;
        paintPlaceholder(painter, area, mix(pal.color(QPalette::Base), QColor(220, 40, 40), 0.14),
                         tr("Failed") + u'\n'
                             + (error.isEmpty() ? tr("The server gave no reason.") : error),
                         dark ? QColor(255, 150, 150) : QColor(150, 20, 20), option.direction);
    } else if (status == ImageStatus::Pending) {
        paintPlaceholder(painter, area, mix(neutral, pal.color(QPalette::Highlight), 0.12), {},
                         dimText, option.direction);
        paintSpinner(painter, area.center() - QPoint(0, 12), 18, pal.color(QPalette::Highlight));
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(area.adjusted(6, area.height() / 2 + 14, -6, -4),
                          Qt::AlignHCenter | Qt::AlignTop, tr("Generating…"));
    } else if (const QPixmap *pixmap = m_pixmaps.find(rowId)) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(neutral);
        painter->drawRoundedRect(area, 4, 4);
        QSizeF size = pixmap->deviceIndependentSize();
        size.scale(area.size(), Qt::KeepAspectRatio);
        QRectF target(QPointF(), size);
        target.moveCenter(QRectF(area).center());
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawPixmap(target, *pixmap, pixmap->rect());
    } else if (!localFile.isEmpty() && m_pixmaps.isFailed(rowId)) {
        paintPlaceholder(painter, area, neutral, tr("This image cannot be shown."), dimText,
                         option.direction);
    } else if (!localFile.isEmpty()) {
        paintPlaceholder(painter, area, neutral, {}, dimText, option.direction); // loading
    } else if (index.data(GalleryModel::ImageGoneRole).toBool()) {
        // Not "not yet": the server answered that it no longer has this image.
        paintPlaceholder(painter, area, neutral,
                         tr("Gone from the server") + u'\n' + tr("(no copy on this computer)"),
                         dimText, option.direction);
    } else {
        // Not downloaded yet (or never will be offline): the prompt stands in for the image.
        paintPlaceholder(painter, area, neutral, prompt, dimText, option.direction);
    }

    // The star in the image's top corner at the line's end (top left, right to left).
    const bool mirrored = option.direction == Qt::RightToLeft;
    if (index.data(GalleryModel::FavoriteRole).toBool())
        paintStar(painter,
                  QPointF(mirrored ? area.left() + 15 : area.right() - 14, area.top() + 14), 11);

    // The prompt, then the date and kind.
    const QRect text(card.left() + 8, area.bottom() + 6, card.width() - 16,
                     card.bottom() - area.bottom() - 8);
    const QFontMetrics fm(option.font);
    painter->setFont(option.font);
    painter->setPen(pal.color(QPalette::Text));
    // The prompt in its own direction (a Persian prompt in the English UI, or the reverse).
    RunText::drawElided(painter, QRect(text.left(), text.top(), text.width(), fm.height()),
                        prompt.simplified(), fm, option.direction);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    painter->setPen(dimText);
    const QDateTime created = index.data(GalleryModel::CreatedAtRole).toDateTime();
    const auto kind = ImageType(index.data(GalleryModel::KindRole).toInt());
    const QString kindText = kind == ImageType::ImageToImage  ? tr("Edit")
                             : kind == ImageType::TextToImage ? tr("Generate")
                                                              : tr("Other");
    // The date at the line's start, the type at its end (mirrored right to left): each keeps
    // its own room, so neither is cut.
    const QFontMetrics smallFm(small);
    const QRect line(text.left(), text.top() + fm.height() + 2, text.width(), fm.height());
    // The advance is rounded; a pixel of slack keeps elidedText from cutting a word that fits.
    const int kindWidth = qMin(smallFm.horizontalAdvance(kindText) + 2, line.width() / 2);
    const auto start = Qt::AlignAbsolute | (mirrored ? Qt::AlignRight : Qt::AlignLeft);
    const auto end = Qt::AlignAbsolute | (mirrored ? Qt::AlignLeft : Qt::AlignRight);
    painter->drawText(line, end | Qt::AlignVCenter,
                      smallFm.elidedText(kindText, Qt::ElideRight, kindWidth));
    painter->drawText(
        QStyle::visualRect(option.direction, line, line.adjusted(0, 0, -kindWidth - 6, 0)),
        start | Qt::AlignVCenter,
        smallFm.elidedText(DateText::day(created), Qt::ElideRight, line.width() - kindWidth - 6));

    if (focused && !selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(card).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6);
    }
    painter->restore();
}

void GalleryDelegate::paintPlaceholder(QPainter *painter, const QRect &area, const QColor &fill,
                                       const QString &text, const QColor &textColour,
                                       Qt::LayoutDirection layout) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(area, 4, 4);
    if (text.isEmpty())
        return;
    painter->setPen(textColour);
    const QRect inner = area.adjusted(10, 10, -10, -10);
    // Word-wrapped and cut at the last whole line that fits.
    const QFontMetrics fm(painter->font());
    const int lines = qMax(1, inner.height() / fm.lineSpacing());
    QString shown = text;
    while (fm.boundingRect(inner, Qt::TextWordWrap, shown).height() > lines * fm.lineSpacing()
           && shown.size() > 1)
        shown = shown.left(int(shown.size() * 0.8)) + u'…';
    // Wrapped and cut in the text's own direction, so a Persian prompt's lines start at the
    // right and its ellipsis ends the last line at the left, whatever the layout.
    QTextOption wrapped(Qt::AlignCenter);
    wrapped.setWrapMode(QTextOption::WordWrap);
    wrapped.setTextDirection(RunText::directionOf(shown, layout));
    painter->drawText(QRectF(inner), shown, wrapped);
}

void GalleryDelegate::paintSpinner(QPainter *painter, const QPoint &centre, int radius,
                                   const QColor &colour) const
{
    painter->save();
    painter->translate(centre);
    QColor c = colour;
    for (int i = 0; i < kSpinnerSteps; ++i) {
        const int age = (m_spinnerStep - i + kSpinnerSteps) % kSpinnerSteps;
        c.setAlphaF(float(1.0 - age / double(kSpinnerSteps) * 0.85));
        painter->setPen(QPen(c, 3, Qt::SolidLine, Qt::RoundCap));
        painter->save();
        painter->rotate(i * 360.0 / kSpinnerSteps);
        painter->drawLine(QPointF(0, radius * 0.5), QPointF(0, radius));
        painter->restore();
    }
    painter->restore();
}
