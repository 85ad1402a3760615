#include "jobs/serveroutcome.h"

namespace {

QDateTime orNow(const QDateTime &when)
{
    return when.isValid() ? when : QDateTime::currentDateTimeUtc();
}

} // namespace

ServerOutcome ServerOutcome::ofEndedTask(const Task &task)
{
    if (task.status == TaskStatus::Completed)
        return {Kind::Completed, task.resultImageUrls.value(0), orNow(task.completedAt), {}};
    return {Kind::Failed, {}, {}, task.error};
}

ServerOutcome ServerOutcome::ofRecord(const GeneratedImage &record)
{
    switch (record.status) {
    case ImageStatus::Completed:
        return {Kind::Completed, record.imageUrl, orNow(record.completedAt), {}};
    case ImageStatus::Failed:
        return {Kind::Failed, {}, {}, record.error};
    case ImageStatus::Pending:
        break;
    }
    return {};
}
