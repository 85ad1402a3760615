#pragma once

#include "domain/job.h"
#include "media/imagestore.h"

#include <QObject>
#include <QThreadPool>

// Puts a brush edit's unmarked pixels back (MaskEdit::finishResult) on a worker thread: a 4K
// result takes most of a second to decode, combine and write, too long for the UI thread.
class MaskEditFinisher final : public QObject
{
    Q_OBJECT
public:
    explicit MaskEditFinisher(QObject *parent = nullptr);
    ~MaskEditFinisher() override;

    // Starts combining when `job` is a brush edit kept exact and returns true (combined()
    // follows); false: nothing to combine, the result is shown as it came.
    bool combine(const Job &job, const StoredImage &serverResult);

Q_SIGNALS:
    // `job` carries serverImagePath when the combined image was made; `shown` is the file the
    // record shows (the server's own when combining failed).
    void combined(const Job &job, const StoredImage &shown);

private:
    QThreadPool m_workers;
};
