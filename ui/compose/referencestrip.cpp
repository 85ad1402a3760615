#include "compose/referencestrip.h"

#include "common/flowlayout.h"
#include "common/taborder.h"
#include "common/uiresources.h"
#include "compose/composelog.h"
#include "compose/referencefile.h"
#include "compose/referencethumb.h"
#include "threading/pool.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QIcon>
#include <QLabel>
#include <QMimeData>
#include <QShortcut>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ReferenceStrip::ReferenceStrip(QWidget *parent)
    : QFrame(parent)
    , m_flow(nullptr)
    , m_addTile(new QToolButton(this))
    , m_hint(new QLabel(this))
    , m_counter(new QLabel(this))
    , m_error(new QLabel(this))
{
    initUiResources();
    setObjectName(u"referenceStrip"_s);
    setAcceptDrops(true);
    setAccessibleName(tr("Reference images"));
    setDropHighlight(false);
    m_pool.setMaxThreadCount(2);

    m_addTile->setText(tr("Add images…"));
    m_addTile->setIcon(QIcon(u":/icons/add.svg"_s));
    m_addTile->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_addTile->setIconSize({24, 24});
    m_addTile->setFixedSize(ReferenceThumb::tileSize());
    // The padding centres icon and text as a pair; Fusion pins the icon to the top.
    m_addTile->setStyleSheet(u"QToolButton { border: 1px dashed palette(mid); border-radius: 6px;"
                             u" background: palette(base); padding-top: 28px; }"
                             u" QToolButton:hover { border-color: palette(highlight); }"
                             u" QToolButton:focus { border: 2px solid palette(highlight); }"
                             u" QToolButton:disabled { color: palette(mid); }"_s);
    m_addTile->setAccessibleName(tr("Add images"));
    m_addTile->setToolTip(tr("Choose image files (or drop them here, or paste with Ctrl+V)"));
    connect(m_addTile, &QToolButton::clicked, this, &ReferenceStrip::chooseFiles);

    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_counter->setForegroundRole(QPalette::PlaceholderText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->setAccessibleName(tr("Reference image problem"));
    m_error->hide();

    auto *tiles = new QWidget(this);
    m_flow = new FlowLayout(tiles, 8);
    m_flow->addWidget(m_addTile);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_hint, 1);
    footer->addWidget(m_counter, 0, Qt::AlignRight | Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(tiles);
    layout->addLayout(footer);
    layout->addWidget(m_error);

    auto *paste =
        new QShortcut(QKeySequence::Paste, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(paste, &QShortcut::activated, this, &ReferenceStrip::pasteFromClipboard);
    setEmptyHint(tr("Drop images here, paste one with Ctrl+V, or use Add images…"));
    refreshState();
}

ReferenceStrip::~ReferenceStrip()
{
    m_pool.waitForDone(); // decodes and pasted-image writes finish before the thumbnails go
}

void ReferenceStrip::setMaxCount(int max)
{
    m_max = qMax(1, max);
    refreshState();
}

void ReferenceStrip::setPasteFolder(const QString &folder)
{
    m_pasteFolder = folder;
}

QString ReferenceStrip::pasteFolder() const
{
    if (!m_pasteFolder.isEmpty())
        return m_pasteFolder;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
        .filePath(u"nanobanana-pasted"_s);
}

void ReferenceStrip::setEmptyHint(const QString &hint)
{
    m_hint->setText(hint);
}

QStringList ReferenceStrip::paths() const
{
    QStringList result;
    for (const ReferenceThumb *thumb : m_thumbs)
        result << thumb->path();
    return result;
}

QString ReferenceStrip::limitSentence() const
{
    // English: "You can attach one image; remove it to add another." (studio_en.ts).
    return tr("You can attach up to %n images; remove one to add another.", nullptr, m_max);
}

bool ReferenceStrip::addPath(const QString &path)
{
    ReferenceFile file = inspectReferenceFile(path, paths());
    if (file.refusal.isEmpty() && count() + m_pendingPastes >= m_max)
        file.refusal = limitSentence();
    if (!file.refusal.isEmpty()) {
        qCDebug(lcCompose) << "refused reference" << path << file.refusal;
        showErrors({file.refusal});
        return false;
    }
    auto *thumb = new ReferenceThumb(file, this);
    connect(thumb, &ReferenceThumb::removeRequested, this, &ReferenceStrip::removeThumb);
    connect(thumb, &ReferenceThumb::markRequested, this,
            [this](ReferenceThumb *t) { Q_EMIT markRequested(t->path()); });
    thumb->setMarkable(m_markable);
    thumb->setMarked(!m_markedPath.isEmpty() && thumb->path() == m_markedPath);
    placeInTabOrderAfter(thumb, m_thumbs.isEmpty() ? m_addTile->previousInFocusChain()
                                                   : m_thumbs.constLast());
    m_thumbs.append(thumb);
    // Keep the add tile last.
    m_flow->removeWidget(m_addTile);
    m_flow->addWidget(thumb);
    m_flow->addWidget(m_addTile);
    thumb->show();
    thumb->startLoading(&m_pool);
    clearError();
    refreshState();
    Q_EMIT pathsChanged(paths());
    return true;
}

void ReferenceStrip::setPaths(const QStringList &newPaths)
{
    clear();
    QStringList problems;
    for (const QString &path : newPaths) {
        if (!addPath(path))
            problems << errorText();
    }
    if (!problems.isEmpty())
        showErrors(problems);
}

void ReferenceStrip::setMarkable(bool markable)
{
    m_markable = markable;
    for (auto *thumb : std::as_const(m_thumbs))
        thumb->setMarkable(markable);
}

void ReferenceStrip::setMarkedPath(const QString &path)
{
    m_markedPath = path;
    for (auto *thumb : std::as_const(m_thumbs))
        thumb->setMarked(!path.isEmpty() && thumb->path() == path);
}

void ReferenceStrip::removeAt(int index)
{
    if (index >= 0 && index < m_thumbs.size())
        removeThumb(m_thumbs.at(index));
}

void ReferenceStrip::removeThumb(ReferenceThumb *thumb)
{
    const int index = int(m_thumbs.indexOf(thumb));
    if (index < 0)
        return;
    const bool hadFocus = thumb->hasFocus();
    m_thumbs.removeAt(index);
    m_flow->removeWidget(thumb);
    thumb->hide();
    thumb->deleteLater(); // it may be the sender of the click being handled
    if (hadFocus) {
        QWidget *next = m_thumbs.isEmpty() ? static_cast<QWidget *>(m_addTile)
                                           : m_thumbs.at(qMin(index, int(m_thumbs.size()) - 1));
        next->setFocus(Qt::OtherFocusReason);
    }
    clearError();
    refreshState();
    Q_EMIT pathsChanged(paths());
}

void ReferenceStrip::clear()
{
    if (m_thumbs.isEmpty())
        return;
    const QList<ReferenceThumb *> thumbs = m_thumbs;
    m_thumbs.clear();
    for (ReferenceThumb *thumb : thumbs) {
        m_flow->removeWidget(thumb);
        thumb->hide();
        thumb->deleteLater();
    }
    clearError();
    refreshState();
    Q_EMIT pathsChanged({});
}

void ReferenceStrip::addFromMimeData(const QMimeData *mime)
{
    if (!mime) {
        showErrors({tr("There is nothing to paste.")});
        return;
    }
    QStringList files;
    QStringList remote;
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        for (const QUrl &url : urls)
            (url.isLocalFile() ? files : remote)
                << (url.isLocalFile() ? url.toLocalFile() : url.toDisplayString());
    }
    if (!files.isEmpty()) {
        QStringList problems;
        for (const QString &file : std::as_const(files))
            if (!addPath(file))
                problems << errorText();
        problems.removeDuplicates();
        if (!problems.isEmpty())
            showErrors(problems);
        return;
    }
    if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (image.isNull())
            showErrors({tr("The pasted image could not be read.")});
        else
            savePastedImage(image);
        return;
    }
    if (!remote.isEmpty()) {
        showErrors({tr("Only files on this computer can be attached; save %1 first.")
                        .arg(remote.constFirst())});
        return;
    }
    showErrors({tr("There is no image or image file to paste.")});
}

void ReferenceStrip::savePastedImage(const QImage &image)
{
    if (count() + m_pendingPastes >= m_max) {
        showErrors({limitSentence()});
        return;
    }
    const QString folder = pasteFolder();
    if (!QDir().mkpath(folder)) {
        showErrors({tr("The pasted image could not be saved: %1 cannot be created.").arg(folder)});
        return;
    }
    const QString path = QDir(folder).filePath(
        u"pasted-%1-%2.png"_s
            .arg(QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s))
            .arg(++m_pasteCounter));
    ++m_pendingPastes;
    // PNG encoding of a large screenshot takes a while: never on the UI thread.
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        --m_pendingPastes;
        if (watcher->result())
            addPath(path);
        else
            showErrors({tr("The pasted image could not be saved to %1.").arg(path)});
    });
    watcher->setFuture(runInPool(m_pool, [image, path] { return image.save(path, "PNG"); }));
}

void ReferenceStrip::pasteFromClipboard()
{
    addFromMimeData(QApplication::clipboard()->mimeData());
}

void ReferenceStrip::chooseFiles()
{
    // Non-blocking: the dialog is window-modal and answers through a callback.
    auto *dialog = new QFileDialog(window(), tr("Add reference images"), QString(),
                                   referenceImageFilter() + u";;"_s + tr("All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        QStringList problems;
        for (const QString &file : files)
            if (!addPath(file))
                problems << errorText();
        problems.removeDuplicates();
        if (!problems.isEmpty())
            showErrors(problems);
    });
    dialog->open();
}

QString ReferenceStrip::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ReferenceStrip::clearError()
{
    m_error->clear();
    m_error->hide();
}

void ReferenceStrip::showErrors(const QStringList &messages)
{
    m_error->setText(messages.join(u'\n'));
    m_error->setVisible(!messages.isEmpty());
}

void ReferenceStrip::refreshState()
{
    m_hint->setVisible(m_thumbs.isEmpty());
    m_counter->setText(tr("%1 of %2").arg(count()).arg(m_max));
    m_counter->setAccessibleName(tr("%1 of %2 images attached").arg(count()).arg(m_max));
    m_addTile->setEnabled(count() < m_max);
}

void ReferenceStrip::setDropHighlight(bool on)
{
    setStyleSheet(on ? u"QFrame#referenceStrip { border: 2px dashed palette(highlight);"
                       u" border-radius: 8px; background: palette(alternate-base); }"_s
                     : u"QFrame#referenceStrip { border: 1px dashed palette(mid);"
                       u" border-radius: 8px; }"_s);
}

namespace {
// Remote urls are accepted too, so the drop can explain why they are not attached.
bool acceptable(const QMimeData *data)
{
    return data && (data->hasImage() || data->hasUrls());
}
} // namespace

void ReferenceStrip::dragEnterEvent(QDragEnterEvent *event)
{
    if (acceptable(event->mimeData())) {
        event->acceptProposedAction();
        setDropHighlight(true);
    }
}

void ReferenceStrip::dragMoveEvent(QDragMoveEvent *event)
{
    if (acceptable(event->mimeData()))
        event->acceptProposedAction();
}

void ReferenceStrip::dragLeaveEvent(QDragLeaveEvent *)
{
    setDropHighlight(false);
}

void ReferenceStrip::dropEvent(QDropEvent *event)
{
    setDropHighlight(false);
    if (!acceptable(event->mimeData()))
        return;
    event->acceptProposedAction();
    addFromMimeData(event->mimeData());
}
