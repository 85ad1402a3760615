// The offline image mirror stopped halfway (the app quit with 500 records' images half
// fetched) and started again: the second run fetches each image it lacks exactly once and none
// of those it already has, and the library ends complete.
#include "history/imagebacklog.h"
#include "media/imagemirror.h"
#include "studiofixture.h"

#include <QDir>

using namespace studiotest;

namespace {

int uploadGets(DevServerProcess &server)
{
    return server.devState().value(u"uploadGets"_s).toInt();
}

} // namespace

class TestImageMirrorHalfway final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restartContinuesWhereItStopped();

private:
    DevServerProcess m_server;
    QTemporaryDir m_work;
};

void TestImageMirrorHalfway::restartContinuesWhereItStopped()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(m_server.start({u"--flavor"_s, u"sync"_s, u"--seed-history"_s, u"500"_s}),
             qPrintable(m_server.errorString()));
    const QString profile = QDir(m_work.path()).filePath(u"profile"_s);
    qint64 completed = 0;
    {
        AppServices::Options options;
        options.profilePath = profile;
        options.server = m_server.origin();
        options.fileOnlyTokens = true;
        options.desktop = true; // the desktop app mirrors after its sync by itself
        AppServices services(options);
        QVERIFY(services.open().ok());
        ImageMirror &mirror = services.imageMirror();
        QVERIFY(signIn(services));
        // The sync is written when the mirror's pass knows its size; quit about halfway.
        QTRY_VERIFY_WITH_TIMEOUT(mirror.total() > 300 && mirror.done() >= mirror.total() / 2,
                                 60000);
        completed = services.imageBacklog().counts(services.accountId()).value().withImage;
        QCOMPARE(completed, mirror.total());
    }
    auto services = openServices(profile, m_server.origin());
    QVERIFY(services);
    QVERIFY(restoreSession(*services));
    const auto before = services->imageBacklog().counts(services->accountId()).value();
    QVERIFY2(before.here >= completed / 2 && before.here < completed,
             qPrintable(u"%1 of %2"_s.arg(before.here).arg(completed)));
    ImageMirror &mirror = services->imageMirror();
    QSignalSpy finished(&mirror, &ImageMirror::passFinished);
    const int getsBefore = uploadGets(m_server);
    mirror.start();
    QVERIFY(finished.wait(60000));
    const auto after = services->imageBacklog().counts(services->accountId()).value();
    QCOMPARE(after.missing(), 0);
    QCOMPARE(after.here, completed);
    // What it had stays; what it lacked is asked for once each.
    QCOMPARE(uploadGets(m_server) - getsBefore, int(completed - before.here - before.gone));
    QCOMPARE(qint64(mirror.downloadedThisPass()), completed - before.here);
}

QTEST_GUILESS_MAIN(TestImageMirrorHalfway)
#include "tst_imagemirror_halfway.moc"
