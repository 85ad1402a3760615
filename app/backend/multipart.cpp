#include "backend/multipart.h"

#include <QRandomGenerator>

MultipartBuilder::MultipartBuilder()
{
    QByteArray random(12, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / int(sizeof(quint32)));
    m_boundary = "----NanoBananaStudio" + random.toHex();
}

MultipartBuilder::MultipartBuilder(QByteArray boundary)
    : m_boundary(std::move(boundary))
{ }

void MultipartBuilder::addField(const QByteArray &name, const QString &value)
{
    m_body += "--" + m_boundary + "\r\nContent-Disposition: form-data; name=\"" + name
              + "\"\r\n\r\n" + value.toUtf8() + "\r\n";
}

void MultipartBuilder::addFile(const QByteArray &name, const QString &fileName,
                               const QByteArray &contentType, const QByteArray &data)
{
    m_body += "--" + m_boundary + "\r\nContent-Disposition: form-data; name=\"" + name
              + "\"; filename=\"" + safeFileName(fileName) + "\"\r\nContent-Type: " + contentType
              + "\r\n\r\n" + data + "\r\n";
}

QByteArray MultipartBuilder::contentType() const
{
    return "multipart/form-data; boundary=" + m_boundary;
}

QByteArray MultipartBuilder::finish() const
{
    return m_body + "--" + m_boundary + "--\r\n";
}

QByteArray MultipartBuilder::safeFileName(const QString &fileName)
{
    QByteArray out;
    for (const QChar c : fileName) {
        const auto u = c.unicode();
        const bool plain = u >= 0x20 && u < 0x7f && c != u'"' && c != u'\\' && c != u'/';
        out += plain ? char(u) : '_';
    }
    return out.isEmpty() ? QByteArray("image") : out;
}
