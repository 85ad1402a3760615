#include "profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Profile::defaultRootPath(): one default profile for the app and the CLI, in the XDG data
// home, and the folders older versions used carried over into it.
class TestProfile final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    QString shared() const { return m_home->filePath(u"nanobanana-studio/profiles/default"_s); }
    QString appLegacy() const
    {
        return m_home->filePath(u"NanoBanana/NanoBanana Studio/profiles/default"_s);
    }
    QString cliLegacy() const
    {
        return m_home->filePath(u"NanoBanana/nanobanana-cli/profiles/default"_s);
    }

    // A profile folder with a `token` file holding `marker`.
    static bool makeProfile(const QString &root, const QByteArray &marker)
    {
        QFile token(root + u"/token"_s);
        return QDir().mkpath(root) && token.open(QIODevice::WriteOnly)
               && token.write(marker) == marker.size();
    }
    static QByteArray marker(const QString &root)
    {
        QFile token(root + u"/token"_s);
        return token.open(QIODevice::ReadOnly) ? token.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        qputenv("XDG_DATA_HOME", m_home->path().toLocal8Bit());
    }
    void cleanupTestCase() { qunsetenv("XDG_DATA_HOME"); }

    void bothProgramsResolveTheSameFolder()
    {
        // The two binaries differ in their application names, which AppDataLocation used.
        QCoreApplication::setOrganizationName(u"NanoBanana"_s);
        QCoreApplication::setApplicationName(u"nanobanana-cli"_s);
        const QString cli = Profile::defaultRootPath();
        QCoreApplication::setApplicationName(u"NanoBanana Studio"_s);
        const QString app = Profile::defaultRootPath();
        QCOMPARE(cli, shared());
        QCOMPARE(app, shared());
    }

    void carriesAnOldDefaultProfileOver_data()
    {
        QTest::addColumn<QString>("legacy");
        QTest::newRow("the app's") << u"NanoBanana/NanoBanana Studio/profiles/default"_s;
        QTest::newRow("the CLI's") << u"NanoBanana/nanobanana-cli/profiles/default"_s;
    }

    void carriesAnOldDefaultProfileOver()
    {
        QFETCH(QString, legacy);
        const QString old = m_home->filePath(legacy);
        QVERIFY(makeProfile(old, "signed in"));

        QCOMPARE(Profile::defaultRootPath(), shared());
        QCOMPARE(marker(shared()), "signed in");
        QVERIFY(!QFileInfo::exists(old)); // moved, not copied: one profile, not two
        QCOMPARE(Profile::defaultRootPath(), shared()); // and only once
    }

    void theAppsOldProfileWinsOverTheClis()
    {
        QVERIFY(makeProfile(appLegacy(), "app"));
        QVERIFY(makeProfile(cliLegacy(), "cli"));
        QCOMPARE(Profile::defaultRootPath(), shared());
        QCOMPARE(marker(shared()), "app");
        QCOMPARE(marker(cliLegacy()), "cli"); // left where it was, not lost
    }

    void anExistingSharedProfileIsKept()
    {
        QVERIFY(makeProfile(shared(), "current"));
        QVERIFY(makeProfile(appLegacy(), "old"));
        QCOMPARE(Profile::defaultRootPath(), shared());
        QCOMPARE(marker(shared()), "current");
        QCOMPARE(marker(appLegacy()), "old");
    }

    // The default profile's thumbnails are a cache: in the cache home, and an older version's
    // thumbnails move there once. A profile given as a folder keeps them inside.
    void defaultThumbnailsLiveInTheCacheHome()
    {
        QTemporaryDir cache;
        QVERIFY(QDir().mkpath(shared() + u"/thumbs"_s));
        QFile old(shared() + u"/thumbs/ab.png"_s);
        QVERIFY(old.open(QIODevice::WriteOnly) && old.write("x") == 1);
        old.close();
        const Profile profile = Profile::defaultProfileIn(m_home->path(), cache.path());
        QCOMPARE(profile.rootPath(), shared());
        const QString thumbs = cache.filePath(u"nanobanana-studio/profiles/default/thumbs"_s);
        QCOMPARE(profile.thumbnailsDir(), thumbs);
        QVERIFY(QFileInfo::exists(thumbs + u"/ab.png"_s));
        QVERIFY(!QFileInfo::exists(shared() + u"/thumbs"_s));
        QVERIFY(profile.ensureExists());
        QCOMPARE(profile.databasePath(), shared() + u"/studio.sqlite"_s);

        const Profile given(m_home->filePath(u"mine"_s));
        QCOMPARE(given.thumbnailsDir(), m_home->filePath(u"mine/thumbs"_s));
    }

    void nothingToCarryOver()
    {
        QCOMPARE(Profile::defaultRootPath(), shared());
        QVERIFY(!QFileInfo::exists(shared())); // created by the services when they open it
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
