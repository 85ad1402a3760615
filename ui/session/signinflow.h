#pragma once

#include <QObject>
#include <QPointer>

class AppServices;
class SignInDialog;
class QWidget;

// Runs the sign-in dialog against the session: code request, code check, pasted token. A
// different server address is stored for the next start (services are built for one server).
class SignInFlow final : public QObject
{
    Q_OBJECT
public:
    SignInFlow(AppServices &services, QWidget *window);

    // Opens the dialog (window-modal), or raises the one already open.
    void open();
    SignInDialog *dialog() const;

Q_SIGNALS:
    void signedIn();

private:
    bool sameServer(const QString &server);

    AppServices &m_services;
    QWidget *m_window;
    QPointer<SignInDialog> m_dialog;
};
