#pragma once

// A JobQueue as the unit tests drive it: a fresh database in `folder`, the fake server
// (FakeJobBackend) and a downloader whose every image answer is `resultBytes`. Tests set the
// timing and the account they need.

#include "fakejobbackend.h"
#include "history/historydatabase.h"
#include "jobs/jobqueue.h"
#include "jobs/jobstore.h"
#include "media/imagedownloader.h"
#include "media/imagestore.h"

#include <QSqlQuery>
#include <QTimer>

#include <memory>

struct JobQueueRun
{
    JobQueueRun(const QString &folder, const QByteArray &resultBytes, JobQueue::Hooks hooks = {},
                ImageStore::FreeBytes freeBytes = {})
        : database(folder + QStringLiteral("/studio.sqlite"))
        , downloader(
              [resultBytes](const QUrl &url, QObject *context,
                            const DownloadDone &done) -> AbortDownload {
                  QTimer::singleShot(0, context, [url, done, resultBytes] {
                      done(DownloadedImage{url, QStringLiteral("image/png"), resultBytes});
                  });
                  return [] {};
              },
              ImageStore(folder + QStringLiteral("/images"), std::move(freeBytes)))
    {
        opened = database.open().ok();
        store = std::make_unique<JobStore>(database);
        queue = std::make_unique<JobQueue>(*store, server, downloader,
                                           folder + QStringLiteral("/refs"), std::move(hooks));
    }
    ~JobQueueRun()
    {
        queue.reset();
        downloader.cancelAll();
    }
    JobQueueRun(const JobQueueRun &) = delete;
    JobQueueRun &operator=(const JobQueueRun &) = delete;

    JobState state(qint64 id) const { return queue->job(id)->state; }
    // The first column of `sql` with `id` bound, as text; "(no row)" when none.
    QString column(const QString &sql, qint64 id)
    {
        QSqlQuery q(database.connection());
        q.prepare(sql);
        q.bindValue(0, id);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("(no row)");
    }

    bool opened = false;
    HistoryDatabase database;
    FakeJobBackend server;
    ImageDownloader downloader;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<JobQueue> queue;
};
