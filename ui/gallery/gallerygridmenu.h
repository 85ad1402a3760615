#pragma once

#include <QList>

#include <functional>

class QMenu;
class QWidget;
struct HistoryRecord;

// Builds the gallery grid's right-click menu for the chosen records: the multi-select actions
// (favourite, export, hide) always, the one-image actions (open, regenerate, save as) when a
// single record is chosen, and Compare when two are. It only builds; the page says what each action
// does.
namespace GalleryGridMenu {

struct Handlers
{
    std::function<void()> open;
    std::function<void()> toggleFavorite;
    std::function<void()> regenerate;
    std::function<void()> saveAs;
    std::function<void()> exportImages;
    std::function<void()> hide;
    std::function<void()> compare;
};

// The caller owns the menu; nullptr when no record is chosen.
QMenu *create(const QList<HistoryRecord> &records, const Handlers &handlers, QWidget *parent);

} // namespace GalleryGridMenu
