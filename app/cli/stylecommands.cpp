#include "appservices.h"
#include "cli/clicontext.h"
#include "styles/stylecatalogue.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

// `styles`: the style catalogue (an id for `generate --template`), fresh from the server, or the
// profile's copy when the server cannot be reached.
int runStyles(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services)
        return ExitUsage;
    StyleCatalogue &catalogue = services->styles();
    QString failure;
    {
        QEventLoop loop;
        QObject::connect(&catalogue, &StyleCatalogue::changed, &loop, &QEventLoop::quit);
        QObject::connect(&catalogue, &StyleCatalogue::refreshFailed, &loop,
                         [&loop, &failure](const QString &message) {
                             failure = message;
                             loop.quit();
                         });
        catalogue.refresh();
        if (catalogue.isRefreshing())
            loop.exec();
    }
    const bool offline = !failure.isEmpty();
    if (offline)
        ctx.notice(
            QCoreApplication::translate("Cli", "%1 Showing the styles this profile last saw.")
                .arg(failure));
    QJsonArray array;
    QString text;
    for (const StyleTemplate &style : catalogue.styles()) {
        array.append(QJsonObject{{QStringLiteral("id"), style.id},
                                 {QStringLiteral("name"), StyleCatalogue::displayName(style)},
                                 {QStringLiteral("category"), style.category},
                                 {QStringLiteral("prompt"), style.prompt},
                                 {QStringLiteral("tags"), QJsonArray::fromStringList(style.tags)},
                                 {QStringLiteral("imageUrl"), style.imageUrl}});
        text += QStringLiteral("%1  [%2]  %3\n")
                    .arg(style.id, catalogue.categoryName(style.category), style.prompt);
    }
    if (catalogue.styles().isEmpty())
        text = QCoreApplication::translate("Cli", "No styles yet.");
    ctx.result(array, text.trimmed());
    return offline ? ExitServer : ExitOk;
}
