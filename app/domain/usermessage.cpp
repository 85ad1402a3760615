#include "domain/usermessage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcMessages, "studio.messages")

const MessageSource *findSource(const QString &code)
{
    for (const auto catalogue : {Messages::api(), Messages::jobs(), Messages::core()})
        for (const auto &entry : catalogue)
            if (code == QLatin1String(entry.code))
                return &entry;
    return nullptr;
}

} // namespace

QString Messages::fill(const QString &text, const QStringList &args)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 1 < text.size() && text.at(i + 1) >= u'1' && text.at(i + 1) <= u'9') {
            const int index = text.at(i + 1).digitValue() - 1;
            out += args.value(index);
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

namespace {

enum class Language { Current, English };

// Nested messages deeper than this (only a damaged or hostile row has them) show as stored.
constexpr int kMaxDepth = 4;

QString render(const UserMessage &message, Language language, int depth)
{
    if (message.code.isEmpty())
        return {};
    if (message.code == u"text")
        return message.args.value(0);
    const MessageSource *source = findSource(message.code);
    if (!source) {
        qCWarning(lcMessages) << "no message with the code" << message.code;
        return message.args.join(u' ');
    }
    QStringList args = message.args;
    // Numbers are stored as written in C ("30"); a reader of the language of the moment sees
    // them in its digits (Persian ۳۰), without a thousands separator the sentence did not have.
    QLocale digits;
    digits.setNumberOptions(QLocale::OmitGroupSeparator);
    for (qsizetype i = 0; i < args.size() && i < 32; ++i) {
        if (source->messageArgs & (1u << i)) {
            if (depth < kMaxDepth)
                args[i] = render(UserMessage::fromStorage(args[i]), language, depth + 1);
            continue;
        }
        bool whole = false;
        const qlonglong number = args[i].toLongLong(&whole);
        if (whole && language == Language::Current && args[i] == QString::number(number))
            args[i] = digits.toString(number);
    }
    const int n = source->pluralArg >= 0 ? message.args.value(source->pluralArg).toInt() : -1;
    QString sentence;
    if (language == Language::English) {
        sentence = QString::fromUtf8(source->source);
        if (n >= 0)
            sentence.replace(QLatin1StringView("%n"), QString::number(n));
    } else {
        sentence = QCoreApplication::translate("Messages", source->source, nullptr, n);
    }
    return Messages::fill(sentence, args);
}

} // namespace

QString UserMessage::text() const
{
    return render(*this, Language::Current, 0);
}

QString UserMessage::english() const
{
    return render(*this, Language::English, 0);
}

UserMessage UserMessage::plain(const QString &sentence)
{
    if (sentence.isEmpty())
        return {};
    return {QStringLiteral("text"), {sentence}};
}

UserMessage UserMessage::of(const char *code, QStringList args)
{
    return {QString::fromLatin1(code), std::move(args)};
}

QString UserMessage::toStorage() const
{
    if (code.isEmpty())
        return {};
    QJsonObject object{{QStringLiteral("code"), code},
                       {QStringLiteral("args"), QJsonArray::fromStringList(args)}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

UserMessage UserMessage::fromStorage(const QString &stored)
{
    if (stored.isEmpty())
        return {};
    if (stored.startsWith(u'{')) {
        const auto document = QJsonDocument::fromJson(stored.toUtf8());
        const auto object = document.object();
        if (document.isObject() && object.value(QStringLiteral("code")).isString()) {
            UserMessage message;
            message.code = object.value(QStringLiteral("code")).toString();
            for (const auto &arg : object.value(QStringLiteral("args")).toArray())
                message.args << arg.toString();
            return message;
        }
    }
    return plain(stored);
}
