#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace devserver {

// One part of a multipart/form-data body.
struct FormPart
{
    QString name;
    QString fileName; // empty for plain fields
    QByteArray contentType;
    QByteArray data;
    bool isFile = false;
};

// A parsed multipart/form-data body, parsed by hand (the server framework gives raw bytes).
struct FormData
{
    QList<FormPart> parts;

    QString field(const QString &name) const; // first plain field's text, empty when absent
    bool hasField(const QString &name) const;
    QList<FormPart> files(const QString &name) const;
    QList<FormPart> allFiles() const;
};

// The boundary of a multipart/form-data Content-Type, or empty when it is not one.
QByteArray multipartBoundary(const QByteArray &contentType);
// nullopt when the body is not well-formed multipart.
std::optional<FormData> parseMultipart(const QByteArray &body, const QByteArray &boundary);

} // namespace devserver
