#pragma once

#include <QDateTime>
#include <QStyledItemDelegate>

#include <functional>

class ThumbnailCache;

// Paints one job of the jobs panel: thumbnail (when done), prompt, state, elapsed time and the
// user message. Paint only: thumbnails it lacks are requested from the cache, whose
// thumbnailReady the panel turns into a repaint.
class JobDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit JobDelegate(ThumbnailCache &thumbnails, QObject *parent = nullptr);

    static constexpr int thumbnailEdge = 56;

    void setOffline(bool offline) { m_offline = offline; }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    // The state line of a job row: "Generating · 12 s", "Waiting for network"...
    QString stateText(const QModelIndex &index) const;
    // The state line without the message: "Generating · 12 s".
    QString stateAndTime(const QModelIndex &index) const;
    // What the row shows at its top: "Edit: " for edits, then the prompt on one line.
    static QString promptText(const QModelIndex &index);
    static QString elapsedText(qint64 seconds);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    ThumbnailCache &m_thumbnails;
    std::function<QDateTime()> m_now;
    bool m_offline = false;
};
