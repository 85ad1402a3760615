#pragma once

#include "common/accessibleitems.h"

class GalleryGrid;

// Screen-reader access to the gallery grid: one list item per image of the whole filtered
// history (rows not yet paged in are read in when a reader reaches them), named by prompt and
// state, with the actions of the card's menu: open (the default), favourite, regenerate,
// edit, use as reference, hide, and the menu itself.
class GalleryCardItems final : public AccessibleItems
{
    Q_OBJECT
public:
    enum class CardAction { Open, ToggleFavorite, Regenerate, Edit, UseAsReference, Hide };
    Q_ENUM(CardAction)

    explicit GalleryCardItems(GalleryGrid *grid);

    int count() const override;
    QModelIndex index(int row) const override;
    QString name(const QModelIndex &index) const override;
    QString description(const QModelIndex &index) const override;
    QStringList actionNames(const QModelIndex &index) const override;
    QString actionText(const QString &action, const QModelIndex &index) const override;
    QString actionDescription(const QString &action, const QModelIndex &index) const override;
    void doAction(const QString &action, const QModelIndex &index) override;

Q_SIGNALS:
    void cardActionRequested(qint64 rowId, GalleryCardItems::CardAction action);

private:
    GalleryGrid *m_grid;
};
