#include "session/signindialog.h"

#include "common/accessibletabs.h"
#include "common/banner.h"
#include "common/busyindicator.h"
#include "common/uiresources.h"
#include "session/signininput.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace SignInInput;

namespace {

constexpr int kCodeLength = 6;

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SignInDialog::SignInDialog(const QString &serverUrl, QWidget *parent)
    : QDialog(parent)
    , m_banner(new Banner(this))
    , m_server(new QLineEdit(serverUrl, this))
    , m_tabs(new QTabWidget(this))
    , m_busyIndicator(new BusyIndicator(this))
    , m_status(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    initUiResources();
    setWindowTitle(tr("Sign in to NanoBanana"));
    setWindowIcon(QIcon(u":/icons/app.svg"_s));
    setAccessibleName(tr("Sign in"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/app.svg"_s).pixmap(40, 40));
    auto *title = new QLabel(tr("<b>Sign in to NanoBanana</b><br>Your images and stars follow "
                                "your account."),
                             this);
    title->setWordWrap(true);
    auto *header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addWidget(title, 1);

    m_server->setPlaceholderText(u"https://"_s);
    m_server->setAccessibleName(tr("Server address"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly);
    auto *serverRow = new QFormLayout;
    serverRow->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    serverRow->addRow(tr("&Server:"), m_server);

    m_tabs->addTab(buildPhonePage(), tr("&Phone number"));
    m_tabs->addTab(buildTokenPage(), tr("Use a &token"));
    m_tabs->setAccessibleName(tr("Sign-in method"));
    m_tabs->tabBar()->setAccessibleName(tr("Sign-in method"));
    setAccessibleTabs(m_tabs->tabBar());

    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_cancel->setAutoDefault(false);
    m_cancel->setAccessibleName(tr("Cancel sign-in"));
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_busyIndicator);
    footer->addWidget(m_status, 1);
    footer->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addLayout(serverRow);
    layout->addWidget(m_tabs);
    layout->addLayout(footer);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &SignInDialog::tick);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        clearError();
        updateDefaultButton();
    });

    setTabOrder(m_server, m_tabs);
    setTabOrder(m_tabs, m_phone);
    setTabOrder(m_phone, m_sendCode);
    setTabOrder(m_sendCode, m_code);
    setTabOrder(m_code, m_verify);
    setTabOrder(m_verify, m_resend);
    setTabOrder(m_resend, m_changeNumber);
    setTabOrder(m_changeNumber, m_token);
    setTabOrder(m_token, m_useToken);
    setTabOrder(m_useToken, m_cancel);

    setMinimumWidth(440);
    refreshButtons();
    updateDefaultButton();
    (m_server->text().trimmed().isEmpty() ? m_server : m_phone)->setFocus();
}

QWidget *SignInDialog::buildPhonePage()
{
    m_phoneSteps = new QStackedWidget(this);

    auto *numberPage = new QWidget(m_phoneSteps);
    m_phone = new QLineEdit(numberPage);
    m_phone->setPlaceholderText(tr("+49 151 23456789"));
    m_phone->setAccessibleName(tr("Phone number"));
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_sendCode = new QPushButton(tr("Send code"), numberPage);
    m_sendCode->setAccessibleName(tr("Send code"));
    auto *numberLabel = new QLabel(tr("Phone &number"), numberPage);
    numberLabel->setBuddy(m_phone);
    auto *numberLayout = new QVBoxLayout(numberPage);
    numberLayout->setContentsMargins(12, 12, 12, 12);
    numberLayout->addWidget(numberLabel);
    numberLayout->addWidget(m_phone);
    numberLayout->addWidget(
        hintLabel(tr("Include your country code. We will text you a 6-digit code."), numberPage));
    numberLayout->addStretch(1);
    auto *numberButtons = new QHBoxLayout;
    numberButtons->addStretch(1);
    numberButtons->addWidget(m_sendCode);
    numberLayout->addLayout(numberButtons);

    auto *codePage = new QWidget(m_phoneSteps);
    m_sentTo = new QLabel(codePage);
    m_sentTo->setWordWrap(true);
    m_code = new QLineEdit(codePage);
    m_code->setPlaceholderText(u"123456"_s);
    m_code->setAccessibleName(tr("Verification code"));
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_code->setAlignment(Qt::AlignCenter);
    QFont codeFont = m_code->font();
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.6);
    codeFont.setLetterSpacing(QFont::AbsoluteSpacing, 4);
    m_code->setFont(codeFont);
    m_sentTo->setBuddy(m_code);
    m_verify = new QPushButton(tr("Sign in"), codePage);
    m_verify->setAccessibleName(tr("Sign in with the code"));
    m_resend = new QPushButton(codePage);
    m_resend->setAutoDefault(false);
    m_resend->setAccessibleName(tr("Resend code"));
    m_changeNumber = new QPushButton(tr("Use another number"), codePage);
    m_changeNumber->setAutoDefault(false);
    m_changeNumber->setFlat(true);
    m_changeNumber->setAccessibleName(tr("Use another phone number"));
    auto *codeLayout = new QVBoxLayout(codePage);
    codeLayout->setContentsMargins(12, 12, 12, 12);
    codeLayout->addWidget(m_sentTo);
    codeLayout->addWidget(m_code);
    codeLayout->addWidget(hintLabel(
        tr("Paste the whole text message if you like; the code is picked out of it."), codePage));
    codeLayout->addStretch(1);
    auto *codeButtons = new QHBoxLayout;
    codeButtons->addWidget(m_changeNumber);
    codeButtons->addStretch(1);
    codeButtons->addWidget(m_resend);
    codeButtons->addWidget(m_verify);
    codeLayout->addLayout(codeButtons);

    m_phoneSteps->addWidget(numberPage);
    m_phoneSteps->addWidget(codePage);

    connect(m_sendCode, &QPushButton::clicked, this, &SignInDialog::requestCode);
    connect(m_resend, &QPushButton::clicked, this, &SignInDialog::requestCode);
    connect(m_verify, &QPushButton::clicked, this, &SignInDialog::submitCode);
    connect(m_changeNumber, &QPushButton::clicked, this, &SignInDialog::showPhoneStep);
    connect(m_code, &QLineEdit::textChanged, this, &SignInDialog::codeEdited);
    return m_phoneSteps;
}

QWidget *SignInDialog::buildTokenPage()
{
    auto *page = new QWidget(this);
    m_token = new QLineEdit(page);
    m_token->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_token->setPlaceholderText(tr("Paste the token here"));
    m_token->setAccessibleName(tr("Access token"));
    m_useToken = new QPushButton(tr("Sign in with token"), page);
    m_useToken->setAccessibleName(tr("Sign in with the token"));
    auto *label = new QLabel(tr("Access &token"), page);
    label->setBuddy(m_token);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(label);
    layout->addWidget(m_token);
    layout->addWidget(hintLabel(tr("Use a token you got elsewhere, for example from the web app. "
                                   "It stays on this computer."),
                                page));
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_useToken);
    layout->addLayout(buttons);
    connect(m_useToken, &QPushButton::clicked, this, &SignInDialog::submitToken);
    return page;
}

QString SignInDialog::serverUrl() const
{
    return m_server->text().trimmed();
}

bool SignInDialog::isCodeStep() const
{
    return m_phoneSteps->currentIndex() == 1;
}

QString SignInDialog::errorText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

bool SignInDialog::validServer(QString *server)
{
    *server = normalizedServer(m_server->text());
    if (server->isEmpty()) {
        showError(tr("Enter the server’s address, starting with https:// (or http:// for a "
                     "local server)."));
        m_server->setFocus();
        m_server->selectAll();
        return false;
    }
    return true;
}

void SignInDialog::requestCode()
{
    QString server;
    if (!validServer(&server))
        return;
    const QString phone = normalizedPhone(m_phone->text());
    if (phone.isEmpty()) {
        showError(tr("Enter your phone number with its country code: a + and 10 to 15 digits, "
                     "like +49 151 23456789."));
        showPhoneStep();
        m_phone->selectAll();
        return;
    }
    clearError();
    m_sentPhone = phone;
    setBusy(true);
    m_status->setText(tr("Sending a code to %1…").arg(phone));
    Q_EMIT codeRequested(server, phone);
}

void SignInDialog::codeSent()
{
    setBusy(false);
    clearError();
    m_sentTo->setText(tr("Enter the 6-digit &code we sent to %1.").arg(m_sentPhone));
    m_phoneSteps->setCurrentIndex(1);
    m_lastSubmittedCode.clear();
    m_code->clear();
    m_code->setFocus();
    m_secondsLeft = m_resendDelay;
    m_countdown.start();
    refreshButtons();
    updateDefaultButton();
}

void SignInDialog::codeEdited(const QString &text)
{
    if (m_rewritingCode)
        return;
    QString code = extractCode(text);
    QString digits = text;
    digits.remove(QRegularExpression(u"\\D"_s));
    const QString shown = !code.isEmpty() ? code : digits.size() <= kCodeLength ? digits : text;
    if (shown != text) {
        // Keep only what matters, so a pasted message becomes just its code.
        m_rewritingCode = true;
        m_code->setText(shown);
        m_rewritingCode = false;
    }
    if (code.isEmpty() && digits.size() > kCodeLength)
        showError(tr("That does not look like a 6-digit code; check the message and try again."));
    else if (m_banner->isVisible() && m_banner->kind() == Banner::Kind::Error && code.isEmpty())
        clearError();
    if (code.isEmpty())
        m_lastSubmittedCode.clear();
    refreshButtons();
    if (!code.isEmpty() && code != m_lastSubmittedCode && !m_busy)
        submitCode();
}

void SignInDialog::submitCode()
{
    const QString code = extractCode(m_code->text());
    if (code.isEmpty()) {
        showError(tr("Enter the 6-digit code from the text message."));
        m_code->setFocus();
        return;
    }
    QString server;
    if (!validServer(&server))
        return;
    clearError();
    m_lastSubmittedCode = code;
    setBusy(true);
    m_status->setText(tr("Checking the code…"));
    Q_EMIT codeSubmitted(server, m_sentPhone, code);
}

void SignInDialog::submitToken()
{
    const QString token = cleanedToken(m_token->text());
    if (token.isEmpty()) {
        showError(tr("Paste your access token first."));
        m_token->setFocus();
        return;
    }
    if (token.contains(QRegularExpression(u"\\s"_s))) {
        showError(tr("A token is one piece of text without spaces or line breaks; copy it again."));
        m_token->setFocus();
        return;
    }
    QString server;
    if (!validServer(&server))
        return;
    clearError();
    setBusy(true);
    m_status->setText(tr("Checking the token…"));
    Q_EMIT tokenSubmitted(server, token);
}

void SignInDialog::showError(const QString &message)
{
    setBusy(false);
    m_banner->showMessage(Banner::Kind::Error, message);
    if (isCodeStep() && m_tabs->currentIndex() == 0) {
        m_code->setFocus();
        m_code->selectAll();
    }
}

void SignInDialog::clearError()
{
    m_banner->hide();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyIndicator->setRunning(busy);
    if (!busy)
        m_status->clear();
    refreshButtons();
}

void SignInDialog::signedIn()
{
    setBusy(false);
    m_countdown.stop();
    accept();
}

void SignInDialog::showTokenPage()
{
    m_tabs->setCurrentIndex(1);
    m_token->setFocus();
}

void SignInDialog::showPhoneStep()
{
    m_phoneSteps->setCurrentIndex(0);
    m_countdown.stop();
    m_phone->setFocus();
    refreshButtons();
    updateDefaultButton();
}

void SignInDialog::tick()
{
    if (--m_secondsLeft <= 0) {
        m_secondsLeft = 0;
        m_countdown.stop();
    }
    refreshButtons();
}

void SignInDialog::refreshButtons()
{
    m_sendCode->setEnabled(!m_busy);
    m_useToken->setEnabled(!m_busy);
    m_verify->setEnabled(!m_busy && !extractCode(m_code->text()).isEmpty());
    m_resend->setEnabled(!m_busy && m_secondsLeft <= 0);
    m_resend->setText(m_secondsLeft > 0 ? tr("Resend code (%1 s)").arg(m_secondsLeft)
                                        : tr("Resend code"));
    m_phone->setReadOnly(m_busy);
    m_server->setReadOnly(m_busy);
}

void SignInDialog::updateDefaultButton()
{
    // Enter acts on the visible step: send, verify, or use the token.
    QPushButton *primary = m_tabs->currentIndex() == 1 ? m_useToken
                           : isCodeStep()              ? m_verify
                                                       : m_sendCode;
    for (QPushButton *button : {m_sendCode, m_verify, m_useToken})
        button->setDefault(button == primary);
}
