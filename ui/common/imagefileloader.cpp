#include "common/imagefileloader.h"

#include "threading/pool.h"

#include <QImageReader>

ImageFileLoader::ImageFileLoader(const QString &threadName, QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(threadName);
    connect(&m_watcher, &QFutureWatcher<Decoded>::finished, this, [this] {
        const quint64 generation = m_watcher.property("generation").toULongLong();
        if (generation != m_generation || m_watcher.isCanceled())
            return;
        const Decoded decoded = m_watcher.result();
        Q_EMIT loaded(decoded.image, decoded.error);
    });
}

ImageFileLoader::~ImageFileLoader()
{
    m_watcher.waitForFinished();
    m_pool.waitForDone();
}

void ImageFileLoader::load(const QString &path)
{
    const quint64 generation = ++m_generation;
    m_watcher.setProperty("generation", generation);
    m_watcher.setFuture(runInPool(m_pool, [path] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        Decoded decoded;
        decoded.image = reader.read();
        if (decoded.image.isNull())
            decoded.error = reader.errorString();
        return decoded;
    }));
}

void ImageFileLoader::cancel()
{
    ++m_generation;
}
