#pragma once

#include <QByteArray>
#include <QString>

// An exported JPEG or WebP carries its record as XMP (UTF-8 RDF/XML, so a Persian prompt
// survives): dc:description holds the prompt, nb:record the record as JSON. JPEG gets an APP1
// segment after its JFIF header, WebP an "XMP " chunk (a simple file becomes an extended one).
namespace XmpStory {

struct Story
{
    QString prompt;
    QString createdAt; // ISO 8601
    QString recordJson;
};

QByteArray packet(const Story &story);
// `bytes` with the story; unchanged when it is neither JPEG nor WebP, or cannot hold it.
QByteArray withXmp(const QByteArray &bytes, const Story &story);
bool isJpeg(const QByteArray &bytes);
bool isWebp(const QByteArray &bytes);

} // namespace XmpStory
