#pragma once

#include <QFrame>
#include <QList>
#include <QThreadPool>

class FlowLayout;
class QLabel;
class QMimeData;
class QToolButton;
class ReferenceThumb;

// The images attached to a request: add through a file dialog, drag and drop, or paste;
// thumbnails decode on a private pool; refused files get an inline sentence.
class ReferenceStrip final : public QFrame
{
    Q_OBJECT
public:
    explicit ReferenceStrip(QWidget *parent = nullptr);
    ~ReferenceStrip() override;

    void setMaxCount(int max);
    int maxCount() const { return m_max; }
    // Where pasted images are written as PNG files (created when needed).
    void setPasteFolder(const QString &folder);
    QString pasteFolder() const;
    void setEmptyHint(const QString &hint);

    QStringList paths() const;
    int count() const { return int(m_thumbs.size()); }
    // Adds one file; false (with the reason shown inline) when it is refused.
    bool addPath(const QString &path);
    // Replaces every reference (regenerate from history); missing files are reported inline.
    void setPaths(const QStringList &paths);
    void removeAt(int index);
    void clear();
    // Adds local files from urls, or an image (saved as PNG first): used by drop and paste.
    void addFromMimeData(const QMimeData *data);

    // An edit's images can be marked (a brush edit); `path` is the one whose mask is set.
    void setMarkable(bool markable);
    void setMarkedPath(const QString &path);

    QString errorText() const;
    ReferenceThumb *thumbAt(int index) const { return m_thumbs.value(index); }

public Q_SLOTS:
    void pasteFromClipboard();
    void chooseFiles();
    void clearError();

Q_SIGNALS:
    void pathsChanged(const QStringList &paths);
    // "Mark area to change…" on the image at `path`.
    void markRequested(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void savePastedImage(const QImage &image);
    void showErrors(const QStringList &messages);
    void setDropHighlight(bool on);
    void removeThumb(ReferenceThumb *thumb);
    void refreshState();
    QString limitSentence() const;

    int m_max = 5;
    bool m_markable = false;
    QString m_markedPath;
    int m_pendingPastes = 0;
    int m_pasteCounter = 0;
    QString m_pasteFolder;
    QList<ReferenceThumb *> m_thumbs;
    FlowLayout *m_flow;
    QToolButton *m_addTile;
    QLabel *m_hint;
    QLabel *m_counter;
    QLabel *m_error;
    // Declared last so it is destroyed first: its destructor waits for running decodes
    // while the thumbnails that watch them still exist.
    QThreadPool m_pool;
};
