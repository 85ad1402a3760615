#include "gallery/gallerygridmenu.h"

#include "history/historyrecord.h"

#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>

#include <algorithm>

namespace GalleryGridMenu {

namespace {

QAction *add(QMenu *menu, const QString &text, const std::function<void()> &handler,
             const QKeySequence &key = {})
{
    // The key is a hint in the menu's shortcut column (after the tab), not a real shortcut:
    // the grid handles these keys itself, and a real Return shortcut would steal the menu's.
    const QString label =
        key.isEmpty() ? text : text + u'\t' + key.toString(QKeySequence::NativeText);
    auto *action = menu->addAction(label);
    if (handler)
        QObject::connect(action, &QAction::triggered, menu, handler);
    else
        action->setEnabled(false);
    return action;
}

} // namespace

QMenu *create(const QList<HistoryRecord> &records, const Handlers &handlers, QWidget *parent)
{
    if (records.isEmpty())
        return nullptr;
    auto *menu = new QMenu(parent);
    const int n = int(records.size());
    const bool one = n == 1;
    const auto &first = records.first();
    const bool allStarred =
        std::all_of(records.begin(), records.end(), [](const auto &r) { return r.favorite; });
    const bool hasFile = one && !first.localFile.isEmpty() && QFileInfo::exists(first.localFile);

    if (one) {
        add(menu, QObject::tr("&Open"), handlers.open, QKeySequence(Qt::Key_Return));
        menu->addSeparator();
    }
    if (n == 2) {
        add(menu, QObject::tr("&Compare"), handlers.compare, QKeySequence(Qt::Key_C));
        menu->addSeparator();
    }
    // A count of one reads without its number in English ("Add to favourites", "Export with
    // its record…"): the singulars come from studio_en.ts.
    const QString favourite = allStarred ? QObject::tr("Remove %n from &favourites", nullptr, n)
                                         : QObject::tr("Add %n to &favourites", nullptr, n);
    add(menu, favourite, handlers.toggleFavorite, QKeySequence(Qt::Key_F));
    if (one) {
        add(menu, QObject::tr("&Regenerate"), handlers.regenerate);
        add(menu, QObject::tr("&Save as…"), hasFile ? handlers.saveAs : std::function<void()>());
    }
    add(menu, QObject::tr("&Export %n images…", nullptr, n), handlers.exportImages);
    menu->addSeparator();
    add(menu, QObject::tr("&Hide %n on this computer", nullptr, n), handlers.hide,
        QKeySequence(Qt::Key_Delete));
    return menu;
}

} // namespace GalleryGridMenu
