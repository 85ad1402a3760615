#include "session/signinflow.h"

#include "session/session.h"
#include "session/signindialog.h"
#include "studiosettings.h"

#include <QUrl>

SignInFlow::SignInFlow(Session &session, StudioSettings &settings, QUrl server, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_settings(settings)
    , m_server(std::move(server))
    , m_window(window)
{
    connect(&session, &Session::codeSent, this, [this] {
        if (m_dialog)
            m_dialog->codeSent();
    });
    connect(&session, &Session::codeRequestFailed, this, [this](const ApiError &error) {
        if (m_dialog)
            m_dialog->showError(error.userMessage);
    });
    connect(&session, &Session::signInFailed, this, [this](const ApiError &error) {
        if (m_dialog)
            m_dialog->showError(error.userMessage);
    });
    connect(&session, &Session::signedIn, this, [this] {
        if (m_dialog)
            m_dialog->signedIn();
        Q_EMIT signedIn();
    });
}

bool SignInFlow::sameServer(const QString &server)
{
    const QUrl wanted = QUrl::fromUserInput(server).adjusted(
        QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery);
    if (wanted == m_server)
        return true;
    m_settings.setServer(wanted);
    m_settings.sync();
    if (m_dialog)
        m_dialog->showError(tr("%1 is saved as your server. Restart NanoBanana Studio to sign "
                               "in there; until then it talks to %2.")
                                .arg(wanted.toString(), m_server.toString()));
    return false;
}

void SignInFlow::open()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new SignInDialog(m_server.toString(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto &session = m_session;
    connect(m_dialog, &SignInDialog::codeRequested, this,
            [this, &session](const QString &server, const QString &phone) {
                if (sameServer(server))
                    session.requestCode(phone);
            });
    connect(m_dialog, &SignInDialog::codeSubmitted, this,
            [this, &session](const QString &server, const QString &phone, const QString &code) {
                if (sameServer(server))
                    session.verifyCode(phone, code);
            });
    connect(m_dialog, &SignInDialog::tokenSubmitted, this,
            [this, &session](const QString &server, const QString &token) {
                if (sameServer(server))
                    session.signInWithToken(token);
            });
    m_dialog->open();
}

SignInDialog *SignInFlow::dialog() const
{
    return m_dialog.data();
}
