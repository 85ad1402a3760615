#include "session/tokenstore.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

const QString origin = u"http://localhost:2000"_s;
const QString secret = u"eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJ1MSJ9.c2ln"_s;

} // namespace

// Checks the owner-only fallback file; NANOBANANA_NO_KEYCHAIN=1 keeps the real keychain out.
class TestTokenStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    mode_t m_oldUmask = 0;

    QString fallback() const { return m_dir.filePath(u"token"_s); }

    QString loadWith(TokenStore &store)
    {
        QSignalSpy loaded(&store, &TokenStore::loaded);
        store.load();
        if (!loaded.wait())
            return u"<no answer>"_s;
        return loaded.first().first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("NANOBANANA_NO_KEYCHAIN", "1");
        // A permissive umask: the store must restrict the file itself.
        m_oldUmask = ::umask(0);
    }

    void cleanupTestCase() { ::umask(m_oldUmask); }

    void cleanup() { QFile::remove(fallback()); }

    void environmentForcesFile()
    {
        QVERIFY(TokenStore::keychainDisabledByEnvironment());
        TokenStore store(m_dir.path(), fallback(), origin, TokenStore::Backend::Keychain);
        QVERIFY(store.usingFallbackFile());
    }

    void saveLoadClear()
    {
        TokenStore store(m_dir.path(), fallback(), origin, TokenStore::Backend::FileOnly);
        QSignalSpy notice(&store, &TokenStore::fallbackFileUsed);
        QSignalSpy saved(&store, &TokenStore::saved);
        QSignalSpy failed(&store, &TokenStore::failed);

        store.save(secret);
        QVERIFY(saved.wait());
        QCOMPARE(modeOf(fallback()), 0600);
        QFile written(fallback());
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains(secret.toLatin1()));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"settings.ini"_s)));

        TokenStore reopened(m_dir.path(), fallback(), origin, TokenStore::Backend::FileOnly);
        QCOMPARE(loadWith(reopened), secret);

        QSignalSpy cleared(&store, &TokenStore::cleared);
        store.clear();
        QVERIFY(cleared.wait());
        QVERIFY(!QFileInfo::exists(fallback()));
        QCOMPARE(loadWith(reopened), QString());

        QCOMPARE(notice.count(), 1); // one notice, however many operations
        QCOMPARE(notice.first().first().toString(), fallback());
        QCOMPARE(failed.count(), 0);
    }

    void loadWithNothingStored()
    {
        TokenStore store(m_dir.path(), fallback(), origin, TokenStore::Backend::FileOnly);
        QCOMPARE(loadWith(store), QString());
    }

    void originsKeptApart()
    {
        TokenStore a(m_dir.path(), fallback(), origin, TokenStore::Backend::FileOnly);
        TokenStore b(m_dir.path(), fallback(), u"https://api.example"_s,
                     TokenStore::Backend::FileOnly);
        QSignalSpy savedA(&a, &TokenStore::saved);
        QSignalSpy savedB(&b, &TokenStore::saved);
        a.save(u"token-a"_s);
        QVERIFY(savedA.wait());
        b.save(u"token-b"_s);
        QVERIFY(savedB.wait());
        QCOMPARE(loadWith(a), u"token-a"_s);
        QCOMPARE(loadWith(b), u"token-b"_s);

        QSignalSpy cleared(&a, &TokenStore::cleared);
        a.clear();
        QVERIFY(cleared.wait());
        QCOMPARE(loadWith(a), QString());
        QCOMPARE(loadWith(b), u"token-b"_s);
        QCOMPARE(modeOf(fallback()), 0600);
    }

    void tightensExistingFile()
    {
        QFile loose(fallback());
        QVERIFY(loose.open(QIODevice::WriteOnly));
        loose.write("{}");
        loose.close();
        QVERIFY(loose.setPermissions(loose.permissions() | QFileDevice::ReadOther));
        QVERIFY(modeOf(fallback()) & 0044);

        TokenStore store(m_dir.path(), fallback(), origin, TokenStore::Backend::FileOnly);
        QSignalSpy saved(&store, &TokenStore::saved);
        store.save(secret);
        QVERIFY(saved.wait());
        QCOMPARE(modeOf(fallback()), 0600);
    }

    void refusesFileReadableByOthers()
    {
        TokenStore store(m_dir.path(), fallback(), origin, TokenStore::Backend::FileOnly);
        QSignalSpy saved(&store, &TokenStore::saved);
        store.save(secret);
        QVERIFY(saved.wait());
        QVERIFY(QFile::setPermissions(fallback(),
                                      QFile::permissions(fallback()) | QFileDevice::ReadOther));

        QSignalSpy failed(&store, &TokenStore::failed);
        QSignalSpy loaded(&store, &TokenStore::loaded);
        store.load();
        QVERIFY(failed.wait());
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Local);
    }

    void unwritableLocationFails()
    {
        QFile blocker(m_dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        TokenStore store(m_dir.path(), blocker.fileName() + u"/token"_s, origin,
                         TokenStore::Backend::FileOnly);
        QSignalSpy failed(&store, &TokenStore::failed);
        store.save(secret);
        QVERIFY(failed.wait());
        QVERIFY(!failed.first().first().value<ApiError>().userMessage.contains(secret));
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
