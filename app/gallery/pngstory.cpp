#include "gallery/pngstory.h"

#include <array>

namespace PngStory {

namespace {

const QByteArray kSignature("\x89PNG\r\n\x1a\n", 8);

// CRC-32 of PNG chunks (ISO 3309, the same as zlib's).
quint32 crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char byte : bytes)
        c = table[(c ^ quint8(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    out.append(char(value >> 24))
        .append(char(value >> 16))
        .append(char(value >> 8))
        .append(char(value));
}

QByteArray iTXtChunk(const QString &keyword, const QString &text)
{
    // keyword \0, not compressed (0, 0), no language tag \0, no translated keyword \0, text.
    QByteArray body = "iTXt" + keyword.left(79).toLatin1();
    body.append('\0').append('\0').append('\0').append('\0').append('\0');
    body.append(text.toUtf8());
    QByteArray chunk;
    appendBigEndian(chunk, quint32(body.size() - 4));
    chunk.append(body);
    appendBigEndian(chunk, crc32(body));
    return chunk;
}

} // namespace

QByteArray withTexts(const QByteArray &png, const Texts &texts)
{
    // Right after IHDR (signature, then 4 bytes of length, "IHDR", 13 bytes, 4 of CRC), before
    // the pixels: readers that stop at the image data still see the text.
    constexpr qsizetype kAfterHeader = 8 + 4 + 4 + 13 + 4;
    if (!png.startsWith(kSignature) || png.size() <= kAfterHeader
        || png.mid(12, 4) != QByteArrayLiteral("IHDR"))
        return png;
    QByteArray chunks;
    for (const auto &[keyword, text] : texts)
        if (!keyword.isEmpty() && !text.isEmpty())
            chunks.append(iTXtChunk(keyword, text));
    QByteArray out = png;
    out.insert(kAfterHeader, chunks);
    return out;
}

} // namespace PngStory
