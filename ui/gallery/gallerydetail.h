#pragma once

#include "history/historyrecord.h"

#include <QWidget>

class ImageViewer;
class LineageStrip;
class QFormLayout;
class QLabel;
class QToolButton;
class QPushButton;
class QVBoxLayout;
class ThumbnailCache;

// One record, large: the image (fit, zoom, pan), before and after for edits whose source is
// on this machine, the prompt with Copy, the record's facts, references and characters, and
// the actions. It only shows and asks; GalleryPage carries the actions out.
class GalleryDetail final : public QWidget
{
    Q_OBJECT
public:
    GalleryDetail(ThumbnailCache &thumbnails, QWidget *parent = nullptr);

    // `localReferences`: local copies of the references when known; `characterLabels`: names.
    void setRecord(const HistoryRecord &record, const QStringList &localReferences,
                   const QStringList &characterLabels);
    const HistoryRecord &record() const { return m_record; }
    ImageViewer *viewer() const { return m_after; }
    ImageViewer *beforeViewer() const { return m_before; }
    QString promptText() const;
    QString statusText() const;
    // One button per reference shown (tests click them).
    QList<QToolButton *> referenceButtons() const;
    // A brush edit kept exact: toggles between the combined image and the server's own result
    // (hidden for any other record).
    QPushButton *serverResultToggle() const { return m_serverToggle; }
    QString serverResultFile() const { return m_serverFile; }
    QPushButton *compareServerButton() const { return m_compareServer; } // beside the toggle
    // "Made from" and "Edits of this image"; GalleryPage fills it (ui/lineage/).
    LineageStrip *lineageStrip() const { return m_lineage; }

Q_SIGNALS:
    void closeRequested();
    void favoriteRequested();
    void regenerateRequested();
    void editRequested();
    void useAsReferenceRequested();
    void saveAsRequested();
    void copyImageRequested();
    void openFolderRequested();
    void hideRequested();
    void promptCopied();
    // A reference thumbnail was clicked: its local copy when known, else its server address.
    void referenceOpenRequested(const QString &localPath, const QString &url);
    void compareServerResultRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QPushButton *addAction(QLayout *layout, const QString &text, const QString &tip,
                           void (GalleryDetail::*signal)());
    void showReferences(const QStringList &localReferences);

    ThumbnailCache &m_thumbnails;
    HistoryRecord m_record;
    ImageViewer *m_before = nullptr;
    ImageViewer *m_after = nullptr;
    QLabel *m_beforeCaption = nullptr;
    QLabel *m_afterCaption = nullptr;
    QWidget *m_beforePane = nullptr;
    QLabel *m_prompt = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_errorTitle = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_completed = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_characters = nullptr;
    QWidget *m_references = nullptr;
    QVBoxLayout *m_referencesLayout = nullptr;
    QPushButton *m_favorite = nullptr;
    QList<QPushButton *> m_fileActions; // need the image on this machine
    QStringList m_localReferences;
    QString m_beforeFile; // what the "before" pane shows, empty: hidden
    QPushButton *m_serverToggle = nullptr;
    QString m_serverFile; // a brush edit's server result beside the combined file, else empty
    QPushButton *m_compareServer = nullptr;
    LineageStrip *m_lineage = nullptr;
};
