#include "gallery/galleryaccessible.h"

#include "domain/records.h"
#include "gallery/gallerygrid.h"
#include "models/gallerymodel.h"

#include <QAccessibleActionInterface>
#include <QFileInfo>

#include <limits>

using namespace Qt::StringLiterals;

namespace {
// The card's own actions, beside QAccessibleActionInterface's press, toggle and showMenu.
const QString kRegenerate = u"regenerate"_s;
const QString kEdit = u"edit"_s;
const QString kUseAsReference = u"useAsReference"_s;
const QString kHide = u"hide"_s;
} // namespace

GalleryCardItems::GalleryCardItems(GalleryGrid *grid)
    : AccessibleItems(grid)
    , m_grid(grid)
{ }

int GalleryCardItems::count() const
{
    const GalleryModel *model = m_grid->galleryModel();
    if (!model)
        return 0;
    // The whole filtered history as the database counts it, not the rows paged in so far.
    return int(qMin<qint64>(std::numeric_limits<int>::max(),
                            qMax<qint64>(model->matchCount(), model->rowCount())));
}

QModelIndex GalleryCardItems::index(int row) const
{
    GalleryModel *model = m_grid->galleryModel();
    if (!model || row < 0)
        return {};
    while (row >= model->rowCount() && model->canFetchMore({}))
        model->fetchMore({});
    return row < model->rowCount() ? model->index(row) : QModelIndex();
}

QString GalleryCardItems::name(const QModelIndex &index) const
{
    const auto status = ImageStatus(index.data(GalleryModel::StatusRole).toInt());
    const QString prompt = index.data(GalleryModel::PromptRole).toString();
    const bool favourite = index.data(GalleryModel::FavoriteRole).toBool();
    QString state;
    if (status == ImageStatus::Pending)
        state = favourite ? tr("being made, favourite") : tr("being made");
    else if (status == ImageStatus::Failed)
        state = favourite ? tr("failed, favourite") : tr("failed");
    else if (favourite)
        state = tr("favourite");
    return state.isEmpty() ? prompt : tr("%1 (%2)", "card: prompt (state)").arg(prompt, state);
}

QString GalleryCardItems::description(const QModelIndex &index) const
{
    if (index.data(GalleryModel::ImageGoneRole).toBool())
        return tr("The server no longer has this image, and there is no copy on this computer.");
    return index.data(GalleryModel::ErrorRole).toString();
}

QStringList GalleryCardItems::actionNames(const QModelIndex &index) const
{
    QStringList names{QAccessibleActionInterface::pressAction(),
                      QAccessibleActionInterface::toggleAction(), kRegenerate};
    const QString file = index.data(GalleryModel::LocalFileRole).toString();
    if (!file.isEmpty() && QFileInfo::exists(file))
        names << kEdit << kUseAsReference;
    names << kHide << QAccessibleActionInterface::showMenuAction();
    return names;
}

QString GalleryCardItems::actionText(const QString &action, const QModelIndex &index) const
{
    if (action == QAccessibleActionInterface::pressAction())
        return tr("Open");
    if (action == QAccessibleActionInterface::toggleAction())
        return index.data(GalleryModel::FavoriteRole).toBool() ? tr("Remove from favourites")
                                                               : tr("Add to favourites");
    if (action == kRegenerate)
        return tr("Regenerate");
    if (action == kEdit)
        return tr("Edit this image");
    if (action == kUseAsReference)
        return tr("Use as reference");
    if (action == kHide)
        return tr("Hide on this computer");
    return AccessibleItems::actionText(action, index);
}

QString GalleryCardItems::actionDescription(const QString &action, const QModelIndex &index) const
{
    if (action == QAccessibleActionInterface::pressAction())
        return tr("Shows this image large, with its record");
    if (action == QAccessibleActionInterface::toggleAction())
        return index.data(GalleryModel::FavoriteRole).toBool()
                   ? tr("Takes the star off this image")
                   : tr("Stars this image, so the Favourites filter finds it");
    if (action == kRegenerate)
        return tr("Fills the form with this image's prompt and settings");
    if (action == kEdit)
        return tr("Opens the Edit page with this image attached");
    if (action == kUseAsReference)
        return tr("Attaches this image as a reference for a new one");
    if (action == kHide)
        return tr("Hides this image here; it stays in your account");
    return AccessibleItems::actionDescription(action, index);
}

void GalleryCardItems::doAction(const QString &action, const QModelIndex &index)
{
    const qint64 rowId = index.data(GalleryModel::RowIdRole).toLongLong();
    if (!index.isValid() || rowId == 0)
        return;
    const QHash<QString, CardAction> actions{
        {QAccessibleActionInterface::pressAction(), CardAction::Open},
        {QAccessibleActionInterface::toggleAction(), CardAction::ToggleFavorite},
        {kRegenerate, CardAction::Regenerate},
        {kEdit, CardAction::Edit},
        {kUseAsReference, CardAction::UseAsReference},
        {kHide, CardAction::Hide}};
    if (const auto it = actions.constFind(action); it != actions.constEnd()) {
        m_grid->setCurrentIndex(index);
        Q_EMIT cardActionRequested(rowId, *it);
        return;
    }
    AccessibleItems::doAction(action, index);
}
