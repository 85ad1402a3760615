#include "backend/referencepreparer.h"

#include "backend/backendlog.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int kSmallestEdge = 256; // below this a reference is useless: give up instead

bool hasVisibleAlpha(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            if (qAlpha(line[x]) != 255)
                return true;
    }
    return false;
}

QByteArray encode(const QImage &image, const char *format, int quality)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return out;
}

// Smallest change first: lower JPEG quality, then smaller pictures.
QByteArray encodeWithin(QImage image, bool alpha, qint64 budget)
{
    if (!alpha && image.format() != QImage::Format_RGB32)
        image = image.convertToFormat(QImage::Format_RGB32);
    while (std::max(image.width(), image.height()) >= kSmallestEdge) {
        if (alpha) {
            auto png = encode(image, "png", -1);
            if (!png.isEmpty() && png.size() <= budget)
                return png;
        } else {
            for (int quality : {90, 80, 70, 60}) {
                auto jpeg = encode(image, "jpeg", quality);
                if (!jpeg.isEmpty() && jpeg.size() <= budget)
                    return jpeg;
            }
        }
        image = image.scaled(image.size() * 0.75, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    return {};
}

QString withExtension(const QString &path, const QString &contentType)
{
    const auto base = QFileInfo(path).completeBaseName();
    const auto name = base.isEmpty() ? u"image"_s : base;
    if (contentType == u"image/png")
        return name + u".png"_s;
    if (contentType == u"image/webp")
        return name + u".webp"_s;
    if (contentType == u"image/gif")
        return name + u".gif"_s;
    return name + u".jpg"_s;
}

} // namespace

QString ReferencePreparer::sniffContentType(const QByteArray &head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return u"image/png"_s;
    if (head.startsWith("\xff\xd8\xff"))
        return u"image/jpeg"_s;
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return u"image/webp"_s;
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return u"image/gif"_s;
    return {};
}

Result<UploadFile> ReferencePreparer::prepare(const QString &path, qint64 maxBytes)
{
    const auto name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiError::localFile(name,
                                   UserMessage::of("core.file.cannotRead", {file.errorString()}));
    const qint64 fileSize = file.size();
    const auto head = file.peek(32);
    const auto sniffed = sniffContentType(head);

    QImageReader reader(&file);
    reader.setDecideFormatFromContent(true);
    if (!reader.canRead())
        return ApiError::localFile(name, UserMessage::of("core.file.notAPicture"));
    const QSize size = reader.size();
    const int longEdge = std::max(size.width(), size.height());

    if (!sniffed.isEmpty() && fileSize <= maxBytes && size.isValid()
        && longEdge <= UploadLimits::kMaxReferenceEdge) {
        file.seek(0);
        auto bytes = file.readAll();
        if (bytes.size() != fileSize)
            return ApiError::localFile(name, UserMessage::of("core.file.readIncomplete"));
        return UploadFile{withExtension(path, sniffed), sniffed, std::move(bytes)};
    }

    // Re-encode. The orientation must be applied now: the new file carries no EXIF.
    reader.setAutoTransform(true);
    if (size.isValid() && longEdge > UploadLimits::kMaxReferenceEdge)
        reader.setScaledSize(size.scaled(UploadLimits::kMaxReferenceEdge,
                                         UploadLimits::kMaxReferenceEdge, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return ApiError::localFile(
            name, UserMessage::of("core.file.cannotDecode", {reader.errorString()}));
    if (std::max(image.width(), image.height()) > UploadLimits::kMaxReferenceEdge)
        image = image.scaled(UploadLimits::kMaxReferenceEdge, UploadLimits::kMaxReferenceEdge,
                             Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const bool alpha = hasVisibleAlpha(image);
    auto bytes = encodeWithin(image, alpha, maxBytes);
    if (bytes.isEmpty())
        return ApiError::localFile(name, UserMessage::of("core.file.cannotShrink"));
    const auto type = alpha ? u"image/png"_s : u"image/jpeg"_s;
    qCDebug(lcBackend) << "re-encoded" << name << fileSize << "->" << bytes.size() << "bytes";
    return UploadFile{withExtension(path, type), type, std::move(bytes)};
}

Result<QList<UploadFile>> ReferencePreparer::prepareAll(const QStringList &paths,
                                                        qint64 requestBytes)
{
    QList<UploadFile> files;
    qint64 total = 0;
    const qint64 perFile = std::min(UploadLimits::kMaxReferenceBytes, requestBytes);
    for (const auto &path : paths) {
        auto one = prepare(path, perFile);
        if (!one)
            return one.error();
        total += one.value().data.size();
        files.append(std::move(one.value()));
    }
    if (total <= requestBytes)
        return files;

    // Too much together: files under an even share stay; the others split what is left.
    const qint64 share = requestBytes / std::max<qsizetype>(1, files.size());
    qint64 kept = 0;
    int large = 0;
    for (const auto &f : std::as_const(files)) {
        if (f.data.size() <= share)
            kept += f.data.size();
        else
            ++large;
    }
    const qint64 budget = (requestBytes - kept) / std::max(1, large);
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (files[i].data.size() <= share)
            continue;
        auto smaller = prepare(paths[i], budget);
        if (!smaller)
            return smaller.error();
        files[i] = std::move(smaller.value());
    }
    return files;
}
