#include "media/imageverifier.h"

#include "media/imagelimits.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>

namespace {

ApiError badImage(const QString &detail)
{
    return ApiError::make(ApiError::Kind::BadResponse,
                          QStringLiteral("The server sent something that is not a usable image (")
                              + detail + QStringLiteral("). Try again later."));
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

Result<VerifiedImage> ImageVerifier::verify(const QByteArray &bytes, const QString &contentType)
{
    if (!isImageContentType(contentType))
        return badImage(QStringLiteral("its type was \"%1\"").arg(contentType));
    if (bytes.isEmpty())
        return badImage(QStringLiteral("it was empty"));

    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(false);
    if (!reader.canRead())
        return badImage(QStringLiteral("its contents are not in a known image format"));

    const QSize size = reader.size();
    if (!size.isValid())
        return badImage(QStringLiteral("its header is damaged"));
    if (!ImageLimits::acceptsSize(size)) {
        return ApiError::make(ApiError::Kind::TooLarge,
                              QStringLiteral("The image is %1×%2 pixels, larger than the %3-pixel "
                                             "limit, so it was not kept.")
                                  .arg(size.width())
                                  .arg(size.height())
                                  .arg(ImageLimits::maxEdge));
    }

    const QByteArray format = reader.format();
    if (!looksComplete(bytes, format))
        return badImage(QStringLiteral("it was cut off"));

    const QImage image = reader.read();
    if (image.isNull())
        return badImage(reader.errorString());

    return VerifiedImage{format, image.width(), image.height()};
}

QString ImageVerifier::extensionForFormat(const QByteArray &format)
{
    if (format == "jpeg" || format == "jpg")
        return QStringLiteral("jpg");
    if (format.isEmpty())
        return QStringLiteral("img");
    return QString::fromLatin1(format).toLower();
}
