#pragma once

#include "domain/job.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class JobDelegate;
class JobItems;
class JobQueue;
class JobsModel;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class ThumbnailCache;

// The jobs panel: every job of the account with its state, ticking elapsed time, thumbnail
// when done and message; cancel, retry and "open in gallery" from buttons or a context menu.
class JobsPanel final : public QWidget
{
    Q_OBJECT
public:
    JobsPanel(JobQueue &queue, ThumbnailCache &thumbnails, QWidget *parent = nullptr);
    ~JobsPanel() override;

    JobsModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    JobDelegate *delegate() const { return m_delegate; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *openButton() const { return m_open; }
    // True while the panel shows its "no jobs yet" page instead of the list.
    bool isShowingEmptyState() const;
    // The line above the list: "2 running · 5 jobs".
    QString summaryText() const;
    // Narrow enough to leave the page most of the window (the dock starts at this width).
    QSize sizeHint() const override { return {260, 420}; }

    // Queued jobs then read "waiting for network".
    void setOffline(bool offline);
    // Re-reads the account's jobs (after a sign-in).
    void reload();
    void selectJob(qint64 jobId);
    // Puts the keyboard in the list (or on the empty page's first control).
    void focusList();
    qint64 currentJobId() const;

public Q_SLOTS:
    void cancelCurrent();
    void retryCurrent();
    void openCurrent();

Q_SIGNALS:
    void openInGalleryRequested(const Job &job);
    // A sentence for the status bar (could not cancel...).
    void statusMessage(const QString &message);

private:
    void refreshButtons();
    void refreshSummary();
    void showContextMenu(const QPoint &pos);
    // Tells a screen reader of the jobs whose state changed (a failure as an alert).
    void announceStates(int first, int last);
    void rememberStates();

    JobQueue &m_queue;
    ThumbnailCache &m_thumbnails;
    JobsModel *m_model;
    JobDelegate *m_delegate;
    QStackedWidget *m_stack;
    QListView *m_view;
    QLabel *m_summary;
    QLabel *m_empty;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_open;
    JobItems *m_items;
    QHash<qint64, JobState> m_states; // as last announced
    QTimer m_tick; // the elapsed times move while jobs run
};
