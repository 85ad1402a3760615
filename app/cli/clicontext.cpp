#include "cli/clicontext.h"

#include "appservices.h"
#include "session/session.h"
#include "session/tokenstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

CliContext::CliContext(CliInvocation invocation, QTextStream &out, QTextStream &err)
    : m_args(std::move(invocation))
    , m_out(out)
    , m_err(err)
    , m_errIsTerminal(::isatty(STDERR_FILENO) == 1)
{ }

CliContext::~CliContext() = default;

AppServices *CliContext::services()
{
    if (m_services || m_servicesFailed)
        return m_services.get();
    AppServices::Options options;
    options.profilePath = m_args.profile;
    // Only the commands that wait for their jobs may send them (see Options::startJobs).
    static const QStringList jobDrivers{QStringLiteral("generate"), QStringLiteral("edit"),
                                        QStringLiteral("wait"), QStringLiteral("retry")};
    options.startJobs = jobDrivers.contains(m_args.command);
    if (!m_args.server.isEmpty())
        options.server = QUrl::fromUserInput(m_args.server);
    auto services = std::make_unique<AppServices>(options);
    auto opened = services->open();
    if (!opened) {
        m_servicesFailed = true;
        fail(ExitUsage, opened.error().userMessage);
        return nullptr;
    }
    if (!services->openNotice().isEmpty())
        notice(services->openNotice());
    QObject::connect(&services->tokens(), &TokenStore::fallbackFileUsed, &services->tokens(),
                     [this, s = services.get()](const QString &) {
                         if (s->settings().keychainNoticeShown())
                             return;
                         notice(s->tokens().fallbackNotice());
                         s->settings().setKeychainNoticeShown(true);
                         s->settings().sync();
                     });
    m_services = std::move(services);
    return m_services.get();
}

bool CliContext::requireSignIn()
{
    auto *s = services();
    if (!s)
        return false;
    auto &session = s->session();
    if (!session.isSignedIn() && session.state() == Session::State::SignedOut) {
        QEventLoop loop;
        QObject::connect(&session, &Session::restored, &loop, [&loop] { loop.quit(); });
        session.restore();
        loop.exec();
    }
    if (!session.accountId().isEmpty())
        return true; // NeedsSignIn keeps the account: local data stays usable
    fail(ExitSignIn, QCoreApplication::translate(
                         "Cli", "You are not signed in to %1. Run `nanobanana-cli login "
                                "--phone NUMBER` (or `login --token TOKEN`) first.")
                         .arg(s->server().toString()));
    return false;
}

void CliContext::progress(const QString &line)
{
    if (!m_errIsTerminal) {
        m_err << line << Qt::endl;
        return;
    }
    // A terminal gets one progress line, rewritten in place.
    m_err << "\r\x1b[K" << line;
    m_err.flush();
    m_progressOpen = true;
}

void CliContext::endProgressLine()
{
    if (!m_progressOpen)
        return;
    m_err << '\n';
    m_progressOpen = false;
}

void CliContext::notice(const QString &line)
{
    endProgressLine();
    m_err << line << Qt::endl;
}

void CliContext::result(const QJsonValue &json, const QString &text)
{
    endProgressLine();
    m_err.flush();
    if (m_args.json) {
        const auto doc =
            json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
        m_out << doc.toJson(QJsonDocument::Indented);
    } else if (!text.isEmpty()) {
        m_out << text << '\n';
    }
    m_out.flush();
}

int CliContext::fail(int exitCode, const QString &sentence, const QString &kind)
{
    endProgressLine();
    m_err << "nanobanana-cli: " << sentence << Qt::endl;
    if (m_args.json) {
        QJsonObject error{{QStringLiteral("message"), sentence},
                          {QStringLiteral("exitCode"), exitCode}};
        if (!kind.isEmpty())
            error.insert(QStringLiteral("kind"), kind);
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
                     .toJson(QJsonDocument::Indented);
        m_out.flush();
    }
    return exitCode;
}

int CliContext::failWith(const ApiError &error)
{
    return fail(exitCodeFor(error), error.userMessage, ApiError::kindName(error.kind));
}

int CliContext::exitCodeFor(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        return ExitSignIn;
    case ApiError::Kind::Validation:
    case ApiError::Kind::Local:
        return ExitUsage;
    default:
        return ExitServer;
    }
}
