#pragma once

#include "domain/apierror.h"

#include <QObject>
#include <QString>

#include <functional>

// Keeps the access token of one profile and server: in the system keychain (QtKeychain,
// service "NanoBanana Studio", key = profile root + server origin), or — where no keychain
// service runs (CI, Xvfb, a bare desktop) — in Profile::tokenFallbackPath(), a file only
// its owner can read. Never logs the token, never writes it to settings.ini.
// Every operation answers asynchronously with one signal.
class TokenStore final : public QObject
{
    Q_OBJECT
public:
    enum class Backend {
        Keychain, // the keychain, falling back to the file when none is available
        FileOnly, // tests and CI; also forced by NANOBANANA_NO_KEYCHAIN=1
    };

    TokenStore(QString profileRoot, QString fallbackPath, QString serverOrigin,
               Backend backend = Backend::Keychain, QObject *parent = nullptr);

    static bool keychainDisabledByEnvironment();
    static QString serviceName();

    QString keychainKey() const { return m_profileRoot + QLatin1Char('|') + m_origin; }
    QString fallbackPath() const { return m_fallbackPath; }
    // True once the owner-only file is (or is about to be) where the token lives.
    bool usingFallbackFile() const { return m_usingFile; }
    // True when the keychain was there but refused access (the user said no to its prompt).
    bool keychainRefused() const { return m_refused; }
    // One sentence for the user: where the token is kept, and why not in the keychain.
    QString fallbackNotice() const;

    void load(); // -> loaded(token), empty when none is stored
    void save(const QString &token); // -> saved() or failed()
    void clear(); // -> cleared() or failed()

Q_SIGNALS:
    void loaded(const QString &token);
    void saved();
    void cleared();
    void failed(const ApiError &error);
    // Emitted once per store, the first time the file stands in for the keychain: the
    // program shows one notice saying where the token is kept.
    void fallbackFileUsed(const QString &path);

private:
    void switchToFile(bool refused = false);
    void finishLater(std::function<void()> emitter);
    QString readFile(UserMessage *error) const;
    bool writeFile(const QString &token, UserMessage *error) const; // empty token: remove entry
    void loadFromFile();
    void saveToFile(const QString &token);
    void clearFile();

    QString m_profileRoot;
    QString m_fallbackPath;
    QString m_origin;
    bool m_usingFile = false;
    bool m_noticeSent = false;
    bool m_refused = false;
};
