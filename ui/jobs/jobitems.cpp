#include "jobs/jobitems.h"

#include "domain/job.h"
#include "jobs/jobdelegate.h"
#include "jobs/jobspanel.h"
#include "models/jobsmodel.h"

#include <QAbstractItemView>
#include <QAccessibleActionInterface>

using namespace Qt::StringLiterals;

namespace {
const QString kCancel = u"cancel"_s;
const QString kRetry = u"retry"_s;
} // namespace

JobItems::JobItems(QAbstractItemView *view, JobsPanel *panel, const JobDelegate &delegate)
    : AccessibleItems(view)
    , m_panel(panel)
    , m_delegate(delegate)
{ }

QString JobItems::name(const QModelIndex &index) const
{
    return tr("%1, %2", "job: prompt, state and elapsed time")
        .arg(JobDelegate::promptText(index), m_delegate.stateAndTime(index));
}

QString JobItems::description(const QModelIndex &index) const
{
    const auto state = JobState(index.data(JobsModel::StateRole).toInt());
    if (state == JobState::Completed || state == JobState::Cancelled)
        return {};
    return index.data(JobsModel::MessageRole).toString();
}

QStringList JobItems::actionNames(const QModelIndex &index) const
{
    QStringList names{QAccessibleActionInterface::pressAction()};
    if (index.data(JobsModel::CanCancelRole).toBool())
        names << kCancel;
    if (index.data(JobsModel::CanRetryRole).toBool())
        names << kRetry;
    names << QAccessibleActionInterface::showMenuAction();
    return names;
}

QString JobItems::actionText(const QString &action, const QModelIndex &index) const
{
    if (action == QAccessibleActionInterface::pressAction())
        return tr("Open in gallery");
    if (action == kCancel)
        return tr("Cancel");
    if (action == kRetry)
        return tr("Retry");
    return AccessibleItems::actionText(action, index);
}

QString JobItems::actionDescription(const QString &action, const QModelIndex &index) const
{
    if (action == QAccessibleActionInterface::pressAction())
        return tr("Shows this job's image in the gallery");
    if (action == kCancel)
        return tr("Stops this job before it is sent or finished");
    if (action == kRetry)
        return tr("Sends this job again");
    return AccessibleItems::actionDescription(action, index);
}

void JobItems::doAction(const QString &action, const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (action == QAccessibleActionInterface::showMenuAction()) {
        AccessibleItems::doAction(action, index);
        return;
    }
    view()->setCurrentIndex(index);
    if (action == QAccessibleActionInterface::pressAction())
        m_panel->openCurrent();
    else if (action == kCancel)
        m_panel->cancelCurrent();
    else if (action == kRetry)
        m_panel->retryCurrent();
}
