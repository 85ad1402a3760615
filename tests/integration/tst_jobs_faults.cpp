#include "studiofixture.h"

#include <QFileInfo>

using namespace studiotest;

// Every broken answer the dev server can give on the generate route: the job gets a readable
// message, is never lost, is never sent twice by itself, and completes (by reconciliation, or
// by a retry once the fault is gone) with exactly one charge.
class TestJobsFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void faultOnGenerate_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("fault");
        const QStringList faults{u"truncated-json"_s, u"html"_s,      u"reset"_s,
                                 u"stall"_s,          u"huge-body"_s, u"500"_s};
        for (const auto &flavor : {u"async"_s, u"sync"_s})
            for (const auto &fault : faults)
                QTest::addRow("%s %s", qPrintable(flavor), qPrintable(fault)) << flavor << fault;
    }

    void faultOnGenerate()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, fault);

        DevServerProcess server;
        QVERIFY2(server.start({u"--flavor"_s, flavor, u"--latency-ms"_s, u"300"_s, u"--fault"_s,
                               fault, u"--fault-route"_s, u"/nanobanana/generate"_s}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        BackendClient::Timeouts timeouts;
        timeouts.submitMs = 3000; // the stalled answer must end in a test's time
        services->client().setTimeouts(timeouts);
        QVERIFY(signIn(*services));
        const double stars = userState(server).value(u"stars"_s).toDouble();

        QStringList messages;
        QObject context;
        connect(&services->jobs(), &JobQueue::jobChanged, &context, [&messages](const Job &job) {
            if (!job.userMessage.isEmpty())
                messages.append(job.userMessage);
        });

        const QString prompt = u"a kite in a storm, "_s + fault;
        auto queued = services->jobs().enqueue(generateRequest(prompt));
        QVERIFY(queued);
        const qint64 id = queued.value().id;
        auto job = waitFinished(*services, id, 30000);
        QVERIFY(job);
        QVERIFY2(job->state == JobState::Completed || job->state == JobState::Failed,
                 qPrintable(jobStateName(job->state)));
        QCOMPARE(generatePosts(server), 1);
        QVERIFY2(!messages.isEmpty(), "the fault never reached the user as a message");
        for (const auto &message : std::as_const(messages)) {
            QVERIFY2(message.size() > 20 && !message.contains(u"<html"_s, Qt::CaseInsensitive),
                     qPrintable(message));
        }
        qInfo("%s/%s: %s (%s)", qPrintable(flavor), qPrintable(fault),
              qPrintable(jobStateName(job->state)), qPrintable(messages.last()));

        if (job->state == JobState::Failed) {
            QVERIFY(!job->userMessage.isEmpty());
            QVERIFY(server.setFault(u"none"_s));
            QVERIFY(services->jobs().retry(id));
            job = waitFinished(*services, id, 30000);
            QVERIFY(job);
        }
        QCOMPARE(jobStateName(job->state), u"completed"_s);
        QVERIFY(QFileInfo::exists(job->localImagePath));
        QTRY_COMPARE(userState(server).value(u"stars"_s).toDouble(), stars - 10);
        QCOMPARE(userState(server).value(u"images"_s).toInt(), 1);
        QCOMPARE(galleryRows(*services, prompt).size(), 1);
    }

    // When the history itself cannot be read, nobody knows whether the server made the image:
    // the job must stay unknown (never "nothing was charged", never resent) until it can look.
    void unreadableHistoryKeepsTheJobUnknown()
    {
        DevServerProcess server;
        QVERIFY2(server.start({u"--flavor"_s, u"sync"_s, u"--latency-ms"_s, u"300"_s, u"--fault"_s,
                               u"reset"_s, u"--fault-route"_s, u"/nanobanana/"_s}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        const double stars = userState(server).value(u"stars"_s).toDouble();

        auto queued = services->jobs().enqueue(generateRequest(u"an unreadable history"_s));
        QVERIFY(queued);
        const qint64 id = queued.value().id;
        // Every reconcile delay of the fast timing has passed and it is still asking.
        QTRY_VERIFY_WITH_TIMEOUT(
            services->jobs().job(id)->userMessage.startsWith(u"Could not check the history"_s),
            15000);
        QCOMPARE(jobStateName(services->jobs().job(id)->state), u"unknown"_s);
        QCOMPARE(generatePosts(server), 1);

        QVERIFY(server.setFault(u"none"_s));
        const auto job = waitFinished(*services, id, 30000);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"completed"_s);
        QCOMPARE(generatePosts(server), 1);
        QCOMPARE(userState(server).value(u"stars"_s).toDouble(), stars - 10);
    }
};

QTEST_GUILESS_MAIN(TestJobsFaults)
#include "tst_jobs_faults.moc"
