#pragma once

#include <QDialog>
#include <QTimer>

class Banner;
class BusyIndicator;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

// Sign-in: a phone number and a texted 6-digit code, or a pasted token. It only collects and
// validates input; the caller does the requests and answers with codeSent / showError /
// signedIn.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(const QString &serverUrl = {}, QWidget *parent = nullptr);

    QString serverUrl() const;
    // The countdown before "Resend code" is enabled again; tests shorten the tick.
    void setResendDelay(int seconds) { m_resendDelay = seconds; }
    void setCountdownInterval(int milliseconds) { m_countdown.setInterval(milliseconds); }
    int resendSecondsLeft() const { return m_secondsLeft; }

    bool isBusy() const { return m_busy; }
    bool isCodeStep() const;
    QString errorText() const;

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QLineEdit *codeEdit() const { return m_code; }
    QLineEdit *tokenEdit() const { return m_token; }
    QPushButton *sendCodeButton() const { return m_sendCode; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *resendButton() const { return m_resend; }
    QPushButton *useTokenButton() const { return m_useToken; }
    QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    void codeSent();
    void showError(const QString &message);
    void clearError();
    void setBusy(bool busy);
    void signedIn();
    void showTokenPage();

Q_SIGNALS:
    void codeRequested(const QString &server, const QString &phone);
    void codeSubmitted(const QString &server, const QString &phone, const QString &code);
    void tokenSubmitted(const QString &server, const QString &token);

private:
    QWidget *buildPhonePage();
    QWidget *buildTokenPage();
    bool validServer(QString *server);
    void requestCode();
    void submitCode();
    void submitToken();
    void codeEdited(const QString &text);
    void showPhoneStep();
    void tick();
    void refreshButtons();
    void updateDefaultButton();

    QString m_sentPhone; // normalised, where the code went
    QString m_lastSubmittedCode;
    bool m_busy = false;
    bool m_rewritingCode = false;
    int m_resendDelay = 60;
    int m_secondsLeft = 0;
    QTimer m_countdown;

    Banner *m_banner;
    QLineEdit *m_server;
    QTabWidget *m_tabs;
    QStackedWidget *m_phoneSteps = nullptr;
    QLineEdit *m_phone = nullptr;
    QPushButton *m_sendCode = nullptr;
    QLabel *m_sentTo = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_resend = nullptr;
    QPushButton *m_changeNumber = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_useToken = nullptr;
    BusyIndicator *m_busyIndicator;
    QLabel *m_status;
    QPushButton *m_cancel;
};
