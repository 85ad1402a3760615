#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

class Session;
class SignInDialog;
class StudioSettings;
class QWidget;

// Runs the sign-in dialog against the session: code request, code check, pasted token. A
// different server address is stored for the next start (services are built for one server).
class SignInFlow final : public QObject
{
    Q_OBJECT
public:
    // `server`: the one the session talks to (a new one is saved for the next start).
    SignInFlow(Session &session, StudioSettings &settings, QUrl server, QWidget *window);

    // Opens the dialog (window-modal), or raises the one already open.
    void open();
    SignInDialog *dialog() const;

Q_SIGNALS:
    void signedIn();

private:
    bool sameServer(const QString &server);

    Session &m_session;
    StudioSettings &m_settings;
    QUrl m_server;
    QWidget *m_window;
    QPointer<SignInDialog> m_dialog;
};
