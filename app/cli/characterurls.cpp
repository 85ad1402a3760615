// The CLI's lookup of character image URLs: `generate --character ID` sends the images of
// the characters `nanobanana-cli characters` last listed.
#include "appservices.h"
#include "characters/charactercache.h"
#include "cli/clicontext.h"

#include <QCoreApplication>

Result<QStringList> characterImageUrls(AppServices &services, const QStringList &characterIds)
{
    QStringList urls;
    for (const auto &id : characterIds) {
        const auto character = services.characters().find(services.accountId(), id);
        if (!character)
            return ApiError::make(ApiError::Kind::Validation,
                                  QCoreApplication::translate(
                                      "CliCharacters", "There is no character %1 in this account; "
                                                       "`nanobanana-cli characters` lists them.")
                                      .arg(id));
        for (const auto &image : character->images)
            urls.append(image.url);
    }
    return urls;
}
