#include "jobs/maskeditfinisher.h"

#include "jobs/maskedit.h"
#include "threading/pool.h"

#include <QFutureWatcher>

#include <utility>

MaskEditFinisher::MaskEditFinisher(QObject *parent)
    : QObject(parent)
{
    m_workers.setMaxThreadCount(1);
}

MaskEditFinisher::~MaskEditFinisher()
{
    waitForPool(m_workers);
}

bool MaskEditFinisher::combine(const Job &job, const StoredImage &serverResult)
{
    const auto &request = job.request;
    if (!request.isBrushEdit() || !request.keepUnmasked || request.referencePaths.isEmpty())
        return false;
    using Outcome = std::pair<Job, StoredImage>;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Outcome outcome = watcher->result();
        Q_EMIT combined(outcome.first, outcome.second);
    });
    watcher->setFuture(runInPool(m_workers, [job, serverResult] {
        Job finished = job;
        const StoredImage shown = MaskEdit::finishResult(finished, serverResult);
        return Outcome{finished, shown};
    }));
    return true;
}
