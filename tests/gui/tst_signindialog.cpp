#include "common/banner.h"
#include "screenshot.h"
#include "session/signindialog.h"
#include "session/signininput.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kServer = u"http://127.0.0.1:8787"_s;
const QString kPhone = u"+4915123456789"_s;
} // namespace

class TestSignInDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void phoneNormalisation_data();
    void phoneNormalisation();
    void codeExtraction_data();
    void codeExtraction();
    void serverNormalisation_data();
    void serverNormalisation();
    void invalidPhoneGetsASentence_data();
    void invalidPhoneGetsASentence();
    void invalidServerGetsASentence_data();
    void invalidServerGetsASentence();
    void enterSendsTheCode();
    void autoSubmitsAtSixDigits();
    void pastedCodeIsPickedOut_data();
    void pastedCodeIsPickedOut();
    void tooManyDigitsIsExplained();
    void wrongCodeCanBeRetyped();
    void resendCountdown();
    void tokenPath_data();
    void tokenPath();
    void signedInAcceptsEscapeCancels();
    void screenshots();

private:
    // A shown dialog already on the code step for kPhone.
    std::unique_ptr<SignInDialog> dialogAtCodeStep();
};

std::unique_ptr<SignInDialog> TestSignInDialog::dialogAtCodeStep()
{
    auto dialog = std::make_unique<SignInDialog>(kServer);
    dialog->show();
    dialog->phoneEdit()->setText(u"+49 151 2345 6789"_s);
    QTest::mouseClick(dialog->sendCodeButton(), Qt::LeftButton);
    dialog->codeSent();
    return dialog;
}

void TestSignInDialog::phoneNormalisation_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("spaces") << u"+49 151 2345 6789"_s << kPhone;
    QTest::newRow("dashes") << u"+1-415-555-0100"_s << u"+14155550100"_s;
    QTest::newRow("outer blanks") << u"  +447911123456 "_s << u"+447911123456"_s;
    QTest::newRow("10 digits") << u"+1234567890"_s << u"+1234567890"_s;
    QTest::newRow("15 digits") << u"+123456789012345"_s << u"+123456789012345"_s;
    QTest::newRow("no plus") << u"0151 23456789"_s << QString();
    QTest::newRow("9 digits") << u"+123456789"_s << QString();
    QTest::newRow("16 digits") << u"+1234567890123456"_s << QString();
    QTest::newRow("letters") << u"+49 151 CALL ME"_s << QString();
    QTest::newRow("parentheses") << u"+1 (415) 555-0100"_s << QString();
    QTest::newRow("two pluses") << u"++4915123456789"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSignInDialog::phoneNormalisation()
{
    QFETCH(QString, typed);
    QFETCH(QString, normalised);
    QCOMPARE(SignInInput::normalizedPhone(typed), normalised);
}

void TestSignInDialog::codeExtraction_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("six digits") << u"123456"_s << u"123456"_s;
    QTest::newRow("3 space 3") << u"123 456"_s << u"123456"_s;
    QTest::newRow("3 dash 3") << u"123-456"_s << u"123456"_s;
    QTest::newRow("in a sentence") << u"Code: 042917, valid 10 min"_s << u"042917"_s;
    QTest::newRow("five digits") << u"12345"_s << QString();
    QTest::newRow("seven digits") << u"1234567"_s << QString();
    QTest::newRow("3 two spaces 3") << u"123  456"_s << QString();
    QTest::newRow("phone number only") << u"+4915123456789"_s << QString();
    QTest::newRow("letters") << u"abcdef"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSignInDialog::codeExtraction()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QCOMPARE(SignInInput::extractCode(text), code);
}

void TestSignInDialog::serverNormalisation_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("server");
    QTest::newRow("https") << u"https://api.example.com"_s << u"https://api.example.com"_s;
    QTest::newRow("trailing slashes")
        << u" https://api.example.com// "_s << u"https://api.example.com"_s;
    QTest::newRow("local http with port")
        << u"http://127.0.0.1:8787/"_s << u"http://127.0.0.1:8787"_s;
    QTest::newRow("with a path") << u"https://example.com/api"_s << u"https://example.com/api"_s;
    QTest::newRow("no scheme") << u"api.example.com"_s << QString();
    QTest::newRow("ftp") << u"ftp://example.com"_s << QString();
    QTest::newRow("no host") << u"https://"_s << QString();
    QTest::newRow("space in host") << u"https://exa mple.com"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSignInDialog::serverNormalisation()
{
    QFETCH(QString, typed);
    QFETCH(QString, server);
    QCOMPARE(SignInInput::normalizedServer(typed), server);
}

void TestSignInDialog::invalidPhoneGetsASentence_data()
{
    QTest::addColumn<QString>("phone");
    QTest::newRow("no country code") << u"0151 23456789"_s;
    QTest::newRow("too short") << u"+12345"_s;
    QTest::newRow("empty") << QString();
}

void TestSignInDialog::invalidPhoneGetsASentence()
{
    QFETCH(QString, phone);
    SignInDialog dialog(kServer);
    dialog.show();
    QSignalSpy requested(&dialog, &SignInDialog::codeRequested);
    dialog.phoneEdit()->setText(phone);
    QTest::mouseClick(dialog.sendCodeButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 0);
    QVERIFY2(dialog.errorText().contains(u"country code"_s), qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().endsWith(u'.'));
    QVERIFY(!dialog.isBusy());
    QVERIFY(!dialog.isCodeStep());
}

void TestSignInDialog::invalidServerGetsASentence_data()
{
    QTest::addColumn<QString>("server");
    QTest::newRow("empty") << QString();
    QTest::newRow("no scheme") << u"api.example.com"_s;
    QTest::newRow("ftp") << u"ftp://example.com"_s;
    QTest::newRow("spaces") << u"https://exa mple.com"_s;
}

void TestSignInDialog::invalidServerGetsASentence()
{
    QFETCH(QString, server);
    SignInDialog dialog(server);
    dialog.show();
    QSignalSpy requested(&dialog, &SignInDialog::codeRequested);
    dialog.phoneEdit()->setText(kPhone);
    QTest::mouseClick(dialog.sendCodeButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 0);
    QVERIFY2(dialog.errorText().contains(u"server"_s), qPrintable(dialog.errorText()));
}

void TestSignInDialog::enterSendsTheCode()
{
    SignInDialog dialog(kServer + u"/"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy requested(&dialog, &SignInDialog::codeRequested);
    QTest::keyClicks(dialog.phoneEdit(), u"+49 151-2345 6789"_s);
    QTest::keyClick(dialog.phoneEdit(), Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), kServer); // trailing slash dropped
    QCOMPARE(requested.at(0).at(1).toString(), kPhone);
    QVERIFY(dialog.isBusy());
    QVERIFY(!dialog.sendCodeButton()->isEnabled()); // no double send while waiting

    dialog.codeSent();
    QVERIFY(dialog.isCodeStep());
    QVERIFY(!dialog.isBusy());
    QVERIFY(dialog.verifyButton()->isDefault());
}

void TestSignInDialog::autoSubmitsAtSixDigits()
{
    auto dialog = dialogAtCodeStep();
    QSignalSpy submitted(dialog.get(), &SignInDialog::codeSubmitted);
    QTest::keyClicks(dialog->codeEdit(), u"12345"_s);
    QCOMPARE(submitted.count(), 0);
    QVERIFY(!dialog->verifyButton()->isEnabled());
    QTest::keyClick(dialog->codeEdit(), Qt::Key_6);
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), kServer);
    QCOMPARE(submitted.at(0).at(1).toString(), kPhone);
    QCOMPARE(submitted.at(0).at(2).toString(), u"123456"_s);
    QVERIFY(dialog->isBusy());
}

void TestSignInDialog::pastedCodeIsPickedOut_data()
{
    QTest::addColumn<QString>("clipboard");
    QTest::addColumn<QString>("code");
    QTest::newRow("plain") << u"123456"_s << u"123456"_s;
    QTest::newRow("3+3 with a space") << u"123 456"_s << u"123456"_s;
    QTest::newRow("3+3 with a dash") << u"123-456"_s << u"123456"_s;
    QTest::newRow("whole SMS") << u"Your NanoBanana code is 654 321. It expires in 10 minutes."_s
                               << u"654321"_s;
    QTest::newRow("SMS with a newline") << u"NanoBanana:\n987654 is your code"_s << u"987654"_s;
}

void TestSignInDialog::pastedCodeIsPickedOut()
{
    QFETCH(QString, clipboard);
    QFETCH(QString, code);
    auto dialog = dialogAtCodeStep();
    QSignalSpy submitted(dialog.get(), &SignInDialog::codeSubmitted);
    QApplication::clipboard()->setText(clipboard);
    dialog->codeEdit()->setFocus();
    dialog->codeEdit()->paste();
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(submitted.at(0).at(2).toString(), code);
    QCOMPARE(dialog->codeEdit()->text(), code);
}

void TestSignInDialog::tooManyDigitsIsExplained()
{
    auto dialog = dialogAtCodeStep();
    QSignalSpy submitted(dialog.get(), &SignInDialog::codeSubmitted);
    QApplication::clipboard()->setText(u"1234567"_s);
    dialog->codeEdit()->paste();
    QCOMPARE(submitted.count(), 0);
    QVERIFY2(dialog->errorText().contains(u"6-digit"_s), qPrintable(dialog->errorText()));
}

void TestSignInDialog::wrongCodeCanBeRetyped()
{
    auto dialog = dialogAtCodeStep();
    QSignalSpy submitted(dialog.get(), &SignInDialog::codeSubmitted);
    QTest::keyClicks(dialog->codeEdit(), u"111111"_s);
    QCOMPARE(submitted.count(), 1);
    dialog->showError(u"That code is not right. Check the message and type it again."_s);
    QVERIFY(!dialog->isBusy());
    QCOMPARE(dialog->errorText(),
             u"That code is not right. Check the message and type it again."_s);
    // The code is selected, so typing replaces it; the same code may be sent again.
    QTest::keyClicks(dialog->codeEdit(), u"11111"_s);
    QCOMPARE(submitted.count(), 1);
    QTest::keyClick(dialog->codeEdit(), Qt::Key_1);
    QCOMPARE(submitted.count(), 2);
    QCOMPARE(submitted.at(1).at(2).toString(), u"111111"_s);
}

void TestSignInDialog::resendCountdown()
{
    SignInDialog dialog(kServer);
    dialog.show();
    dialog.setResendDelay(3);
    dialog.setCountdownInterval(20);
    QSignalSpy requested(&dialog, &SignInDialog::codeRequested);
    dialog.phoneEdit()->setText(kPhone);
    QTest::mouseClick(dialog.sendCodeButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    dialog.codeSent();
    QVERIFY(!dialog.resendButton()->isEnabled());
    QCOMPARE(dialog.resendButton()->text(), u"Resend code (3 s)"_s);
    QTRY_VERIFY(dialog.resendButton()->isEnabled());
    QCOMPARE(dialog.resendButton()->text(), u"Resend code"_s);
    QCOMPARE(dialog.resendSecondsLeft(), 0);

    QTest::mouseClick(dialog.resendButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(1).at(1).toString(), kPhone);
    QVERIFY(!dialog.resendButton()->isEnabled()); // busy until the answer
    dialog.codeSent();
    QCOMPARE(dialog.resendButton()->text(), u"Resend code (3 s)"_s); // counts again
}

void TestSignInDialog::tokenPath_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("token"); // empty: refused
    QTest::addColumn<QString>("sentence");
    QTest::newRow("jwt") << u"eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"_s
                         << u"eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"_s << QString();
    QTest::newRow("with Bearer and blanks")
        << u"  Bearer abc.def.ghi \n"_s << u"abc.def.ghi"_s << QString();
    QTest::newRow("empty") << u"   "_s << QString() << u"Paste your access token"_s;
    QTest::newRow("inner space") << u"abc def"_s << QString() << u"without spaces"_s;
}

void TestSignInDialog::tokenPath()
{
    QFETCH(QString, pasted);
    QFETCH(QString, token);
    QFETCH(QString, sentence);
    SignInDialog dialog(kServer);
    dialog.show();
    QSignalSpy submitted(&dialog, &SignInDialog::tokenSubmitted);
    dialog.showTokenPage();
    QCOMPARE(dialog.tabs()->currentIndex(), 1);
    QVERIFY(dialog.useTokenButton()->isDefault());
    dialog.tokenEdit()->setText(pasted);
    QTest::mouseClick(dialog.useTokenButton(), Qt::LeftButton);
    if (token.isEmpty()) {
        QCOMPARE(submitted.count(), 0);
        QVERIFY2(dialog.errorText().contains(sentence), qPrintable(dialog.errorText()));
    } else {
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(submitted.at(0).at(0).toString(), kServer);
        QCOMPARE(submitted.at(0).at(1).toString(), token);
        QVERIFY(dialog.isBusy());
    }
}

void TestSignInDialog::signedInAcceptsEscapeCancels()
{
    SignInDialog accepted(kServer);
    accepted.show();
    QSignalSpy acceptedSpy(&accepted, &QDialog::accepted);
    accepted.signedIn();
    QCOMPARE(acceptedSpy.count(), 1);
    QCOMPARE(accepted.result(), int(QDialog::Accepted));

    SignInDialog cancelled(kServer);
    cancelled.show();
    QVERIFY(QTest::qWaitForWindowExposed(&cancelled));
    QSignalSpy rejected(&cancelled, &QDialog::rejected);
    QTest::keyClick(&cancelled, Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
}

void TestSignInDialog::screenshots()
{
    SignInDialog phone(u"https://api.nanobanana.example"_s);
    phone.phoneEdit()->setText(u"+49 151"_s);
    phone.show();
    QVERIFY(QTest::qWaitForWindowExposed(&phone));
    QTest::mouseClick(phone.sendCodeButton(), Qt::LeftButton); // shows the validation sentence
    phone.adjustSize();
    QVERIFY(!saveScreenshot(&phone, u"signin-phone"_s).isEmpty());

    auto code = dialogAtCodeStep();
    QTest::keyClicks(code->codeEdit(), u"123"_s);
    code->setBusy(true);
    code->adjustSize();
    QVERIFY(!saveScreenshot(code.get(), u"signin-code"_s).isEmpty());

    SignInDialog token(u"https://api.nanobanana.example"_s);
    token.showTokenPage();
    token.show();
    QVERIFY(QTest::qWaitForWindowExposed(&token));
    token.adjustSize();
    QVERIFY(!saveScreenshot(&token, u"signin-token"_s).isEmpty());
}

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
