#pragma once

#include "backend/apicall.h"
#include "domain/job.h"
#include "domain/records.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class RequestBudget;

// A file part of a multipart upload, already within the backend's limits.
struct UploadFile
{
    QString fileName;
    QString contentType; // image/png, image/jpeg, image/webp...
    QByteArray data;
};

// A downloaded image that passed the checks (image/* Content-Type, under the size cap).
struct DownloadedImage
{
    QUrl url;
    QString contentType;
    QByteArray data;
};

// Talks to one backend origin. Every method starts one call and returns it; the call is
// parented to the client and deletes itself after finished(). The bearer token goes only to
// the API origin: never to image hosts, never across a redirect to another origin.
class BackendClient final : public QObject
{
    Q_OBJECT
public:
    struct Timeouts
    {
        int shortMs = 30'000; // auth, profile, history, tasks, characters
        int submitMs = 600'000; // generate / edit (the synchronous server can take minutes)
        int downloadMs = 120'000;
    };

    BackendClient(QNetworkAccessManager &network, RequestBudget &budget, QObject *parent = nullptr);
    ~BackendClient() override;

    void setOrigin(const QUrl &origin); // e.g. http://localhost:2000
    QUrl origin() const;
    QUrl apiBase() const; // origin + /api/v1
    void setAccessToken(const QString &token);
    QString accessToken() const;
    void setTimeouts(const Timeouts &timeouts);

    // Resolves a root-relative image URL against the origin; absolute URLs stay unchanged.
    QUrl resolveImageUrl(const QString &url) const;

    ApiCall<Done> *sendCode(const QString &phoneNumber);
    ApiCall<AuthResult> *verifyCode(const QString &phoneNumber, const QString &code);
    ApiCall<User> *fetchMe();

    // POST /nanobanana/generate or /edit. `images` must already respect the limits (see
    // ReferencePreparer); character URLs go out as the JSON array characterImageUrls.
    ApiCall<SubmitReceipt> *submit(const JobRequest &request, const QList<UploadFile> &images);
    // A 404 here means a server of the synchronous flavour.
    ApiCall<Task> *fetchTask(const QString &taskId);
    ApiCall<ImagesPage> *fetchImages(int limit, int skip);

    ApiCall<QList<Character>> *fetchCharacters();
    ApiCall<Character> *createCharacter(const QString &name, const QList<UploadFile> &images);
    ApiCall<Character> *renameCharacter(const QString &id, const QString &name);
    ApiCall<Done> *deleteCharacter(const QString &id);

    // The style catalogue (GET /templates, /categories): a style's templateId goes with a job.
    ApiCall<QList<StyleTemplate>> *fetchTemplates();
    ApiCall<QList<StyleCategory>> *fetchCategories();

    // GET an image (no token, any origin). Refuses non-image Content-Types and bodies over
    // maxBytes, checked against Content-Length and as bytes arrive.
    ApiCall<DownloadedImage> *download(const QUrl &url, qint64 maxBytes = 64ll * 1024 * 1024);

Q_SIGNALS:
    // Any call answered 401: the session must sign in again.
    void unauthorized(const ApiError &error);
    // A call reached the server (any HTTP answer) or failed to (network error).
    void reachabilityChanged(bool reachable);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
