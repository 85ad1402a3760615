#pragma once

#include <QByteArray>
#include <QString>

// A multipart/form-data body built in memory, so that a call can be sent again unchanged
// (after a 429 or a 307) and its size is known up front for the progress bar.
class MultipartBuilder final
{
public:
    MultipartBuilder(); // random boundary
    explicit MultipartBuilder(QByteArray boundary);

    void addField(const QByteArray &name, const QString &value);
    void addFile(const QByteArray &name, const QString &fileName, const QByteArray &contentType,
                 const QByteArray &data);

    QByteArray contentType() const; // multipart/form-data; boundary=...
    QByteArray finish() const; // the body with its closing boundary

    // A file name safe inside the quoted header: printable ASCII, no quotes or slashes.
    static QByteArray safeFileName(const QString &fileName);

private:
    QByteArray m_boundary;
    QByteArray m_body;
};
