#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QThreadPool>

// Decodes one image file at a time off the UI thread, on a pool of its own (a large decode
// never waits behind, or blocks, the global pool's work). A newer load() or cancel() makes the
// earlier one's answer never arrive. ImageViewer and each side of the compare view use one.
class ImageFileLoader final : public QObject
{
    Q_OBJECT
public:
    explicit ImageFileLoader(const QString &threadName, QObject *parent = nullptr);
    ~ImageFileLoader() override;

    void load(const QString &path);
    void cancel();
    bool isLoading() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    // The decoded image (EXIF orientation applied), or a null image and the reader's reason.
    void loaded(const QImage &image, const QString &error);

private:
    struct Decoded
    {
        QImage image;
        QString error;
    };

    QThreadPool m_pool;
    QFutureWatcher<Decoded> m_watcher;
    quint64 m_generation = 0;
};
