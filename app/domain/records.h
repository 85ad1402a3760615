#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Plain value types for what the backend returns (CONTRACT.md). Absent fields stay empty.

enum class ImageStatus { Pending, Completed, Failed };
enum class ImageType { TextToImage, ImageToImage, Other };

// The server's spelling: TEXTTOIAMGE / IMAGETOIAMGE (sic); anything else is Other.
ImageType imageTypeFromServer(const QString &raw);
QString imageTypeName(ImageType type); // "generate", "edit", "other"
std::optional<ImageType> imageTypeFromName(const QString &name);
QString imageStatusName(ImageStatus status); // "pending", "completed", "failed"
std::optional<ImageStatus> imageStatusFromName(const QString &name);

// One record of GET /nanobanana/images (the seed's GeneratedImageEntity).
struct GeneratedImage
{
    QString id; // 24 hex, always
    QString userId;
    QString taskId; // async flow only
    QString prompt;
    ImageType type = ImageType::Other;
    QString typeRaw; // as the server spelled it
    QString imageUrl; // completed records; usually root-relative
    QString originImageUrl;
    QStringList referenceImageUrls;
    QStringList characterIds;
    ImageStatus status = ImageStatus::Pending;
    QString error;
    QDateTime createdAt; // UTC
    QDateTime completedAt; // UTC, invalid when absent
};

struct ImagesPage
{
    QList<GeneratedImage> images;
    qint64 total = 0;
    int limit = 0;
    int skip = 0;
    bool hasMore = false;
    int skipped = 0; // records left out because they were unreadable (no id, not an object)
};

struct User
{
    QString id;
    QString phoneNumber;
    QString email;
    QString name;
    QString profilePicture;
    QString subscription; // free | pro | premium
    double stars = 0; // may go negative
    bool isVerified = false;
    QString role;
    QDateTime createdAt;
    QDateTime updatedAt;

    QString displayName() const
    {
        return !name.isEmpty() ? name : !phoneNumber.isEmpty() ? phoneNumber : email;
    }
};

struct AuthResult
{
    User user;
    QString accessToken;
    QString refreshToken;
};

struct CharacterImage
{
    QString id;
    QString url;
    QString publicId;
    int order = 0;
};

struct Character
{
    QString id;
    QString userId;
    QString name;
    QList<CharacterImage> images;
    QDateTime createdAt;
    QDateTime updatedAt;
};

enum class TaskStatus { Pending, Processing, Completed, Failed };

// GET /nanobanana/task/:id (asynchronous flavour).
struct Task
{
    QString id;
    QString taskId;
    QString userId;
    QString prompt;
    QString type;
    TaskStatus status = TaskStatus::Pending;
    QStringList referenceImageUrls;
    QString imageSize;
    QStringList resultImageUrls; // element 0 is the result
    QString error;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime completedAt;
};

// The answer to POST /nanobanana/generate or /edit, in either flavour.
struct SubmitReceipt
{
    QString imageId; // synchronous flavour: the history record's id
    QString imageUrl; // synchronous flavour
    QString taskId; // asynchronous flavour
    QString prompt;
    QString aspectRatio;

    bool isAsync() const { return !taskId.isEmpty(); }
};

struct StyleTemplate
{
    QString id;
    QString imageUrl;
    QString prompt;
    QString category;
    QStringList tags;
};

// GET /categories: a style category (templates name it in `category`, by id or name).
struct StyleCategory
{
    QString id;
    QString name;
};
