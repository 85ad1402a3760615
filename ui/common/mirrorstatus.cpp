#include "common/mirrorstatus.h"

#include "common/datasize.h"
#include "media/imagemirror.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QToolButton>

#include <climits>

MirrorStatus::MirrorStatus(ImageMirror &mirror, QWidget *parent)
    : QWidget(parent)
    , m_mirror(mirror)
    , m_label(new QLabel(this))
    , m_pause(new QToolButton(this))
    , m_pauseAction(new QAction(tr("&Pause saving for offline"), this))
{
    m_pauseAction->setCheckable(true);
    connect(m_pauseAction, &QAction::triggered, this, &MirrorStatus::togglePause);
    setObjectName(QStringLiteral("mirrorStatus"));
    m_label->setObjectName(QStringLiteral("mirrorState"));
    m_pause->setAutoRaise(true);
    // Not a Tab stop: the status bar is passed over by Tab (its labels are read as they
    // change), and a stop here would come before the page's own first field.
    m_pause->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_label);
    layout->addWidget(m_pause);
    connect(m_pause, &QToolButton::clicked, this, &MirrorStatus::togglePause);
    connect(&m_mirror, &ImageMirror::progressChanged, this, &MirrorStatus::refresh);
    connect(&m_mirror, &ImageMirror::stateChanged, this, &MirrorStatus::refresh);
    connect(&m_mirror, &ImageMirror::thumbnailSaved, this, &MirrorStatus::refresh);
    refresh();
}

QString MirrorStatus::text() const
{
    return m_label->text();
}

void MirrorStatus::refresh()
{
    using S = ImageMirror::State;
    const S state = m_mirror.state();
    const bool active = state == S::Running || state == S::Paused || state == S::Waiting
                        || state == S::Offline || state == S::LowSpace || state == S::Metered
                        || state == S::LimitReached;
    const bool saving = active && m_mirror.done() < m_mirror.total();
    setVisible(saving);
    m_savedSome = m_savedSome || saving;
    // "Only images I open": the pass keeps thumbnails, and saves no image to count.
    const bool thumbnailsOnly = !m_mirror.isEnabled();
    if (thumbnailsOnly)
        m_savedSome = false;
    if (m_savedSome && state == S::Done && m_mirror.total() > 0
        && m_mirror.done() >= m_mirror.total()) {
        m_savedSome = false;
        // The moment the user waited for: said once, where they were looking.
        if (auto *bar = qobject_cast<QStatusBar *>(parentWidget()))
            bar->showMessage(tr("Saved for offline · all %n images", nullptr,
                                int(qMin<qint64>(m_mirror.total(), INT_MAX))),
                             15000);
    }
    const QLocale locale;
    const QString done = locale.toString(m_mirror.done());
    const QString total = locale.toString(m_mirror.total());
    QString text;
    switch (state) {
    case S::Paused:
        text = tr("Saving for offline paused · %1 of %2").arg(done, total);
        break;
    case S::Waiting:
        text = tr("Saving for offline waits for the server · %1 of %2").arg(done, total);
        break;
    case S::Offline:
        text = tr("Saving for offline waits for the connection · %1 of %2").arg(done, total);
        break;
    case S::LowSpace:
        text =
            tr("Saving for offline stopped: the disk is nearly full · %1 of %2").arg(done, total);
        break;
    case S::Metered:
        text = tr("Saving for offline waits for a connection that is not metered · %1 of %2")
                   .arg(done, total);
        break;
    case S::LimitReached:
        text = tr("Kept the newest images for offline, up to %1 · %2 of %3")
                   .arg(dataSizeText(m_mirror.byteLimit()), done, total);
        break;
    default:
        text = thumbnailsOnly ? tr("Keeping thumbnails for offline · %n made", nullptr,
                                   m_mirror.thumbnailsOnlyThisPass())
                              : tr("Saving for offline · %1 of %2").arg(done, total);
        break;
    }
    m_label->setText(text);
    const bool paused = state == S::Paused;
    m_pause->setVisible(state != S::LimitReached); // the user's own choice: nothing to pause
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pauseAction->setChecked(paused);
    m_pauseAction->setEnabled(active);
    m_pause->setToolTip(paused ? tr("Go on saving the images for offline use")
                               : tr("Stop saving the images for offline use for now"));
}

void MirrorStatus::togglePause()
{
    if (m_mirror.state() == ImageMirror::State::Paused)
        m_mirror.resume();
    else
        m_mirror.pause();
}
