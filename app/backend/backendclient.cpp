#include "backend/backendclient.h"

#include "backend/backendcall.h"
#include "backend/backendlog.h"
#include "backend/decoders.h"
#include "backend/multipart.h"

#include <QBuffer>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kJsonCap = 32ll * 1024 * 1024; // a 1000-record history page is about 1 MB

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<DownloadedImage> decodeDownload(const QUrl &url, const HttpAnswer &answer)
{
    if (!answer.isSuccess()) {
        // /uploads is public: a refusal means the file is not there for us, not a sign-in issue.
        if (answer.status == 401 || answer.status == 403 || answer.status == 404
            || answer.status == 410)
            return ApiError::imageMissing(answer.status, answer.contentType);
        return errorFromAnswer(answer);
    }
    // The Content-Type was checked as the headers arrived; the bytes must agree.
    QBuffer buffer;
    buffer.setData(answer.body);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    if (answer.body.isEmpty() || !reader.canRead())
        return ApiError::badResponse(
            UserMessage::of("core.answer.notAPicture",
                            {QString::number(answer.body.size()), answer.contentType}),
            answer.status);
    return DownloadedImage{url, answer.contentType, answer.body};
}

} // namespace

struct BackendClient::Private final : CallObserver
{
    Private(BackendClient &owner, QNetworkAccessManager &manager, RequestBudget &requestBudget)
        : q(owner)
        , network(manager)
        , budget(requestBudget)
    { }

    void callAnswered(bool api, bool reached, const ApiError *error) override
    {
        if (!api)
            return; // an image host's 401 or outage says nothing about the session or the API
        if (error && error->kind == ApiError::Kind::Unauthorized)
            Q_EMIT q.unauthorized(*error);
        const bool networkDown = error && error->kind == ApiError::Kind::Network;
        if (!reached && !networkDown)
            return;
        if (reachable != std::optional<bool>(!networkDown)) {
            reachable = !networkDown;
            Q_EMIT q.reachabilityChanged(*reachable);
        }
    }

    QUrl apiUrl(const QString &path, const QUrlQuery &query = {}) const
    {
        QUrl url = q.apiBase();
        url.setPath(url.path() + path);
        if (!query.isEmpty())
            url.setQuery(query);
        return url;
    }

    HttpRequestSpec apiSpec(const QByteArray &method, const QString &path, int timeoutMs) const
    {
        HttpRequestSpec spec;
        spec.method = method;
        spec.url = apiUrl(path);
        spec.bearerToken = token;
        spec.tokenOrigin = origin;
        spec.timeoutMs = timeoutMs;
        spec.maxBytes = kJsonCap;
        spec.stayOnOrigin = true;
        return spec;
    }

    template<class T>
    BackendCall<T> *startApi(CallPriority priority, HttpRequestSpec spec,
                             typename BackendCall<T>::Decoder decoder,
                             typename BackendCall<T>::Adjust adjust = {})
    {
        auto *call = new BackendCall<T>(network, &budget, priority, std::move(spec),
                                        std::move(decoder), *this, &q);
        if (adjust)
            call->setAdjust(std::move(adjust));
        call->start();
        return call;
    }

    void rememberStars(const Result<User> &user)
    {
        if (user.ok())
            lastKnownStars = user.value().stars;
    }

    BackendClient &q;
    QNetworkAccessManager &network;
    RequestBudget &budget;
    QUrl origin = QUrl(u"http://localhost:2000"_s);
    QString token;
    Timeouts timeouts;
    std::optional<bool> reachable;
    std::optional<double> lastKnownStars;
};

BackendClient::BackendClient(QNetworkAccessManager &network, RequestBudget &budget, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(*this, network, budget))
{ }

BackendClient::~BackendClient()
{
    // Calls report to d; they must go before it does.
    qDeleteAll(findChildren<ApiCallBase *>(Qt::FindDirectChildrenOnly));
}

void BackendClient::setOrigin(const QUrl &origin)
{
    QUrl clean = origin.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    auto path = clean.path();
    while (path.endsWith(u'/'))
        path.chop(1); // "http://host/" and "http://host" are the same origin
    clean.setPath(path);
    d->origin = clean;
}

QUrl BackendClient::origin() const
{
    return d->origin;
}

QUrl BackendClient::apiBase() const
{
    QUrl base = d->origin;
    base.setPath(base.path() + u"/api/v1"_s);
    return base;
}

void BackendClient::setAccessToken(const QString &token)
{
    d->token = token;
}

QString BackendClient::accessToken() const
{
    return d->token;
}

void BackendClient::setTimeouts(const Timeouts &timeouts)
{
    d->timeouts = timeouts;
}

QUrl BackendClient::resolveImageUrl(const QString &url) const
{
    const auto trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl parsed(trimmed);
    if (!parsed.scheme().isEmpty())
        return parsed; // absolute: unchanged
    if (trimmed.startsWith(u"//"))
        return QUrl(d->origin.scheme() + u':' + trimmed);
    QUrl resolved = d->origin;
    resolved.setPath(d->origin.path()
                     + (trimmed.startsWith(u'/') ? parsed.path() : u'/' + parsed.path()));
    resolved.setQuery(parsed.query());
    return resolved;
}

ApiCall<Done> *BackendClient::sendCode(const QString &phoneNumber)
{
    auto spec = d->apiSpec("POST", u"/auth/send-code"_s, d->timeouts.shortMs);
    spec.contentType = "application/json";
    spec.body = jsonBody({{u"phoneNumber"_s, phoneNumber}});
    return d->startApi<Done>(CallPriority::Interactive, spec, decodeDone);
}

ApiCall<AuthResult> *BackendClient::verifyCode(const QString &phoneNumber, const QString &code)
{
    auto spec = d->apiSpec("POST", u"/auth/verify-code"_s, d->timeouts.shortMs);
    spec.contentType = "application/json";
    spec.body = jsonBody({{u"phoneNumber"_s, phoneNumber}, {u"code"_s, code}});
    auto *dd = d.get();
    return d->startApi<AuthResult>(CallPriority::Interactive, spec, decodeAuthResult,
                                   [dd](Result<AuthResult> &r) {
                                       if (r.ok())
                                           dd->lastKnownStars = r.value().user.stars;
                                   });
}

ApiCall<User> *BackendClient::fetchMe()
{
    auto *dd = d.get();
    return d->startApi<User>(CallPriority::Interactive,
                             d->apiSpec("GET", u"/users/me"_s, d->timeouts.shortMs), decodeMe,
                             [dd](Result<User> &r) { dd->rememberStars(r); });
}

ApiCall<SubmitReceipt> *BackendClient::submit(const JobRequest &request,
                                              const QList<UploadFile> &images)
{
    const bool edit = request.kind == JobKind::Edit;
    auto spec = d->apiSpec("POST", edit ? u"/nanobanana/edit"_s : u"/nanobanana/generate"_s,
                           d->timeouts.submitMs);
    MultipartBuilder form;
    form.addField("prompt", request.prompt);
    form.addField("imageSize", request.aspectRatio.isEmpty() ? u"1:1"_s : request.aspectRatio);
    form.addField("resolution", request.resolution.isEmpty() ? u"1K"_s : request.resolution);
    if (!request.characterImageUrls.isEmpty())
        form.addField(
            "characterImageUrls",
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(request.characterImageUrls))
                                  .toJson(QJsonDocument::Compact)));
    if (!request.templateId.isEmpty())
        form.addField("templateId", request.templateId);
    for (const auto &image : images)
        form.addFile("images", image.fileName, image.contentType.toUtf8(), image.data);
    spec.contentType = form.contentType();
    spec.body = form.finish();
    spec.reportUpload = true;

    const double cost = starCost(request.resolution);
    auto *dd = d.get();
    auto adjust = [dd, cost](Result<SubmitReceipt> &r) {
        // Fill the sentence with what we know when the server's message has no figures.
        if (!r.ok() && r.error().kind == ApiError::Kind::InsufficientStars
            && r.error().message.code == u"api.stars.none") {
            r = ApiError::insufficientStars(r.error().httpStatus, r.error().serverMessage, cost,
                                            dd->lastKnownStars);
        }
    };
    if (edit && images.isEmpty()) {
        auto *call = new BackendCall<SubmitReceipt>(d->network, &d->budget,
                                                    CallPriority::Interactive, spec, {}, *d, this);
        call->failLater(ApiError::validation(UserMessage::of("core.edit.needsImage")));
        return call;
    }
    return d->startApi<SubmitReceipt>(CallPriority::Interactive, spec, decodeSubmitReceipt, adjust);
}

ApiCall<Task> *BackendClient::fetchTask(const QString &taskId)
{
    return d->startApi<Task>(
        CallPriority::Poll,
        d->apiSpec("GET",
                   u"/nanobanana/task/"_s + QString::fromUtf8(QUrl::toPercentEncoding(taskId)),
                   d->timeouts.shortMs),
        decodeTask);
}

ApiCall<ImagesPage> *BackendClient::fetchImages(int limit, int skip)
{
    auto spec = d->apiSpec("GET", u"/nanobanana/images"_s, d->timeouts.shortMs);
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(std::max(1, limit)));
    query.addQueryItem(u"skip"_s, QString::number(std::max(0, skip))); // negative skip is a 500
    spec.url.setQuery(query);
    return d->startApi<ImagesPage>(CallPriority::Background, spec, decodeImagesPage);
}

ApiCall<QList<Character>> *BackendClient::fetchCharacters()
{
    return d->startApi<QList<Character>>(CallPriority::Background,
                                         d->apiSpec("GET", u"/characters"_s, d->timeouts.shortMs),
                                         decodeCharacters);
}

ApiCall<Character> *BackendClient::createCharacter(const QString &name,
                                                   const QList<UploadFile> &images)
{
    auto spec = d->apiSpec("POST", u"/characters"_s, d->timeouts.submitMs);
    MultipartBuilder form;
    form.addField("name", name);
    for (const auto &image : images)
        form.addFile("images", image.fileName, image.contentType.toUtf8(), image.data);
    spec.contentType = form.contentType();
    spec.body = form.finish();
    spec.reportUpload = true;
    return d->startApi<Character>(CallPriority::Interactive, spec, decodeCharacter);
}

ApiCall<Character> *BackendClient::renameCharacter(const QString &id, const QString &name)
{
    auto spec =
        d->apiSpec("PUT", u"/characters/"_s + QString::fromUtf8(QUrl::toPercentEncoding(id)),
                   d->timeouts.shortMs);
    MultipartBuilder form;
    form.addField("name", name);
    spec.contentType = form.contentType();
    spec.body = form.finish();
    return d->startApi<Character>(CallPriority::Interactive, spec, decodeCharacter);
}

ApiCall<Done> *BackendClient::deleteCharacter(const QString &id)
{
    return d->startApi<Done>(
        CallPriority::Interactive,
        d->apiSpec("DELETE", u"/characters/"_s + QString::fromUtf8(QUrl::toPercentEncoding(id)),
                   d->timeouts.shortMs),
        decodeDone);
}

ApiCall<QList<StyleTemplate>> *BackendClient::fetchTemplates()
{
    return d->startApi<QList<StyleTemplate>>(
        CallPriority::Background, d->apiSpec("GET", u"/templates"_s, d->timeouts.shortMs),
        decodeTemplates);
}

ApiCall<QList<StyleCategory>> *BackendClient::fetchCategories()
{
    return d->startApi<QList<StyleCategory>>(
        CallPriority::Background, d->apiSpec("GET", u"/categories"_s, d->timeouts.shortMs),
        decodeCategories);
}

ApiCall<DownloadedImage> *BackendClient::download(const QUrl &url, qint64 maxBytes)
{
    HttpRequestSpec spec;
    spec.url = url;
    spec.accept = "image/*";
    spec.timeoutMs = d->timeouts.downloadMs;
    spec.maxBytes = maxBytes;
    spec.imageOnly = true;
    // No bearerToken: /uploads is public, and image hosts must never see it.
    auto *call = new BackendCall<DownloadedImage>(
        d->network, nullptr, CallPriority::Background, spec,
        [url](const HttpAnswer &answer) { return decodeDownload(url, answer); }, *d, this);
    call->start();
    return call;
}
