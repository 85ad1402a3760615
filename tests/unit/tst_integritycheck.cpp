#include "history/historydatabase.h"
#include "history/historystore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000; // Feb 2026

GeneratedImage image(int n)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.userId = u"user"_s;
    g.prompt = u"a prompt long enough to fill some pages, number %1"_s.arg(n);
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.type = ImageType::TextToImage;
    g.status = ImageStatus::Completed;
    g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(n);
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 1000, Qt::UTC);
    return g;
}

QList<GeneratedImage> page(int first, int size)
{
    QList<GeneratedImage> records;
    for (int n = first; n < first + size; ++n)
        records.append(image(n));
    return records;
}

} // namespace

// The deferred integrity check as the desktop app runs it (AppServices::startIntegrityCheck):
// every page read on a worker thread of its own while this thread keeps writing to the same
// file. ./dev tsan runs it to show that the two share nothing unguarded.
class TestIntegrityCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deferredCheckRunsBesideWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"studio.sqlite"_s);
        {
            HistoryDatabase database(path);
            QVERIFY(database.open().ok());
            HistoryStore store(database);
            QVERIFY(store.upsertServerRecords(u"acc"_s, page(0, 2000), baseMs).ok());
        }

        HistoryDatabase database(path);
        QVERIFY(database.open(HistoryDatabase::IntegrityCheck::Deferred).ok());
        HistoryStore store(database);
        std::optional<Result<bool>> verified;
        HistoryDatabase *db = &database;
        std::unique_ptr<QThread> check(QThread::create([db, &verified] {
            verified = db->verifyIntegrity();
            db->releaseThreadConnection();
        }));
        check->start();
        for (int p = 0; p < 20; ++p)
            QVERIFY(store.upsertServerRecords(u"acc"_s, page(2000 + p * 50, 50), baseMs).ok());
        QVERIFY(check->wait(60'000));

        QVERIFY(verified.has_value());
        QVERIFY2(verified->ok(),
                 qPrintable(verified->ok() ? QString() : verified->error().serverMessage));
        QVERIFY(!QFile::exists(path + u".damaged"_s));
        QSqlQuery q(database.connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM generated_images"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 3000);
    }
};

QTEST_GUILESS_MAIN(TestIntegrityCheck)
#include "tst_integritycheck.moc"
