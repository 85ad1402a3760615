#include "gallery/xmpstory.h"

#include <QXmlStreamWriter>

#include <optional>

namespace XmpStory {

namespace {

const QByteArray kXmpNamespace("http://ns.adobe.com/xap/1.0/\0", 29);
constexpr qsizetype kMaxJpegSegment = 0xffff - 2; // a segment's length counts its own 2 bytes

quint32 readLe32(const QByteArray &b, qsizetype at)
{
    return quint32(quint8(b[at])) | quint32(quint8(b[at + 1])) << 8
           | quint32(quint8(b[at + 2])) << 16 | quint32(quint8(b[at + 3])) << 24;
}

void appendLe(QByteArray &out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char(value >> (8 * i)));
}

QByteArray riffChunk(const QByteArray &fourCc, const QByteArray &payload)
{
    QByteArray chunk = fourCc;
    appendLe(chunk, quint32(payload.size()), 4);
    chunk.append(payload);
    if (payload.size() % 2)
        chunk.append('\0'); // RIFF chunks are padded to an even size
    return chunk;
}

std::optional<QByteArray> jpegWithXmp(const QByteArray &jpeg, const QByteArray &xmp)
{
    const qsizetype payload = kXmpNamespace.size() + xmp.size();
    if (payload > kMaxJpegSegment)
        return std::nullopt;
    QByteArray segment("\xff\xe1", 2);
    segment.append(char((payload + 2) >> 8)).append(char((payload + 2) & 0xff));
    segment.append(kXmpNamespace).append(xmp);

    // After SOI and a JFIF/EXIF header (readers expect those first); an XMP segment already
    // there is replaced, so a re-export does not stack them.
    QByteArray out = jpeg.left(2);
    qsizetype at = 2;
    bool inserted = false;
    while (at + 4 <= jpeg.size() && quint8(jpeg[at]) == 0xff) {
        const quint8 marker = quint8(jpeg[at + 1]);
        if (marker < 0xe0 || marker > 0xef) // only APPn segments come before ours
            break;
        const qsizetype length = (quint8(jpeg[at + 2]) << 8) | quint8(jpeg[at + 3]);
        if (length < 2 || at + 2 + length > jpeg.size())
            return std::nullopt; // damaged: leave it as it is
        const QByteArray seg = jpeg.mid(at, 2 + length);
        const bool isXmp = marker == 0xe1 && seg.mid(4).startsWith(kXmpNamespace);
        if (isXmp) {
            if (!inserted)
                out.append(segment);
            inserted = true;
        } else if (marker == 0xe0 || (marker == 0xe1 && !inserted)) {
            out.append(seg); // JFIF (APP0) and EXIF (APP1) stay in front
        } else {
            break;
        }
        at += 2 + length;
    }
    if (!inserted)
        out.append(segment);
    out.append(jpeg.mid(at));
    return out;
}

// The canvas of a simple WebP (one VP8 or VP8L chunk), for the VP8X header it needs to carry
// metadata; {0, 0} when it cannot be read.
struct Canvas
{
    quint32 width = 0;
    quint32 height = 0;
    bool alpha = false;
};

Canvas canvasOf(const QByteArray &fourCc, const QByteArray &data)
{
    if (fourCc == "VP8 " && data.size() >= 10 && quint8(data[3]) == 0x9d && quint8(data[4]) == 0x01
        && quint8(data[5]) == 0x2a)
        return {quint32(quint8(data[6]) | (quint8(data[7]) << 8)) & 0x3fff,
                quint32(quint8(data[8]) | (quint8(data[9]) << 8)) & 0x3fff, false};
    if (fourCc == "VP8L" && data.size() >= 5 && quint8(data[0]) == 0x2f) {
        const quint32 bits = readLe32(data, 1);
        return {(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1, ((bits >> 28) & 1) != 0};
    }
    return {};
}

QByteArray webpWithXmp(const QByteArray &webp, const QByteArray &xmp)
{
    // Walk the chunks: keep all but an old XMP, note the VP8X header if there is one.
    QByteArray body;
    qsizetype vp8xAt = -1;
    Canvas canvas;
    for (qsizetype at = 12; at + 8 <= webp.size();) {
        const QByteArray fourCc = webp.mid(at, 4);
        const quint32 size = readLe32(webp, at + 4);
        const qsizetype padded = qsizetype(size) + (size % 2);
        if (at + 8 + qsizetype(size) > webp.size())
            return webp; // damaged
        if (fourCc == "VP8X")
            vp8xAt = body.size();
        else if (body.isEmpty())
            canvas = canvasOf(fourCc, webp.mid(at + 8, size));
        if (fourCc != "XMP ")
            body.append(webp.mid(at, qMin(8 + padded, webp.size() - at)));
        at += 8 + padded;
    }
    if (vp8xAt >= 0) {
        body[vp8xAt + 8] = char(quint8(body[vp8xAt + 8]) | 0x04); // the XMP flag
    } else {
        if (!canvas.width || !canvas.height)
            return webp;
        QByteArray header;
        header.append(char(0x04 | (canvas.alpha ? 0x10 : 0x00))).append(3, '\0');
        appendLe(header, canvas.width - 1, 3);
        appendLe(header, canvas.height - 1, 3);
        body.prepend(riffChunk("VP8X", header));
    }
    body.append(riffChunk("XMP ", xmp)); // after the image data, as the format asks
    QByteArray out("RIFF");
    appendLe(out, quint32(4 + body.size()), 4);
    out.append("WEBP").append(body);
    return out;
}

} // namespace

bool isJpeg(const QByteArray &bytes)
{
    return bytes.size() > 4 && quint8(bytes[0]) == 0xff && quint8(bytes[1]) == 0xd8;
}

bool isWebp(const QByteArray &bytes)
{
    return bytes.size() > 20 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP";
}

QByteArray packet(const Story &story)
{
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    // The packet wrapper's begin attribute holds a byte-order mark, as the XMP spec asks.
    w.writeProcessingInstruction(
        QStringLiteral("xpacket"),
        QStringLiteral("begin=\"%1\" id=\"W5M0MpCehiHzreSzNTczkc9d\"").arg(QChar(0xfeff)));
    w.writeNamespace(QStringLiteral("adobe:ns:meta/"), QStringLiteral("x"));
    w.writeStartElement(QStringLiteral("adobe:ns:meta/"), QStringLiteral("xmpmeta"));
    const QString rdf = QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    const QString dc = QStringLiteral("http://purl.org/dc/elements/1.1/");
    const QString xmpNs = QStringLiteral("http://ns.adobe.com/xap/1.0/");
    const QString nb = QStringLiteral("https://nanobanana.studio/xmp/1.0/");
    w.writeNamespace(rdf, QStringLiteral("rdf"));
    w.writeNamespace(dc, QStringLiteral("dc"));
    w.writeNamespace(xmpNs, QStringLiteral("xmp"));
    w.writeNamespace(nb, QStringLiteral("nb"));
    w.writeStartElement(rdf, QStringLiteral("RDF"));
    w.writeStartElement(rdf, QStringLiteral("Description"));
    w.writeAttribute(rdf, QStringLiteral("about"), QString());
    w.writeTextElement(xmpNs, QStringLiteral("CreatorTool"), QStringLiteral("NanoBanana Studio"));
    if (!story.createdAt.isEmpty())
        w.writeTextElement(xmpNs, QStringLiteral("CreateDate"), story.createdAt);
    w.writeStartElement(dc, QStringLiteral("description"));
    w.writeStartElement(rdf, QStringLiteral("Alt"));
    w.writeStartElement(rdf, QStringLiteral("li"));
    w.writeAttribute(QStringLiteral("xml:lang"), QStringLiteral("x-default"));
    w.writeCharacters(story.prompt);
    w.writeEndElement(); // li
    w.writeEndElement(); // Alt
    w.writeEndElement(); // description
    if (!story.recordJson.isEmpty())
        w.writeTextElement(nb, QStringLiteral("record"), story.recordJson);
    w.writeEndElement(); // Description
    w.writeEndElement(); // RDF
    w.writeEndElement(); // xmpmeta
    w.writeProcessingInstruction(QStringLiteral("xpacket"), QStringLiteral("end=\"w\""));
    return xml;
}

QByteArray withXmp(const QByteArray &bytes, const Story &story)
{
    if (isJpeg(bytes)) {
        if (const auto full = jpegWithXmp(bytes, packet(story)))
            return *full;
        // A record too long for one JPEG segment (64 KB): the prompt alone still fits.
        return jpegWithXmp(bytes, packet({story.prompt, story.createdAt, {}})).value_or(bytes);
    }
    if (isWebp(bytes))
        return webpWithXmp(bytes, packet(story));
    return bytes;
}

} // namespace XmpStory
