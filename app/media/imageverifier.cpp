#include "media/imageverifier.h"

#include "media/imagelimits.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>

namespace {

// `why` is one of core.image.why.* or the decoder's own words.
ApiError badImage(const UserMessage &why)
{
    return ApiError::make(ApiError::Kind::BadResponse,
                          UserMessage::of("core.image.unusable", {why.toStorage()}));
}

bool isImageContentType(const QString &contentType)
{
    const QString mime = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return mime.startsWith(QLatin1StringView("image/")) && mime.size() > 6;
}

// libpng and libjpeg hand back a partly grey image, not an error, when the data stops
// early; the format's end marker tells a complete file from a cut one.
bool looksComplete(const QByteArray &bytes, const QByteArray &format)
{
    if (format == "png") {
        static constexpr char iend[] = "\x00\x00\x00\x00IEND\xae\x42\x60\x82";
        return bytes.endsWith(QByteArrayView(iend, sizeof(iend) - 1));
    }
    if (format == "jpeg") {
        // Some encoders append padding or metadata after EOI; look in the tail only so an
        // embedded EXIF thumbnail's EOI near the start does not count.
        const qsizetype tail = qMin<qsizetype>(bytes.size(), 4096);
        return QByteArrayView(bytes).last(tail).contains(QByteArrayView("\xff\xd9", 2));
    }
    return true;
}

} // namespace

Result<VerifiedImage> ImageVerifier::verify(const QByteArray &bytes, const QString &contentType,
                                            QImage *decoded)
{
    if (!isImageContentType(contentType))
        return badImage(UserMessage::of("core.image.why.type", {contentType}));
    if (bytes.isEmpty())
        return badImage(UserMessage::of("core.image.why.empty"));

    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    // Upright for the thumbnail made from it; the dimensions stay the file's own (below).
    reader.setAutoTransform(decoded != nullptr);
    if (!reader.canRead())
        return badImage(UserMessage::of("core.image.why.unknownFormat"));

    const QSize size = reader.size();
    if (!size.isValid())
        return badImage(UserMessage::of("core.image.why.damagedHeader"));
    if (!ImageLimits::acceptsSize(size)) {
        return ApiError::make(
            ApiError::Kind::TooLarge,
            UserMessage::of("core.image.tooLarge",
                            {QString::number(size.width()), QString::number(size.height()),
                             QString::number(ImageLimits::maxEdge)}));
    }

    const QByteArray format = reader.format();
    if (!looksComplete(bytes, format))
        return badImage(UserMessage::of("core.image.why.cutOff"));

    QImage image = reader.read();
    if (image.isNull())
        return badImage(UserMessage::plain(reader.errorString()));

    const bool turned =
        decoded && reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    const VerifiedImage verified{format, turned ? image.height() : image.width(),
                                 turned ? image.width() : image.height()};
    if (decoded)
        *decoded = std::move(image);
    return verified;
}

QString ImageVerifier::extensionForFormat(const QByteArray &format)
{
    if (format == "jpeg" || format == "jpg")
        return QStringLiteral("jpg");
    if (format.isEmpty())
        return QStringLiteral("img");
    return QString::fromLatin1(format).toLower();
}
