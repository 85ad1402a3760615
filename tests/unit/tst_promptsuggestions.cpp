#include "appservices.h"
#include "history/historydatabase.h"
#include "history/historystore.h"
#include "jobs/jobqueue.h"
#include "prompts/promptindex.h"
#include "prompts/promptsuggestions.h"
#include "prompts/recentprompts.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc-1"_s;

GeneratedImage record(int n, const QString &prompt, qint64 createdMs)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.userId = kAccount;
    g.prompt = prompt;
    g.type = ImageType::TextToImage;
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.status = ImageStatus::Completed;
    g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(n);
    g.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC);
    return g;
}

} // namespace

// Past prompts as one types (PromptIndex, PromptSuggestions over a real history) and the
// Recent prompts list (RecentPrompts).
class TestPromptSuggestions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prefixOfTheWholePrompt()
    {
        PromptIndex index;
        index.add(u"a red fox in the snow"_s, 100);
        index.add(u"a blue whale at night"_s, 200);
        QCOMPARE(index.suggest(u"a red f"_s), QStringList{u"a red fox in the snow"_s});
        QCOMPARE(index.suggest(u"a bl"_s), QStringList{u"a blue whale at night"_s});
        QCOMPARE(index.suggest(u"a green"_s), QStringList());
    }

    void wordsAnywhereEachStartingAWord()
    {
        PromptIndex index;
        index.add(u"portrait of an old knight, oil painting"_s, 100);
        index.add(u"a knight's horse in the rain"_s, 200);
        index.add(u"tonight in the city"_s, 300);
        // Word starts in any order; "night" is inside "knight" and "tonight" but starts neither.
        QCOMPARE(index.suggest(u"oil kni"_s),
                 QStringList{u"portrait of an old knight, oil painting"_s});
        QCOMPARE(index.suggest(u"night"_s), QStringList());
        QCOMPARE(index.suggest(u"Kni"_s),
                 (QStringList{u"a knight's horse in the rain"_s,
                              u"portrait of an old knight, oil painting"_s}));
    }

    void newestFirstDistinctAndLimited()
    {
        PromptIndex index;
        for (int i = 0; i < 30; ++i)
            index.add(u"castle number %1"_s.arg(i), 1000 + i);
        index.add(u"Castle number 3"_s, 5000); // the same prompt again, used last
        index.add(u"castle  number 3 "_s, 10); // and an older spelling of it
        const QStringList got = index.suggest(u"castle"_s, 5);
        QCOMPARE(got.size(), 5);
        QCOMPARE(got.first(), u"Castle number 3"_s);
        QCOMPARE(got.mid(1), (QStringList{u"castle number 29"_s, u"castle number 28"_s,
                                          u"castle number 27"_s, u"castle number 26"_s}));
        QCOMPARE(index.size(), 30);
        // The typed text itself is not offered back.
        QVERIFY(!index.suggest(u"castle number 29"_s).contains(u"castle number 29"_s));
    }

    void persianInAnyOfItsForms()
    {
        PromptIndex index;
        // Written with Persian yeh and keheh, a zero-width non-joiner and a fatha.
        const QString stored = u"یک گربهٔ کوچک می\u200Cخوابد زیر درخت"_s;
        index.add(stored, 100);
        index.add(u"a cat under a tree"_s, 200);
        // Typed with Arabic yeh and kaf, no non-joiner, no diacritics.
        QCOMPARE(index.suggest(u"\u064A\u0643 \u06AF\u0631"_s), QStringList{stored});
        QCOMPARE(index.suggest(u"ميخو"_s), QStringList{stored});
        QCOMPARE(index.suggest(u"درَخ"_s), QStringList{stored});
        // Latin accents fold as well.
        index.add(u"Crème brûlée on a café table"_s, 300);
        QCOMPARE(index.suggest(u"creme bru"_s), QStringList{u"Crème brûlée on a café table"_s});
    }

    void suggestionsOverTheHistoryAndItsNewRows()
    {
        QTemporaryDir dir;
        HistoryDatabase database(dir.filePath(u"studio.sqlite"_s));
        QVERIFY(database.open().ok());
        HistoryStore store(database);
        QVERIFY(store
                    .upsertServerRecords(kAccount,
                                         {record(1, u"lantern in a misty forest"_s, 1000),
                                          record(2, u"lantern festival at night"_s, 2000),
                                          record(3, u"lantern festival at night"_s, 500)},
                                         3000)
                    .ok());
        QVERIFY(store
                    .upsertServerRecords(u"someone-else"_s,
                                         {record(4, u"lantern of another account"_s, 9000)}, 9000)
                    .ok());

        PromptSuggestions suggestions(database);
        QSignalSpy indexed(&suggestions, &PromptSuggestions::indexed);
        suggestions.setAccount(kAccount);
        QVERIFY(indexed.wait(5000));
        QCOMPARE(suggestions.indexedPrompts(), 2);

        QSignalSpy ready(&suggestions, &PromptSuggestions::suggestionsReady);
        suggestions.ask(u"lan"_s);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.last().at(0).toString(), u"lan"_s);
        QCOMPARE(ready.last().at(1).toStringList(),
                 (QStringList{u"lantern festival at night"_s, u"lantern in a misty forest"_s}));

        // A record that arrives later joins the index, newest first.
        QVERIFY(store.upsertServerRecords(kAccount, {record(5, u"lantern on a boat"_s, 4000)}, 4000)
                    .ok());
        suggestions.refresh();
        QVERIFY(indexed.wait(5000));
        suggestions.ask(u"lantern"_s);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.last().at(1).toStringList().value(0), u"lantern on a boat"_s);
        QCOMPARE(ready.last().at(1).toStringList().size(), 3);
    }

    // On demand (the desktop app), choosing the account builds nothing; the first question
    // builds the whole index and is answered from it; a history change before that builds
    // nothing either.
    void onDemandTheFirstQuestionBuildsTheIndex()
    {
        QTemporaryDir dir;
        HistoryDatabase database(dir.filePath(u"studio.sqlite"_s));
        QVERIFY(database.open().ok());
        HistoryStore store(database);
        QVERIFY(store
                    .upsertServerRecords(kAccount,
                                         {record(1, u"lantern in a misty forest"_s, 1000),
                                          record(2, u"lantern festival at night"_s, 2000)},
                                         3000)
                    .ok());
        PromptSuggestions suggestions(database);
        suggestions.setBuildOnDemand(true);
        QSignalSpy indexed(&suggestions, &PromptSuggestions::indexed);
        suggestions.setAccount(kAccount);
        QVERIFY(!suggestions.isBuilt());
        suggestions.refreshIfBuilt();
        QVERIFY(!suggestions.isBuilt());

        QSignalSpy ready(&suggestions, &PromptSuggestions::suggestionsReady);
        suggestions.ask(u"lan"_s);
        QVERIFY(suggestions.isBuilt());
        QVERIFY(ready.wait(5000));
        QCOMPARE(indexed.size(), 1);
        QCOMPARE(suggestions.indexedPrompts(), 2);
        QCOMPARE(ready.last().at(1).toStringList(),
                 (QStringList{u"lantern festival at night"_s, u"lantern in a misty forest"_s}));

        // Another account: dropped, and built again only when needed.
        suggestions.setAccount(u"someone-else"_s);
        QVERIFY(!suggestions.isBuilt());
        suggestions.warmUp();
        QVERIFY(suggestions.isBuilt());
        QVERIFY(indexed.wait(5000));
        QCOMPARE(suggestions.indexedPrompts(), 0);
    }

    void recentPromptsNewestFirstAndDistinct()
    {
        QTemporaryDir dir;
        RecentPrompts recent(dir.filePath(u"recent.json"_s), nullptr);
        const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
        recent.add(kAccount, u"first prompt"_s, t0);
        recent.add(kAccount, u"second prompt"_s, t0.addSecs(1));
        recent.add(kAccount, u"First  prompt"_s, t0.addSecs(2)); // the first, used again
        recent.add(u"other"_s, u"not mine"_s, t0.addSecs(3));
        QCOMPARE(recent.list(kAccount), (QStringList{u"First  prompt"_s, u"second prompt"_s}));
        // Kept in the file: another object (a restart, the CLI) reads the same list.
        RecentPrompts again(dir.filePath(u"recent.json"_s), nullptr);
        QCOMPARE(again.list(kAccount, 1), QStringList{u"First  prompt"_s});
        for (int i = 0; i < RecentPrompts::kept + 10; ++i)
            recent.add(kAccount, u"prompt %1"_s.arg(i), t0.addSecs(10 + i));
        QCOMPARE(recent.list(kAccount, 1000).size(), RecentPrompts::kept);
    }

    void sentPromptsStayWhenTheirImagesAreHiddenOrDeleted()
    {
        QTemporaryDir dir;
        AppServices::Options options;
        options.profilePath = dir.path();
        options.server = QUrl(u"http://127.0.0.1:9"_s);
        options.fileOnlyTokens = true;
        options.startJobs = false;
        AppServices services(options);
        QVERIFY(services.open().ok());
        // An account as after sign-in, with sending held: the jobs stay queued here.
        services.jobs().pause();
        services.jobs().setAccount(kAccount);
        JobRequest request;
        request.prompt = u"a lighthouse in a storm"_s;
        QVERIFY(services.jobs().enqueue(request).ok());
        request.prompt = u"a quiet harbour at dawn"_s;
        QVERIFY(services.jobs().enqueue(request).ok());

        QSqlQuery q(services.database().connection());
        QVERIFY(q.exec(u"UPDATE generated_images SET hidden = 1"_s));
        QCOMPARE(services.recentPrompts().list(kAccount),
                 (QStringList{u"a quiet harbour at dawn"_s, u"a lighthouse in a storm"_s}));
        QVERIFY(q.exec(u"DELETE FROM generated_images"_s));
        QVERIFY(q.exec(u"DELETE FROM jobs"_s));
        QCOMPARE(services.recentPrompts().list(kAccount),
                 (QStringList{u"a quiet harbour at dawn"_s, u"a lighthouse in a storm"_s}));
    }
};

QTEST_GUILESS_MAIN(TestPromptSuggestions)
#include "tst_promptsuggestions.moc"
