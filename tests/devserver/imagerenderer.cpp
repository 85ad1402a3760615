#include "devserver/imagerenderer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFont>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace devserver {

ImageRenderer::ImageRenderer(QObject *parent)
    : QObject(parent)
    , m_cache(qsizetype(256) * 1024) // cost in KiB
{
    m_pool.setMaxThreadCount(2);
}

void ImageRenderer::setCacheMegabytes(int megabytes)
{
    m_cache.setMaxCost(qsizetype(megabytes) * 1024);
}

ImageRenderer::~ImageRenderer()
{
    m_pool.waitForDone();
}

QSize ImageRenderer::sizeFor(const QString &aspectRatio, const QString &resolution)
{
    const int longEdge = resolution == "4K"_L1 ? 4096 : resolution == "2K"_L1 ? 2048 : 1024;
    const auto parts = aspectRatio.split(u':');
    int w = 1;
    int h = 1;
    if (parts.size() == 2) {
        w = qMax(1, parts.at(0).toInt());
        h = qMax(1, parts.at(1).toInt());
    }
    if (w >= h)
        return {longEdge, qMax(1, longEdge * h / w)};
    return {qMax(1, longEdge * w / h), longEdge};
}

QByteArray ImageRenderer::renderPng(const RenderSpec &spec)
{
    const auto size = sizeFor(spec.aspectRatio, spec.resolution);
    QImage image(size, QImage::Format_RGB32);
    const auto hash = QCryptographicHash::hash(spec.prompt.toUtf8(), QCryptographicHash::Md5);
    const auto hue1 = static_cast<quint8>(hash.at(0)) * 359 / 255;
    const auto hue2 = (hue1 + 60 + static_cast<quint8>(hash.at(1)) % 120) % 360;
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, size.width(), size.height());
    gradient.setColorAt(0, QColor::fromHsv(hue1, 150, 230));
    gradient.setColorAt(1, QColor::fromHsv(hue2, 200, 120));
    painter.fillRect(image.rect(), gradient);
    const int longEdge = qMax(size.width(), size.height());
    QFont font(u"DejaVu Sans"_s);
    font.setPixelSize(qMax(12, longEdge / 22));
    painter.setFont(font);
    painter.setPen(Qt::white);
    const auto margin = longEdge / 16;
    painter.drawText(image.rect().adjusted(margin, margin, -margin, -margin),
                     Qt::AlignCenter | Qt::TextWordWrap, spec.prompt);
    font.setPixelSize(qMax(10, longEdge / 48));
    painter.setFont(font);
    painter.drawText(image.rect().adjusted(margin / 2, margin / 2, -margin / 2, -margin / 2),
                     Qt::AlignRight | Qt::AlignBottom,
                     u"%1 · %2 · %3×%4"_s.arg(spec.aspectRatio, spec.resolution)
                         .arg(size.width())
                         .arg(size.height()));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG", 80); // light compression: fast, still small for a gradient
    return png;
}

void ImageRenderer::render(const QString &key, const RenderSpec &spec, Callback callback)
{
    if (const auto *cached = m_cache.object(key)) {
        callback(*cached);
        return;
    }
    auto &waiting = m_waiting[key];
    waiting.append(std::move(callback));
    if (waiting.size() > 1)
        return;
    m_pool.start([this, key, spec] {
        const auto png = renderPng(spec);
        QMetaObject::invokeMethod(
            this, [this, key, png] { finished(key, png); }, Qt::QueuedConnection);
    });
}

void ImageRenderer::finished(const QString &key, const QByteArray &png)
{
    m_cache.insert(key, new QByteArray(png), qMax<qsizetype>(1, png.size() / 1024));
    const auto callbacks = m_waiting.take(key);
    for (const auto &callback : callbacks)
        callback(png);
}

} // namespace devserver
