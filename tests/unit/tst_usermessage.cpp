#include "domain/apierror.h"
#include "domain/usermessage.h"
#include "media/imageverifier.h"
#include "session/phonenumber.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// A translator that knows a few sources by heart and remembers the counts it was asked for,
// so the tests see what a real catalogue would receive without building a .qm file.
class FakeTranslator final : public QTranslator
{
public:
    QHash<QString, QString> one; // source → translation when n == 1 (or no count)
    QHash<QString, QString> other; // source → translation for other counts
    mutable QList<int> counts; // n of every plural lookup in "Messages"

    bool isEmpty() const override { return false; }

    QString translate(const char *context, const char *sourceText, const char *,
                      int n) const override
    {
        if (qstrcmp(context, "Messages") != 0)
            return {};
        const QString source = QString::fromUtf8(sourceText);
        if (n >= 0)
            counts << n;
        if (n >= 0 && n != 1 && other.contains(source))
            return other.value(source);
        return one.value(source); // null when unknown: the next translator or the source
    }
};

const MessageSource *sourceOf(const QString &code)
{
    for (const auto catalogue : {Messages::api(), Messages::jobs(), Messages::core()})
        for (const auto &entry : catalogue)
            if (code == QLatin1String(entry.code))
                return &entry;
    return nullptr;
}

QString sourceText(const char *code)
{
    const MessageSource *source = sourceOf(QString::fromLatin1(code));
    return source ? QString::fromUtf8(source->source) : QString();
}

} // namespace

// Checks that a sentence survives storage as a code and arguments, is put into words in the
// current language only when shown, and that every catalogue is one a translator can fill.
class TestUserMessage final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeTranslator> m_translator;

    FakeTranslator &installTranslator()
    {
        m_translator = std::make_unique<FakeTranslator>();
        QCoreApplication::installTranslator(m_translator.get());
        return *m_translator;
    }

private Q_SLOTS:
    void cleanup()
    {
        if (m_translator)
            QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }

    void storageRoundTrip_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("args");

        QTest::newRow("no arguments") << u"api.cancelled"_s << QStringList();
        QTest::newRow("one argument") << u"core.image.badAddress"_s << QStringList{u"x:/y"_s};
        QTest::newRow("quotes and backslashes")
            << u"api.localFile"_s << QStringList{u"say \"hi\" \\ 'there'"_s, u"\\\"}"_s};
        QTest::newRow("persian") << u"api.validation"_s
                                 << QStringList{u"درخواست نامعتبر است"_s, u"۱۲۳"_s};
        QTest::newRow("empty strings") << u"api.stars.needsHas"_s << QStringList{QString(), u""_s};
        QTest::newRow("json-looking argument")
            << u"api.serverError"_s << QStringList{u"{\"code\":\"api.cancelled\",\"args\":[]}"_s};
        QTest::newRow("newlines and percent")
            << u"core.history.damaged"_s << QStringList{u"line 1\nline 2 %1 100%"_s};
        QTest::newRow("unknown code") << u"no.such.code"_s << QStringList{u"a"_s};
        QTest::newRow("plain text") << u"text"_s << QStringList{u"The server's own words."_s};
    }

    void storageRoundTrip()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, args);
        const UserMessage message{code, args};
        if (code == u"no.such.code") {
            for (int i = 0; i < 2; ++i)
                QTest::ignoreMessage(QtWarningMsg,
                                     QRegularExpression(u"no message with the code"_s));
        }
        const QString stored = message.toStorage();
        QVERIFY(!stored.isEmpty());
        const UserMessage back = UserMessage::fromStorage(stored);
        QCOMPARE(back.code, code);
        QCOMPARE(back.args, args);
        QCOMPARE(back.text(), message.text());
    }

    void emptyMessageStoresAsNothing()
    {
        QCOMPARE(UserMessage().toStorage(), QString());
        QVERIFY(UserMessage::fromStorage({}).isEmpty());
        QVERIFY(UserMessage::plain({}).isEmpty());
        QCOMPARE(UserMessage().text(), QString());
    }

    void olderRowsReadBackAsThemselves_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("english sentence")
            << u"The server could not finish this request (it said: error 502). Your job is "
               "kept; try again in a minute."_s;
        QTest::newRow("persian sentence") << u"سرور پاسخ نداد."_s;
        QTest::newRow("starts with a brace") << u"{not json at all"_s;
        QTest::newRow("json without a code") << u"{\"error\":\"Bad request\"}"_s;
        QTest::newRow("json with a numeric code") << u"{\"code\":500}"_s;
    }

    void olderRowsReadBackAsThemselves()
    {
        QFETCH(QString, stored);
        const UserMessage message = UserMessage::fromStorage(stored);
        QCOMPARE(message.code, u"text"_s);
        QCOMPARE(message.text(), stored);
        QCOMPARE(message.english(), stored);
        QCOMPARE(UserMessage::fromStorage(message.toStorage()), message);
    }

    void fill_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");

        const QStringList nine{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s,
                               u"f"_s, u"g"_s, u"h"_s, u"i"_s};
        QTest::newRow("in order") << u"%1 and %2"_s << QStringList{u"x"_s, u"y"_s} << u"x and y"_s;
        QTest::newRow("one to nine") << u"%1%2%3%4%5%6%7%8%9"_s << nine << u"abcdefghi"_s;
        QTest::newRow("reordered")
            << u"%2 before %1"_s << QStringList{u"x"_s, u"y"_s} << u"y before x"_s;
        QTest::newRow("repeated") << u"%1, %1"_s << QStringList{u"x"_s} << u"x, x"_s;
        QTest::newRow("omitted") << u"only %2"_s << QStringList{u"x"_s, u"y"_s} << u"only y"_s;
        QTest::newRow("missing argument") << u"%1 and %3"_s << QStringList{u"x"_s} << u"x and "_s;
        QTest::newRow("literal percent")
            << u"100% of %1"_s << QStringList{u"x"_s} << u"100% of x"_s;
        QTest::newRow("trailing percent") << u"%1 at 50%"_s << QStringList{u"x"_s} << u"x at 50%"_s;
        QTest::newRow("percent zero") << u"%0 stays"_s << QStringList{u"x"_s} << u"%0 stays"_s;
        QTest::newRow("double percent") << u"%%1"_s << QStringList{u"x"_s} << u"%x"_s;
        QTest::newRow("ten is one then zero") << u"%10"_s << nine << u"a0"_s;
        QTest::newRow("argument holding a placeholder")
            << u"%1 then %2"_s << QStringList{u"%2"_s, u"y"_s} << u"%2 then y"_s;
        QTest::newRow("persian") << u"پاسخ %1 بود"_s << QStringList{u"خالی"_s}
                                 << u"پاسخ خالی بود"_s;
    }

    void fill()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QCOMPARE(Messages::fill(text, args), expected);
    }

    // A missing or extra argument would be silent at run time; the catalogue's shape catches it.
    void catalogueCodesAreUniqueAndPlaceholdersComplete()
    {
        static const QRegularExpression placeholder(u"%(\\d)"_s);
        QSet<QString> codes;
        int count = 0;
        for (const auto catalogue : {Messages::api(), Messages::jobs(), Messages::core()}) {
            for (const auto &entry : catalogue) {
                ++count;
                const QString code = QString::fromLatin1(entry.code);
                const QString source = QString::fromUtf8(entry.source);
                QVERIFY2(!code.isEmpty() && code != u"text", qPrintable(code));
                QVERIFY2(!codes.contains(code), qPrintable(u"duplicate code "_s + code));
                codes.insert(code);
                QVERIFY2(!source.isEmpty(), qPrintable(code));

                QSet<int> numbers;
                for (const auto &match : placeholder.globalMatch(source))
                    numbers.insert(match.captured(1).toInt());
                QVERIFY2(!numbers.contains(0), qPrintable(code + u": %0"_s));
                if (entry.pluralArg >= 0) {
                    QVERIFY2(source.contains(u"%n"), qPrintable(code + u": plural without %n"_s));
                    QVERIFY2(!numbers.contains(entry.pluralArg + 1),
                             qPrintable(code + u": the count is %n, not a number"_s));
                    numbers.insert(entry.pluralArg + 1);
                } else {
                    QVERIFY2(!source.contains(u"%n"), qPrintable(code + u": %n without a count"_s));
                }
                const int k = int(numbers.size());
                for (int i = 1; i <= k; ++i)
                    QVERIFY2(
                        numbers.contains(i),
                        qPrintable(u"%1: %2 missing in \"%3\""_s.arg(code).arg(i).arg(source)));
                QVERIFY2(entry.messageArgs >> k == 0,
                         qPrintable(code + u": a message argument past the last placeholder"_s));
            }
        }
        QVERIFY(count > 50);
    }

    void englishWithoutTranslator()
    {
        QCOMPARE(UserMessage::of("core.image.tooLarge", {u"9000"_s, u"8000"_s, u"8192"_s}).text(),
                 u"The image is 9000×8000 pixels, larger than the 8192-pixel limit, so it was "
                 "not kept."_s);
        QCOMPARE(ApiError::rateLimited(429, {}, 1).userMessage,
                 u"The server is limiting how often it can be asked. Wait 1 s; queued work "
                 "resumes by itself."_s);
    }

    void pluralsPickTheCount_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one") << 1 << u"Wait one second."_s;
        QTest::newRow("zero") << 0 << u"Wait 0 seconds."_s;
        QTest::newRow("many") << 42 << u"Wait 42 seconds."_s;
        QTest::newRow("a count over 255") << 3600 << u"Wait 3600 seconds."_s;
    }

    void pluralsPickTheCount()
    {
        QFETCH(int, seconds);
        QFETCH(QString, expected);
        FakeTranslator &translator = installTranslator();
        const QString source = sourceText("api.rateLimited.seconds");
        QVERIFY(!source.isEmpty());
        translator.one.insert(source, u"Wait one second."_s);
        translator.other.insert(source, u"Wait %n seconds."_s);

        const ApiError error = ApiError::rateLimited(429, {}, seconds);
        QCOMPARE(error.userMessage, expected);
        QCOMPARE(translator.counts, QList<int>{seconds});
        // Stored and read back, it still carries the count.
        QCOMPARE(UserMessage::fromStorage(error.message.toStorage()).text(), expected);
        QCOMPARE(error.message.english(),
                 u"The server is limiting how often it can be asked. Wait %1 s; queued work "
                 "resumes by itself."_s.arg(seconds));
    }

    void translationMayReorderOrOmitPlaceholders()
    {
        FakeTranslator &translator = installTranslator();
        translator.one.insert(sourceText("api.stars.needsHas"), u"Have %2, need %1."_s);
        translator.one.insert(sourceText("api.localFile"), u"That file cannot be used."_s);
        QCOMPARE(ApiError::insufficientStars(403, {}, 4, 1.5).userMessage, u"Have 1.5, need 4."_s);
        QCOMPARE(
            ApiError::localFile(u"a.png"_s, UserMessage::of("core.file.notAPicture")).userMessage,
            u"That file cannot be used."_s);
    }

    // Inner words are messages of their own: a translation never shows an English word.
    void innerWordsAreTranslated()
    {
        FakeTranslator &translator = installTranslator();
        translator.one.insert(sourceText("api.network"), u"%1 را نمی‌توان یافت."_s);
        translator.one.insert(sourceText("api.word.theServer"), u"سرور"_s);
        translator.one.insert(sourceText("api.serverError"), u"خطای سرور (%1)."_s);
        translator.one.insert(sourceText("api.word.errorStatus"), u"خطای %1"_s);
        translator.one.insert(sourceText("api.badResponse"), u"پاسخ سرور %1."_s);
        translator.one.insert(sourceText("core.answer.noList"), u"فهرست «%1» ندارد"_s);

        QCOMPARE(ApiError::networkFailure({}).userMessage,
                 u"سرور را نمی‌توان یافت."_s);
        QCOMPARE(ApiError::networkFailure(u"example.org"_s).userMessage,
                 u"example.org را نمی‌توان یافت."_s);
        QCOMPARE(ApiError::serverError(502, {}).userMessage, u"خطای سرور (خطای 502)."_s);
        const ApiError bad =
            ApiError::badResponse(UserMessage::of("core.answer.noList", {u"images"_s}), 200);
        QCOMPARE(bad.userMessage, u"پاسخ سرور فهرست «images» ندارد."_s);
        // The diagnostic copy stays in English whatever the language.
        QCOMPARE(bad.serverMessage, u"has no \"images\" list"_s);
        QCOMPARE(bad.message.english(),
                 u"The server's answer has no \"images\" list, so it could not be read. Try "
                 "again in a minute; if it keeps happening, check the server address."_s);
    }

    // What was said in one language reads in the next one after the switch (a restart).
    void storedMessageFollowsTheLanguage()
    {
        const QString stored = ApiError::networkFailure({}).message.toStorage();
        QVERIFY(UserMessage::fromStorage(stored).text().startsWith(
            u"Could not reach the server at the server."_s));
        FakeTranslator &translator = installTranslator();
        translator.one.insert(sourceText("api.network"), u"%1 در دسترس نیست."_s);
        translator.one.insert(sourceText("api.word.theServer"), u"سرور"_s);
        QCOMPARE(UserMessage::fromStorage(stored).text(), u"سرور در دسترس نیست."_s);
    }

    void unknownCodeDoesNotCrash()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no message with the code"_s));
        QCOMPARE(UserMessage::of("no.such.code", {u"a"_s, u"b"_s}).text(), u"a b"_s);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no message with the code"_s));
        QCOMPARE(UserMessage::of("no.such.code").text(), QString());

        // A message argument that names an unknown code, or is not a message at all.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no message with the code"_s));
        const UserMessage unknownInside = UserMessage::of(
            "api.badResponse", {UserMessage::of("no.such.code", {u"x"_s}).toStorage()});
        QVERIFY(unknownInside.text().startsWith(u"The server's answer x, so"_s));
        const UserMessage garbage = UserMessage::of("api.badResponse", {u"{\"code\":"_s});
        QVERIFY(garbage.text().startsWith(u"The server's answer {\"code\":, so"_s));
        QVERIFY(
            UserMessage::of("api.badResponse").text().startsWith(u"The server's answer , so"_s));
    }

    // A damaged row nesting messages deeper than any sentence does is shown, not followed.
    // (Each level doubles the escaping, so a dozen levels make a large enough row.)
    void deepNestingStops()
    {
        UserMessage message = UserMessage::of("api.word.theServer");
        for (int i = 0; i < 12; ++i)
            message = UserMessage::of("api.badResponse", {message.toStorage()});
        const UserMessage back = UserMessage::fromStorage(message.toStorage());
        const QString text = back.text();
        QVERIFY(text.startsWith(u"The server's answer The server's answer"_s));
        QVERIFY2(text.contains(u"api.badResponse"), "rendered past the depth limit");
        QCOMPARE(text.count(u"The server's answer"), 5);
    }

    void factoriesSayWhatTheirMessageSays_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::newRow("networkFailure") << ApiError::networkFailure(u"example.org"_s, u"refused"_s);
        QTest::newRow("networkFailure, no host") << ApiError::networkFailure({});
        QTest::newRow("timedOut") << ApiError::timedOut(u"example.org"_s);
        QTest::newRow("tlsFailure") << ApiError::tlsFailure(u"example.org"_s, u"expired"_s);
        QTest::newRow("tlsFailure, no detail") << ApiError::tlsFailure({}, {});
        QTest::newRow("cancelled") << ApiError::cancelled();
        QTest::newRow("tooLarge, answer") << ApiError::tooLarge(qint64(64) * 1024 * 1024);
        QTest::newRow("tooLarge, upload") << ApiError::tooLarge(0, 413, u"big"_s);
        QTest::newRow("badResponse") << ApiError::badResponse(UserMessage::of("core.answer.empty"));
        QTest::newRow("badResponse, plain") << ApiError::badResponse(u"was odd"_s, 200);
        QTest::newRow("webPageInsteadOfData") << ApiError::webPageInsteadOfData(200);
        QTest::newRow("imageMissing") << ApiError::imageMissing(404, u"text/html"_s);
        QTest::newRow("imageMissing, no type") << ApiError::imageMissing(404, {});
        QTest::newRow("unauthorized") << ApiError::unauthorized(401, u"No token provided"_s);
        QTest::newRow("unauthorized, silent") << ApiError::unauthorized(401, {});
        QTest::newRow("insufficientStars, both")
            << ApiError::insufficientStars(403, u"INSUFFICIENT_STARS"_s, 4, 1);
        QTest::newRow("insufficientStars, needed")
            << ApiError::insufficientStars(403, {}, 2.5, std::nullopt);
        QTest::newRow("insufficientStars, none")
            << ApiError::insufficientStars(403, {}, std::nullopt, std::nullopt);
        QTest::newRow("validation") << ApiError::validation(400, u"prompt is required"_s);
        QTest::newRow("validation, silent") << ApiError::validation(400, {});
        QTest::newRow("validation, ours")
            << ApiError::validation(UserMessage::of("core.edit.needsImage"));
        QTest::newRow("notFound") << ApiError::notFound(404, u"Route not found"_s);
        QTest::newRow("notFound, silent") << ApiError::notFound(404, {});
        QTest::newRow("rateLimited") << ApiError::rateLimited(429, {}, 30);
        QTest::newRow("rateLimited, no wait") << ApiError::rateLimited(429, {}, -1);
        QTest::newRow("serverError") << ApiError::serverError(500, u"boom"_s);
        QTest::newRow("serverError, silent") << ApiError::serverError(503, {});
        QTest::newRow("localFile")
            << ApiError::localFile(u"a.png"_s, UserMessage::of("core.file.cannotShrink"));
        QTest::newRow("localFile, plain") << ApiError::localFile(u"a.png"_s, u"it is odd"_s);
    }

    void factoriesSayWhatTheirMessageSays()
    {
        QFETCH(ApiError, error);
        QVERIFY(error.message.code.startsWith(u"api."));
        QVERIFY(!error.userMessage.isEmpty());
        QCOMPARE(error.message.text(), error.userMessage);
        QCOMPARE(UserMessage::fromStorage(error.message.toStorage()).text(), error.userMessage);
        QVERIFY2(!error.userMessage.contains(u'%'), qPrintable(error.userMessage));
        QVERIFY2(!error.userMessage.contains(u"{\""), qPrintable(error.userMessage));
    }

    void englishWordingIsUnchanged_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<QString>("expected");
        QTest::newRow("networkFailure, no host")
            << ApiError::networkFailure({})
            << u"Could not reach the server at the server. Check your connection; queued work "
               "will be sent when it is back."_s;
        QTest::newRow("serverError, silent")
            << ApiError::serverError(502, {})
            << u"The server could not finish this request (it said: error 502). Your job is "
               "kept; try again in a minute."_s;
        QTest::newRow("insufficientStars")
            << ApiError::insufficientStars(403, {}, 4, 1.5)
            << u"You are out of stars: this needs 4 and you have 1.5. Top up, then try again."_s;
        QTest::newRow("badResponse")
            << ApiError::badResponse(
                   UserMessage::of("core.answer.invalidJson", {u"unterminated object"_s, u"12"_s}))
            << u"The server's answer was cut off or is not valid JSON (unterminated object at "
               "byte 12), so it could not be read. Try again in a minute; if it keeps "
               "happening, check the server address."_s;
        QTest::newRow("tlsFailure, no detail")
            << ApiError::tlsFailure(u"api.example.org"_s, {})
            << u"The secure connection to api.example.org failed (TLS error). Nothing was "
               "sent; check the server address and your system's certificates."_s;
        QTest::newRow("validation, silent")
            << ApiError::validation(400, {})
            << u"The server refused the request: invalid request. Correct it and try again."_s;
    }

    void englishWordingIsUnchanged()
    {
        QFETCH(ApiError, error);
        QFETCH(QString, expected);
        QCOMPARE(error.userMessage, expected);
        QCOMPARE(error.message.english(), expected);
    }

    // The core's own refusals are codes too, so a stored one reads in the next language.
    void coreErrorsCarryCodes()
    {
        const auto phone = PhoneNumber::normalize(u"12"_s);
        QVERIFY(!phone.ok());
        QCOMPARE(phone.error().message.code, u"core.phone.invalid"_s);
        QCOMPARE(phone.error().userMessage,
                 u"The country code is missing. Enter the number with its country code, for "
                 "example +98 912 123 4567."_s);

        const auto image = ImageVerifier::verify(QByteArray(), u"image/png"_s);
        QVERIFY(!image.ok());
        QCOMPARE(image.error().message.code, u"core.image.unusable"_s);
        QCOMPARE(image.error().userMessage,
                 u"The server sent something that is not a usable image (it was empty). Try "
                 "again later."_s);
    }
};

QTEST_GUILESS_MAIN(TestUserMessage)
#include "tst_usermessage.moc"
