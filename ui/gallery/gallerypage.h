#pragma once

#include "job.h"

#include <QWidget>

class AppServices;

// The Gallery: the filter bar, the virtualised thumbnail grid over the local history and the
// detail view of one record. Reads only local data, so it is the same online and offline.
class GalleryPage final : public QWidget
{
    Q_OBJECT
public:
    explicit GalleryPage(AppServices &services, QWidget *parent = nullptr);
    ~GalleryPage() override;

    // Re-reads the visible rows (after a sync page, a job update, a favourite...).
    void refresh();
    // Selects (and scrolls to) a record, e.g. "open in gallery" from the jobs panel.
    void showRecord(qint64 rowId);
    // Puts the keyboard focus in the search field (Ctrl+F).
    void focusSearch();

Q_SIGNALS:
    // "Regenerate": fill the composer with this record's prompt, ratio, resolution, references.
    void regenerateRequested(const JobRequest &request);
    // "Edit this image" / "Use as reference": a local image file to attach in the composer.
    void editRequested(const QString &imagePath);
    void useAsReferenceRequested(const QString &imagePath);
    // A sentence for the status bar (export finished, could not save...).
    void statusMessage(const QString &message);

private:
    AppServices &m_services;
};
