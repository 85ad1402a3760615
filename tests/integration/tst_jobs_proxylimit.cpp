#include "studiofixture.h"
#include "support/slowdown.h"

#include <QImage>
#include <QRandomGenerator>

using namespace studiotest;

namespace {

// A photo-like reference that compresses badly: about 4 MB as a JPEG at quality 100.
QString noisyJpeg(const QString &dir)
{
    QImage image(1600, 1200, QImage::Format_RGB32);
    QRandomGenerator random(15);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = 0xff000000u | (random.generate() & 0xffffffu);
    }
    const QString path = dir + u"/noisy.jpg"_s;
    return image.save(path, "JPEG", 100) ? path : QString();
}

bool setProxyLimit(DevServerProcess &server, qint64 bytes)
{
    return server
               .request("POST", u"/__dev/proxy"_s,
                        "{\"maxBodyBytes\":" + QByteArray::number(bytes) + '}', "application/json")
               .status
           == 200;
}

int proxyRefusals(DevServerProcess &server)
{
    return server.devState().value(u"proxy"_s).toObject().value(u"refused"_s).toInt();
}

} // namespace

// Issue 15, defect 2: nginx's HTML 413 in front of the server. It came before the server saw
// the job, so nothing was charged: the references are made smaller and the job goes again at
// once, and the user is told; when they cannot be made small enough it fails at once, saying
// so. Never the 9 minutes of reconciling a 413 used to cost.
class TestJobsProxyLimit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void tooLargeIsSentAgainSmaller()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(setProxyLimit(server, 1'000'000)); // a common client_max_body_size
        QTemporaryDir profile;
        const auto reference = noisyJpeg(profile.path());
        QVERIFY(QFileInfo(reference).size() > 2'000'000);
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        auto timing = fastTiming();
        timing.reconcileDelaysMs = {600'000}; // a reconcile would outlast the test
        services->jobs().setTiming(timing);
        QVERIFY(signIn(*services));
        QSignalSpy notices(&services->jobs(), &JobQueue::noticeChanged);

        auto request = generateRequest(u"the same picture, as a watercolour"_s);
        request.kind = JobKind::Edit;
        request.referencePaths = {reference};
        auto queued = services->jobs().enqueue(request);
        QVERIFY(queued);
        const auto job = waitFinished(*services, queued.value().id, TestTime::scaled(90'000));
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"completed"_s);
        QVERIFY(proxyRefusals(server) >= 1);
        QCOMPARE(server.devState().value(u"editPosts"_s).toInt(), 1); // only the one that passed
        bool told = false;
        for (const auto &notice : std::as_const(notices))
            told |= notice.first().toString().contains(u"made smaller");
        QVERIFY2(told, "the user was not told the pictures were sent again smaller");
    }

    void tooLargeEvenAtTheFloorFailsAtOnce()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(setProxyLimit(server, 3'000)); // room for the prompt, never for a picture
        QTemporaryDir profile;
        const auto reference = noisyJpeg(profile.path());
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        auto timing = fastTiming();
        timing.reconcileDelaysMs = {600'000};
        services->jobs().setTiming(timing);
        QVERIFY(signIn(*services));

        auto request = generateRequest(u"a picture no proxy will take"_s);
        request.kind = JobKind::Edit;
        request.referencePaths = {reference};
        auto queued = services->jobs().enqueue(request);
        QVERIFY(queued);
        const auto job = waitFinished(*services, queued.value().id, TestTime::scaled(90'000));
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"failed"_s);
        QCOMPARE(job->message.code, u"jobs.picturesTooLarge"_s);
        QVERIFY2(job->userMessage.contains(u"too large"), qPrintable(job->userMessage));
        QVERIFY(proxyRefusals(server) >= 1);
        QCOMPARE(server.devState().value(u"editPosts"_s).toInt(), 0);
        QCOMPARE(userState(server).value(u"images"_s).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobsProxyLimit)
#include "tst_jobs_proxylimit.moc"
