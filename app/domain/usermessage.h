#pragma once

#include <QString>
#include <QStringList>

#include <span>

// A sentence for a person, kept as a code and its arguments: stored in the profile as such
// and put into words only when shown, so a job stored today reads in tomorrow's language.
struct UserMessage
{
    // Empty: no message. "text": args[0] is already a sentence (the server's own words, a
    // row written before messages had codes); it is shown as it is.
    QString code;
    QStringList args;

    bool isEmpty() const { return code.isEmpty(); }
    // The sentence in the program's current language.
    QString text() const;
    // The sentence in English whatever the language, for logs and diagnostics.
    QString english() const;

    static UserMessage plain(const QString &sentence);
    static UserMessage of(const char *code, QStringList args = {});

    // Storage form: {"code":"…","args":[…]}; an empty message is an empty string. A stored
    // text that is not such an object (an older row) reads back as plain().
    QString toStorage() const;
    static UserMessage fromStorage(const QString &stored);

    friend bool operator==(const UserMessage &, const UserMessage &) = default;
};

// One message a module can show: its code, the English source (translated in the context
// "Messages"; %1… are the arguments in order), which argument, if any, is the count for %n
// plurals, and which arguments are themselves messages (in storage form: a nested
// toStorage(), or plain text), so inner words such as "the server" are translated too.
//
// Rules the catalogues keep (tst_usermessage checks them): codes are unique across all
// catalogues; the source numbers its placeholders %1…%k without gaps, except that the plural
// argument appears as %n instead of its own number, and its source is marked with
// QT_TRANSLATE_N_NOOP so lupdate asks the translator for every plural form.
struct MessageSource
{
    const char *code;
    const char *source;
    int pluralArg = -1;
    unsigned messageArgs = 0; // bit i set: argument i (%(i+1)) is a message
};

// The messageArgs bit for %number, e.g. messageArg(1) | messageArg(2).
constexpr unsigned messageArg(int number)
{
    return 1u << (number - 1);
}

// The catalogues, one per room (domain/messages/*.cpp); UserMessage::text() looks in each.
namespace Messages {
std::span<const MessageSource> api();
std::span<const MessageSource> jobs();
std::span<const MessageSource> core();
// Replaces %1…%9 with args, in one pass (no warnings for placeholders a translation omits).
QString fill(const QString &text, const QStringList &args);
} // namespace Messages
