#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace devserver {

// The dev server's state, as plain records (times in ms since the epoch, 0 = absent).

struct UserRecord
{
    QString id;
    QString phoneNumber;
    QString email; // Google sign-in only
    QString name;
    double stars = 30;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 seedBaseMs = 0; // seeded history is regenerated from this and seededCount
    int seededCount = 0;
};

struct ImageRecord
{
    QString id;
    QString userId;
    QString taskId;
    QString prompt;
    QString type; // TEXTTOIAMGE | IMAGETOIAMGE | THUMBNAIL | PRODUCT
    QString imageUrl;
    QString originImageUrl;
    QString status; // pending | completed | failed
    QString error;
    QString aspectRatio;
    QString resolution;
    QStringList referenceImageUrls;
    QStringList characterIds;
    qint64 createdMs = 0;
    qint64 completedMs = 0;
    bool seeded = false;
};

struct TaskRecord
{
    QString id;
    QString taskId;
    QString userId;
    QString prompt;
    QString type;
    QString status; // pending | processing | completed | failed
    QString imageSize;
    QString resolution;
    QString resultImageUrl;
    QString error;
    QString recordId;
    QStringList referenceImageUrls;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 completedMs = 0;
};

struct CharacterImageRecord
{
    QString id;
    QString url;
    QString publicId;
    int order = 0;
};

struct CharacterRecord
{
    QString id;
    QString userId;
    QString name;
    QList<CharacterImageRecord> images;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

// An uploaded file served back byte-identical.
struct StoredFile
{
    QByteArray contentType;
    QByteArray data;
};

// What /uploads renders for a generated image URL.
struct RenderSpec
{
    QString prompt;
    QString aspectRatio;
    QString resolution;
};

} // namespace devserver
