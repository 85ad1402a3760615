#include "devserver/multipart.h"

namespace devserver {

QString FormData::field(const QString &name) const
{
    for (const auto &p : parts) {
        if (!p.isFile && p.name == name)
            return QString::fromUtf8(p.data);
    }
    return {};
}

bool FormData::hasField(const QString &name) const
{
    for (const auto &p : parts) {
        if (!p.isFile && p.name == name)
            return true;
    }
    return false;
}

QList<FormPart> FormData::files(const QString &name) const
{
    QList<FormPart> out;
    for (const auto &p : parts) {
        if (p.isFile && p.name == name)
            out.append(p);
    }
    return out;
}

QList<FormPart> FormData::allFiles() const
{
    QList<FormPart> out;
    for (const auto &p : parts) {
        if (p.isFile)
            out.append(p);
    }
    return out;
}

QByteArray multipartBoundary(const QByteArray &contentType)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return {};
    const auto params = contentType.split(';');
    for (const auto &param : params) {
        const auto p = param.trimmed();
        if (p.toLower().startsWith("boundary=")) {
            auto value = p.mid(9).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            return value;
        }
    }
    return {};
}

// Reads `key="value"` (or unquoted) from a Content-Disposition header.
static std::optional<QByteArray> dispositionParam(const QByteArray &header, const QByteArray &key)
{
    const auto lower = header.toLower();
    qsizetype from = 0;
    for (;;) {
        const auto at = lower.indexOf(QByteArray(key + "="), from);
        if (at < 0)
            return std::nullopt;
        // Whole-word match: "name" must not match inside "filename".
        if (at > 0 && lower.at(at - 1) != ';' && lower.at(at - 1) != ' ') {
            from = at + 1;
            continue;
        }
        auto pos = at + key.size() + 1;
        if (pos < header.size() && header.at(pos) == '"') {
            const auto end = header.indexOf('"', pos + 1);
            if (end < 0)
                return std::nullopt;
            return header.mid(pos + 1, end - pos - 1);
        }
        auto end = header.indexOf(';', pos);
        if (end < 0)
            end = header.size();
        return header.mid(pos, end - pos).trimmed();
    }
}

std::optional<FormData> parseMultipart(const QByteArray &body, const QByteArray &boundary)
{
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    FormData form;
    auto pos = body.indexOf(delimiter);
    if (pos < 0)
        return std::nullopt;
    for (;;) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return form; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        const auto headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            return std::nullopt;
        FormPart part;
        bool named = false;
        const auto headerLines = body.mid(pos, headerEnd - pos).split('\n');
        for (const auto &rawLine : headerLines) {
            const auto line = rawLine.trimmed();
            const auto colon = line.indexOf(':');
            if (colon <= 0)
                return std::nullopt;
            const auto name = line.left(colon).trimmed().toLower();
            const auto value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                if (const auto n = dispositionParam(value, "name")) {
                    part.name = QString::fromUtf8(*n);
                    named = true;
                }
                if (const auto f = dispositionParam(value, "filename")) {
                    part.fileName = QString::fromUtf8(*f);
                    part.isFile = true;
                }
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        if (!named)
            return std::nullopt;
        const auto dataStart = headerEnd + 4;
        const auto next = body.indexOf(QByteArray("\r\n" + delimiter), dataStart);
        if (next < 0)
            return std::nullopt;
        part.data = body.mid(dataStart, next - dataStart);
        if (part.isFile && part.contentType.isEmpty())
            part.contentType = "application/octet-stream";
        form.parts.append(part);
        pos = next + 2;
    }
}

} // namespace devserver
