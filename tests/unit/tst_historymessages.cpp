#include "history/historysync.h"
#include "historyfixture.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

// Translates a few "Messages" sources, so a test sees which words went through the catalogue.
class FakeTranslator final : public QTranslator
{
public:
    QHash<QString, QString> words; // source → translation

    bool isEmpty() const override { return false; }

    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "Messages") != 0)
            return {};
        return words.value(QString::fromUtf8(sourceText));
    }
};

} // namespace

// Checks that the history's own errors are kept as codes: stored and read back, they read in
// the language of the moment, step included.
class TestHistoryMessages final : public QObject, HistoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(openFresh()); }
    void cleanup() { closeAll(); }

    void storeFailureNamesItsStepByCode()
    {
        // A read-only connection: every write of the store fails in the driver.
        QSqlQuery pragma(m_db->connection());
        QVERIFY(pragma.exec(u"PRAGMA query_only = 1"_s));
        const auto set = m_store->setFavorite(1, true);
        QVERIFY(!set.ok());
        const ApiError &error = set.error();
        QCOMPARE(error.message.code, u"core.history.writeFailed"_s);
        QCOMPARE(error.message.args.size(), 1);
        QCOMPARE(UserMessage::fromStorage(error.message.args.at(0)).code,
                 u"core.history.step.saveFavourite"_s);
        QVERIFY2(error.userMessage.startsWith(
                     u"The local history could not be updated (saving the favourite)."_s),
                 qPrintable(error.userMessage));

        // Stored, then shown in another language: the step is translated too.
        const QString stored = error.message.toStorage();
        FakeTranslator translator;
        translator.words.insert(u"saving the favourite"_s, u"FAVOURITE-STEP"_s);
        QCoreApplication::installTranslator(&translator);
        const QString shown = UserMessage::fromStorage(stored).text();
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(shown.contains(u"(FAVOURITE-STEP)"_s), qPrintable(shown));
    }

    void syncWithoutARequestSaysSoByCode()
    {
        HistorySync sync([](int, int) -> ApiCall<ImagesPage> * { return nullptr; }, *m_store,
                         u"acc"_s);
        QSignalSpy failed(&sync, &HistorySync::failed);
        QVERIFY(sync.start(HistorySync::Mode::Full));
        QTRY_COMPARE(failed.size(), 1);
        const auto error = failed.at(0).at(0).value<ApiError>();
        QCOMPARE(error.message.code, u"core.sync.notRequested"_s);
        QCOMPARE(error.userMessage,
                 u"The history could not be requested. Sign in and try again."_s);
    }
};

QTEST_GUILESS_MAIN(TestHistoryMessages)
#include "tst_historymessages.moc"
