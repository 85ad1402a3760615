#pragma once

#include "devserver/httplistener.h"
#include "devserver/imagerenderer.h"
#include "devserver/jwt.h"
#include "devserver/multipart.h"
#include "devserver/options.h"
#include "devserver/store.h"

#include <QFile>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>

#include <functional>
#include <memory>

namespace devserver {

// The local implementation of the backend contract: routing, auth, rate limit, faults, logs.
// Route handlers live in devserver*.cpp by area.
class DevServer final : public QObject
{
    Q_OBJECT
public:
    explicit DevServer(ServerOptions options, QObject *parent = nullptr);
    ~DevServer() override;

    // Loads state and opens the listeners; false with an error sentence on failure.
    bool start(QString *error);
    quint16 port() const { return m_api->port(); }
    QString origin() const;
    QString imageOrigin() const { return m_imageOrigin; }
    QString otp() const { return m_otp; }

private:
    using Reply = std::function<void(const HttpResponse &)>;
    struct Fault
    {
        FaultKind kind = FaultKind::None;
        double rate = 1.0;
        QString route;
    };
    struct Bucket
    {
        qint64 windowStartMs = 0;
        int count = 0;
    };
    // The body of a POST/PUT: multipart parts or JSON fields, as Express would see them.
    struct Body
    {
        bool malformed = false;
        FormData form;
        QJsonObject json;
        QString field(const QString &name) const;
        bool hasField(const QString &name) const;
    };

    void onRequest(HttpConnection *connection, const HttpRequest &request);
    void onImageOriginRequest(HttpConnection *connection, const HttpRequest &request);
    void logRequest(const HttpRequest &request);
    // Rate limit headers for this request; false when it is over the limit.
    bool countRequest(const HttpRequest &request, QList<QPair<QByteArray, QByteArray>> *headers,
                      int *retryAfter);
    void deliver(const QPointer<HttpConnection> &connection, const HttpResponse &response,
                 const QString &path, const QByteArray &target);
    void sendFaulty(HttpConnection *connection, const HttpResponse &response, FaultKind kind,
                    const QByteArray &target);

    // API areas; each answers through `reply` (possibly later).
    void handleApi(const HttpRequest &request, const QString &path, const Reply &reply);
    bool handleAuthRoutes(const HttpRequest &request, const QString &path, const Reply &reply);
    bool handleGenerationRoutes(const HttpRequest &request, const QString &path,
                                const Reply &reply);
    bool handleCharacterRoutes(const HttpRequest &request, const QString &path, const Reply &reply);
    void handleDev(const HttpRequest &request, const Reply &reply);
    void serveUpload(const HttpRequest &request, const Reply &reply);
    double imagesOnServer(const QString &userId) const;

    void submitGeneration(const HttpRequest &request, bool edit, const Reply &reply);
    void finishSyncGeneration(const ImageRecord &record, double cost, const Reply &reply);
    void advanceTask(const QString &taskId, double cost);

    // The user of a valid bearer token; otherwise `failure` holds the 401.
    UserRecord *authenticate(const HttpRequest &request, HttpResponse *failure, bool *unknownUser);
    Body parseBody(const HttpRequest &request) const;
    QString publicUrl(const QString &url) const; // absolute at the image origin when set
    QJsonObject userJson(const UserRecord &user) const;
    QJsonObject imageJson(const ImageRecord &record) const;
    QJsonObject taskJson(const TaskRecord &task) const;
    QJsonObject characterJson(const CharacterRecord &character) const;
    QString storeUpload(const QString &folder, const FormPart &part, QString *stem);
    static qint64 nowMs();

    ServerOptions m_options;
    Store m_store;
    ImageRenderer m_renderer;
    Jwt m_accessJwt;
    Jwt m_refreshJwt;
    QString m_otp;
    QRandomGenerator m_random;
    std::unique_ptr<HttpListener> m_api;
    std::unique_ptr<HttpListener> m_images;
    QString m_imageOrigin;
    QFile m_log;
    Fault m_fault;
    QHash<QString, Bucket> m_buckets;
    int m_generatePosts = 0;
    int m_editPosts = 0;
    int m_tooManyRequests = 0;
    bool m_imageOriginSawAuthorization = false;
    bool m_smsDown = false; // POST /__dev/sms: send-code answers 503
    int m_imageOriginRequests = 0;
    int m_uploadGets = 0; // GET/HEAD of /uploads on either origin
    std::shared_ptr<ProxyLimits> m_proxy = std::make_shared<ProxyLimits>();
};

} // namespace devserver
