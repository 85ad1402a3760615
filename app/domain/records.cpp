#include "domain/records.h"

ImageType imageTypeFromServer(const QString &raw)
{
    if (raw == u"TEXTTOIAMGE" || raw == u"TEXTTOIMAGE")
        return ImageType::TextToImage;
    if (raw == u"IMAGETOIAMGE" || raw == u"IMAGETOIMAGE")
        return ImageType::ImageToImage;
    return ImageType::Other;
}

QString imageTypeName(ImageType type)
{
    switch (type) {
    case ImageType::TextToImage:
        return QStringLiteral("generate");
    case ImageType::ImageToImage:
        return QStringLiteral("edit");
    case ImageType::Other:
        break;
    }
    return QStringLiteral("other");
}

std::optional<ImageType> imageTypeFromName(const QString &name)
{
    for (auto t : {ImageType::TextToImage, ImageType::ImageToImage, ImageType::Other})
        if (imageTypeName(t) == name)
            return t;
    return std::nullopt;
}

QString imageStatusName(ImageStatus status)
{
    switch (status) {
    case ImageStatus::Pending:
        return QStringLiteral("pending");
    case ImageStatus::Completed:
        return QStringLiteral("completed");
    case ImageStatus::Failed:
        break;
    }
    return QStringLiteral("failed");
}

std::optional<ImageStatus> imageStatusFromName(const QString &name)
{
    for (auto s : {ImageStatus::Pending, ImageStatus::Completed, ImageStatus::Failed})
        if (imageStatusName(s) == name)
            return s;
    return std::nullopt;
}
