#pragma once

#include "devserver/records.h"

#include <QCache>
#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace devserver {

// Renders result images (a gradient plus the prompt) as PNG off the event loop, and caches them.
class ImageRenderer final : public QObject
{
    Q_OBJECT
public:
    explicit ImageRenderer(QObject *parent = nullptr);
    ~ImageRenderer() override;

    using Callback = std::function<void(const QByteArray &png)>;
    // Calls back on this object's thread; concurrent asks for one key share one render.
    void render(const QString &key, const RenderSpec &spec, Callback callback);

    void setCacheMegabytes(int megabytes);

    static QSize sizeFor(const QString &aspectRatio, const QString &resolution);
    static QByteArray renderPng(const RenderSpec &spec);

private:
    void finished(const QString &key, const QByteArray &png);

    QThreadPool m_pool;
    QCache<QString, QByteArray> m_cache;
    QHash<QString, QList<Callback>> m_waiting;
};

} // namespace devserver
