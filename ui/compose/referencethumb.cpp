#include "compose/referencethumb.h"

#include "common/accessiblerole.h"
#include "common/datasize.h"
#include "common/uiresources.h"
#include "compose/referencefile.h"
#include "threading/pool.h"

#include <QAction>
#include <QFileInfo>
#include <QIcon>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QThreadPool>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

QImage decodeScaled(const QString &path, QSize box)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    // JPEG scales inside the decoder; other formats decode fully, but off the UI thread.
    if (full.isValid())
        reader.setScaledSize(full.scaled(box, Qt::KeepAspectRatio).expandedTo({1, 1}));
    return reader.read();
}

} // namespace

ReferenceThumb::ReferenceThumb(const ReferenceFile &file, QWidget *parent)
    : QFrame(parent)
    , m_path(file.path)
    , m_image(new QLabel(this))
    , m_badge(new QLabel(tr("Will be downscaled"), this))
    , m_remove(new QToolButton(this))
    , m_mark(new QToolButton(this))
    , m_markedBadge(new QLabel(tr("Area marked"), this))
    , m_markAction(new QAction(tr("Mark area to change…"), this))
{
    initUiResources();
    setObjectName(u"referenceThumb"_s);
    setFixedSize(tileSize());
    setFocusPolicy(Qt::StrongFocus);
    setStyleSheet(u"QFrame#referenceThumb { border: 1px solid palette(mid); border-radius: 6px;"
                  u" background: palette(base); }"
                  u" QFrame#referenceThumb:focus { border: 2px solid palette(highlight); }"_s);
    const QString name = QFileInfo(file.path).fileName();
    setAccessibleName(tr("Reference image %1").arg(name));

    m_downscaled = file.willBeDownscaled();
    const QSize size = file.pixelSize;
    const QString sizeText =
        size.isValid() ? tr("%1 × %2 px").arg(size.width()).arg(size.height()) : tr("unknown size");
    setToolTip(u"%1\n%2, %3"_s.arg(name, sizeText, dataSizeText(file.bytes)));

    m_image->setAlignment(Qt::AlignCenter);
    m_image->setPixmap(QIcon(u":/icons/image.svg"_s).pixmap(32, 32));
    m_image->setAccessibleName(name);

    m_badge->setVisible(m_downscaled);
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setStyleSheet(u"background: rgba(30, 30, 30, 190); color: white; border-radius: 4px;"
                           u" padding: 1px 4px; font-size: 8pt;"_s);
    m_badge->setToolTip(tr("Over 10 MiB or longer than %1 px on one edge: it is resized before "
                           "upload.")
                            .arg(ReferenceFile::kMaxUploadEdge));
    m_badge->setAccessibleName(tr("Will be downscaled before upload"));

    m_remove->setIcon(QIcon(u":/icons/close.svg"_s));
    m_remove->setToolTip(tr("Remove this image (Delete)"));
    m_remove->setAccessibleName(tr("Remove %1").arg(name));
    m_remove->setAutoRaise(true);
    m_remove->setStyleSheet(
        u"QToolButton { background: rgba(255, 255, 255, 220); border-radius: 10px; }"_s);
    m_remove->setFixedSize(22, 22);
    m_remove->setFocusPolicy(Qt::NoFocus); // the tile takes focus; Delete removes it
    connect(m_remove, &QToolButton::clicked, this, [this] { Q_EMIT removeRequested(this); });

    // A screen reader acts on the tile itself: read as a picture that can be removed.
    auto *remove = new QAction(tr("Remove"), this);
    remove->setToolTip(m_remove->toolTip());
    connect(remove, &QAction::triggered, this, [this] { Q_EMIT removeRequested(this); });
    addAction(remove);
    // A brush edit: the area of this image to change (ui/mask/maskeditor).
    m_markAction->setToolTip(tr("Paint over the part of this image to change (M)"));
    connect(m_markAction, &QAction::triggered, this, [this] { Q_EMIT markRequested(this); });
    m_mark->setText(tr("Mark…"));
    m_mark->setToolTip(m_markAction->toolTip());
    m_mark->setAccessibleName(tr("Mark area to change in %1").arg(name));
    m_mark->setStyleSheet(u"QToolButton { background: rgba(255, 255, 255, 225); border-radius: 4px;"
                          u" padding: 1px 4px; font-size: 8pt; }"_s);
    m_mark->setFocusPolicy(Qt::NoFocus); // the tile takes focus; M opens the editor
    connect(m_mark, &QToolButton::clicked, m_markAction, &QAction::trigger);
    m_mark->hide();
    m_markedBadge->setAlignment(Qt::AlignCenter);
    m_markedBadge->setStyleSheet(u"background: rgba(200, 30, 30, 210); color: white; "
                                 u"border-radius: 4px; padding: 1px 4px; font-size: 8pt;"_s);
    m_markedBadge->hide();
    setAccessibleRole(this, QAccessible::Graphic);

    connect(&m_watcher, &QFutureWatcher<QImage>::finished, this,
            [this] { showThumbnail(m_watcher.result()); });
}

void ReferenceThumb::startLoading(QThreadPool *pool)
{
    const QSize box = tileSize() * devicePixelRatioF();
    m_watcher.setFuture(runInPool(*pool, [path = m_path, box] { return decodeScaled(path, box); }));
}

void ReferenceThumb::showThumbnail(const QImage &image)
{
    m_loaded = true;
    if (image.isNull()) {
        m_image->setPixmap(QIcon(u":/icons/error.svg"_s).pixmap(24, 24));
        m_image->setToolTip(tr("This image could not be previewed."));
    } else {
        QPixmap pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        m_image->setPixmap(pixmap.scaled(m_image->size() * devicePixelRatioF(), Qt::KeepAspectRatio,
                                         Qt::SmoothTransformation));
    }
    Q_EMIT thumbnailLoaded();
}

void ReferenceThumb::setMarkable(bool markable)
{
    if (markable == actions().contains(m_markAction))
        return;
    if (markable)
        addAction(m_markAction);
    else
        removeAction(m_markAction);
    m_mark->setVisible(markable);
    setAccessibleRole(this, QAccessible::Graphic); // the actions a screen reader offers changed
}

void ReferenceThumb::setMarked(bool marked)
{
    m_marked = marked;
    m_markedBadge->setVisible(marked);
    const QString name = QFileInfo(m_path).fileName();
    setAccessibleName(marked ? tr("Reference image %1, area to change marked").arg(name)
                             : tr("Reference image %1").arg(name));
}

void ReferenceThumb::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_M && actions().contains(m_markAction)) {
        event->accept();
        m_markAction->trigger();
        return;
    }
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        event->accept();
        Q_EMIT removeRequested(this);
        return;
    }
    QFrame::keyPressEvent(event);
}

void ReferenceThumb::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    m_image->setGeometry(rect().adjusted(3, 3, -3, -3));
    m_remove->move(width() - m_remove->width() - 4, 4);
    const QSize badge = m_badge->sizeHint();
    m_badge->setGeometry((width() - badge.width()) / 2, height() - badge.height() - 6,
                         badge.width(), badge.height());
    m_mark->adjustSize();
    m_mark->move(4, 4);
    const QSize marked = m_markedBadge->sizeHint();
    m_markedBadge->setGeometry((width() - marked.width()) / 2,
                               height() - marked.height() - 6
                                   - (m_downscaled ? badge.height() + 2 : 0),
                               marked.width(), marked.height());
    m_remove->raise();
    m_mark->raise();
    m_badge->raise();
    m_markedBadge->raise();
}
