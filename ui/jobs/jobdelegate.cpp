#include "jobs/jobdelegate.h"

#include "common/runtext.h"
#include "domain/job.h"
#include "media/thumbnailcache.h"
#include "models/jobsmodel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionFocusRect>

JobDelegate::JobDelegate(ThumbnailCache &thumbnails, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_thumbnails(thumbnails)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{ }

QString JobDelegate::elapsedText(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    // In the locale's digits (Persian ones in Persian), as a reader of the language counts.
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const auto n = [&locale](qint64 value) { return locale.toString(value); };
    if (seconds < 60)
        return tr("%1 s").arg(n(seconds));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(n(seconds / 60), n(seconds % 60));
    return tr("%1 h %2 min").arg(n(seconds / 3600), n((seconds % 3600) / 60));
}

QString JobDelegate::stateAndTime(const QModelIndex &index) const
{
    const auto state = JobState(index.data(JobsModel::StateRole).toInt());
    const QDateTime created = index.data(JobsModel::CreatedAtRole).toDateTime();
    const QDateTime completed = index.data(JobsModel::CompletedAtRole).toDateTime();
    const QDateTime end = isFinal(state) && completed.isValid() ? completed : m_now();
    const QString elapsed = created.isValid() ? elapsedText(created.secsTo(end)) : QString();

    QString label;
    switch (state) {
    case JobState::Queued:
        label = m_offline ? tr("Waiting for network") : tr("Queued");
        break;
    case JobState::Submitting:
        label = tr("Sending");
        break;
    case JobState::Pending:
        label = tr("Generating");
        break;
    case JobState::Completed:
        label = tr("Done");
        break;
    case JobState::Failed:
        label = tr("Failed");
        break;
    case JobState::Unknown:
        label = tr("Checking the history");
        break;
    case JobState::Cancelled:
        label = tr("Cancelled");
        break;
    }
    return elapsed.isEmpty() ? label : label + QStringLiteral(" · ") + elapsed;
}

QString JobDelegate::stateText(const QModelIndex &index) const
{
    const auto state = JobState(index.data(JobsModel::StateRole).toInt());
    const QString message = index.data(JobsModel::MessageRole).toString();
    QString withTime = stateAndTime(index);
    const bool saidAlready = state == JobState::Queued && m_offline;
    if (message.isEmpty() || state == JobState::Completed || state == JobState::Cancelled
        || saidAlready)
        return withTime;
    return withTime + QStringLiteral(" — ") + message;
}

QString JobDelegate::promptText(const QModelIndex &index)
{
    const QString kind = JobKind(index.data(JobsModel::KindRole).toInt()) == JobKind::Edit
                             ? tr("Edit: ")
                             : QString();
    return kind + index.data(JobsModel::PromptRole).toString().simplified();
}

QSize JobDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int lines = 2 * option.fontMetrics.height() + 4;
    return {240, qMax(thumbnailEdge, lines) + 12};
}

void JobDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(6, 6, -6, -6);
    // The thumbnail at the line's start: at the right, right to left.
    const QRect thumbRect = QStyle::visualRect(
        option.direction, r,
        QRect(r.left(), r.top() + (r.height() - thumbnailEdge) / 2, thumbnailEdge, thumbnailEdge));
    const auto state = JobState(index.data(JobsModel::StateRole).toInt());
    const QString file = index.data(JobsModel::LocalFileRole).toString();

    QPainterPath clip;
    clip.addRoundedRect(QRectF(thumbRect), 6, 6);
    QImage thumb;
    if (state == JobState::Completed && !file.isEmpty())
        thumb = m_thumbnails.request(file, file, thumbnailEdge);
    if (!thumb.isNull()) {
        const QSize size = thumb.size().scaled(thumbRect.size(), Qt::KeepAspectRatioByExpanding);
        QRect target(QPoint(), size);
        target.moveCenter(thumbRect.center());
        painter->setClipPath(clip);
        painter->drawImage(target, thumb);
        painter->setClipping(false);
    } else {
        QColor fill = option.palette.color(QPalette::AlternateBase);
        if (state == JobState::Failed)
            fill = option.palette.color(QPalette::Base).lightness() < 128
                       ? QColor(0x5a, 0x25, 0x2a)
                       : QColor(0xf8, 0xd7, 0xda);
        painter->fillPath(clip, fill);
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        const QString glyph = state == JobState::Failed      ? QStringLiteral("!")
                              : state == JobState::Cancelled ? QStringLiteral("×")
                              : state == JobState::Completed ? QStringLiteral("✓")
                                                             : QStringLiteral("…");
        QFont big = option.font;
        big.setPointSizeF(big.pointSizeF() * 1.6);
        painter->setFont(big);
        painter->drawText(thumbRect, Qt::AlignCenter, glyph);
    }

    const QRect text =
        QStyle::visualRect(option.direction, r, r.adjusted(thumbnailEdge + 10, 0, 0, 0));
    const bool selected = option.state & QStyle::State_Selected;
    const QColor fg = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(option.font);
    const int top = r.top() + (r.height() - boldMetrics.height() - metrics.height() - 2) / 2;
    painter->setFont(bold);
    painter->setPen(fg);
    const QString prompt = promptText(index);
    // Each line in its own direction: a Persian prompt reads from the right in the English UI.
    RunText::drawElided(painter, QRect(text.left(), top, text.width(), boldMetrics.height()),
                        prompt, boldMetrics, option.direction);
    painter->setFont(option.font);
    QColor secondary = fg;
    if (!selected)
        secondary = state != JobState::Failed ? option.palette.color(QPalette::PlaceholderText)
                    : option.palette.color(QPalette::Base).lightness() < 128
                        ? QColor(0xff, 0x96, 0x96)
                        : QColor(0xb0, 0x20, 0x30);
    painter->setPen(secondary);
    RunText::drawElided(
        painter, QRect(text.left(), top + boldMetrics.height() + 2, text.width(), metrics.height()),
        stateText(index), metrics, option.direction);
    painter->restore();
    // The keyboard's place in the list, visible without relying on the selection colour.
    if (option.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(option);
        focus.rect = option.rect.adjusted(1, 1, -1, -1);
        focus.state |= QStyle::State_KeyboardFocusChange;
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}
