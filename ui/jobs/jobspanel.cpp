#include "jobs/jobspanel.h"

#include "jobs/jobdelegate.h"
#include "jobs/jobitems.h"
#include "jobs/joblistview.h"
#include "jobs/jobqueue.h"
#include "media/thumbnailcache.h"
#include "models/jobsmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

JobsPanel::JobsPanel(JobQueue &queue, ThumbnailCache &thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_thumbnails(thumbnails)
    , m_model(new JobsModel(queue, this))
    , m_delegate(new JobDelegate(thumbnails, this))
    , m_stack(new QStackedWidget(this))
    , m_view(new JobListView(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_items(new JobItems(m_view, this, *m_delegate))
{
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAccessibleName(tr("Jobs"));
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setText(u"<p style='font-size:large'><b>%1</b></p><p>%2</p>"_s.arg(
        tr("No jobs yet"),
        tr("Images you generate or edit appear here while they are made, with their "
           "progress. Press Ctrl+J to hide or show this panel.")));
    m_empty->setWordWrap(true);
    m_empty->setMargin(12);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_open->setToolTip(tr("Open this job's image in the gallery"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    buttons->addStretch();
    buttons->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    // A stack, not show/hide: the list keeps its geometry while the panel is empty.
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &JobsPanel::cancelCurrent);
    connect(m_retry, &QPushButton::clicked, this, &JobsPanel::retryCurrent);
    connect(m_open, &QPushButton::clicked, this, &JobsPanel::openCurrent);
    connect(m_view, &QListView::doubleClicked, this, &JobsPanel::openCurrent);
    connect(m_view, &QListView::customContextMenuRequested, this, &JobsPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &JobsPanel::refreshButtons);
    connect(m_model, &JobsModel::dataChanged, this, &JobsPanel::refreshButtons);
    connect(m_model, &JobsModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                announceStates(from.row(), to.row());
            });
    connect(m_model, &JobsModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                refreshSummary();
                m_view->scrollToTop();
                announceStates(first, last);
            });
    connect(m_model, &JobsModel::modelReset, this, &JobsPanel::refreshSummary);
    connect(m_model, &JobsModel::modelReset, this, &JobsPanel::rememberStates);
    connect(m_model, &JobsModel::activeCountChanged, this, &JobsPanel::refreshSummary);
    connect(&m_thumbnails, &ThumbnailCache::thumbnailReady, m_view->viewport(),
            [this] { m_view->viewport()->update(); });

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_view->viewport(),
            [this] { m_view->viewport()->update(); });
    refreshSummary();
    refreshButtons();
    rememberStates();
}

JobsPanel::~JobsPanel() = default;

QString JobsPanel::summaryText() const
{
    return m_summary->text();
}

bool JobsPanel::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void JobsPanel::setOffline(bool offline)
{
    m_delegate->setOffline(offline);
    m_view->viewport()->update();
}

void JobsPanel::reload()
{
    m_model->reload();
}

void JobsPanel::selectJob(qint64 jobId)
{
    const int row = m_model->rowOfJob(jobId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
}

qint64 JobsPanel::currentJobId() const
{
    const Job *job = m_model->jobAt(m_view->currentIndex().row());
    return job ? job->id : 0;
}

void JobsPanel::cancelCurrent()
{
    const qint64 id = currentJobId();
    if (id && !m_queue.cancel(id))
        Q_EMIT statusMessage(tr("This job has already ended; there is nothing to cancel."));
}

void JobsPanel::retryCurrent()
{
    const qint64 id = currentJobId();
    if (id && !m_queue.retry(id))
        Q_EMIT statusMessage(tr("Only failed or cancelled jobs can be sent again."));
}

void JobsPanel::openCurrent()
{
    if (const Job *job = m_model->jobAt(m_view->currentIndex().row()))
        Q_EMIT openInGalleryRequested(*job);
}

void JobsPanel::refreshButtons()
{
    const QModelIndex current = m_view->currentIndex();
    m_cancel->setEnabled(current.data(JobsModel::CanCancelRole).toBool());
    m_retry->setEnabled(current.data(JobsModel::CanRetryRole).toBool());
    m_open->setEnabled(current.isValid());
}

void JobsPanel::refreshSummary()
{
    const int active = m_model->activeCount();
    const int total = m_model->rowCount();
    // English says "1 job" through studio_en.ts.
    const QString jobs = tr("%n jobs", nullptr, total);
    m_summary->setText(active > 0 ? tr("%1 running").arg(active) + QStringLiteral(" · ") + jobs
                                  : jobs);
    m_stack->setCurrentWidget(total > 0 ? static_cast<QWidget *>(m_view) : m_empty);
    // Nothing to count or act on: the empty page speaks alone.
    m_summary->setVisible(total > 0);
    for (auto *button : {m_cancel, m_retry, m_open})
        button->setVisible(total > 0);
    if (active > 0)
        m_tick.start();
    else
        m_tick.stop();
    refreshButtons();
}

void JobsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("Cancel"), this, &JobsPanel::cancelCurrent)
        ->setEnabled(index.data(JobsModel::CanCancelRole).toBool());
    menu.addAction(tr("Retry"), this, &JobsPanel::retryCurrent)
        ->setEnabled(index.data(JobsModel::CanRetryRole).toBool());
    menu.addAction(tr("Open in gallery"), this, &JobsPanel::openCurrent);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void JobsPanel::rememberStates()
{
    m_states.clear();
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (const Job *job = m_model->jobAt(row))
            m_states.insert(job->id, job->state);
}

void JobsPanel::announceStates(int first, int last)
{
    for (int row = qMax(0, first); row <= last && row < m_model->rowCount(); ++row) {
        const Job *job = m_model->jobAt(row);
        if (!job)
            continue;
        const auto known = m_states.constFind(job->id);
        if (known != m_states.constEnd() && *known == job->state)
            continue;
        m_states.insert(job->id, job->state);
        m_items->announceChanged(row, job->state == JobState::Failed);
    }
}

void JobsPanel::focusList()
{
    if (isShowingEmptyState()) {
        m_empty->setFocus(Qt::OtherFocusReason); // a reader hears "No jobs yet…"
        return;
    }
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0));
    m_view->setFocus(Qt::OtherFocusReason);
}
