#include "gallery/galleryaccessible.h"

#include "domain/records.h"
#include "gallery/gallerygrid.h"
#include "models/gallerymodel.h"

#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QHash>
#include <QItemSelectionModel>
#include <QPointer>
#include <QWindow>

namespace {

// One card, by row. It holds no data of its own: every question reads the model now.
class GalleryCardAccessible final : public QAccessibleInterface
{
public:
    GalleryCardAccessible(GalleryGrid *grid, int row)
        : m_grid(grid)
        , m_row(row)
    { }

    bool isValid() const override
    {
        return m_grid && m_grid->model() && m_row < m_grid->model()->rowCount();
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_grid ? m_grid->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override
    {
        return m_grid ? QAccessible::queryAccessibleInterface(m_grid.data()) : nullptr;
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    void setText(QAccessible::Text, const QString &) override { }

    QString text(QAccessible::Text kind) const override
    {
        if (!isValid())
            return {};
        const QModelIndex index = m_grid->model()->index(m_row, 0);
        const auto status = ImageStatus(index.data(GalleryModel::StatusRole).toInt());
        const QString prompt = index.data(GalleryModel::PromptRole).toString();
        switch (kind) {
        case QAccessible::Name: {
            QString state;
            if (status == ImageStatus::Pending)
                state = QCoreApplication::translate("GalleryGrid", "being made");
            else if (status == ImageStatus::Failed)
                state = QCoreApplication::translate("GalleryGrid", "failed");
            if (index.data(GalleryModel::FavoriteRole).toBool())
                state += (state.isEmpty() ? QString() : QStringLiteral(", "))
                         + QCoreApplication::translate("GalleryGrid", "favourite");
            return state.isEmpty() ? prompt : prompt + QStringLiteral(" (") + state + u')';
        }
        case QAccessible::Description:
            return index.data(GalleryModel::ErrorRole).toString();
        default:
            return {};
        }
    }

    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect cell = m_grid->visualRect(m_grid->model()->index(m_row, 0));
        return QRect(m_grid->viewport()->mapToGlobal(cell.topLeft()), cell.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        const QModelIndex index = m_grid->model()->index(m_row, 0);
        s.selectable = true;
        s.focusable = true;
        s.multiSelectable = true;
        s.extSelectable = true;
        s.selected = m_grid->selectionModel() && m_grid->selectionModel()->isSelected(index);
        s.focused = m_grid->hasFocus() && m_grid->currentIndex() == index;
        const QRect cell = m_grid->visualRect(index);
        s.offscreen = !cell.intersects(m_grid->viewport()->rect());
        s.invisible = s.offscreen;
        return s;
    }

    int row() const { return m_row; }

private:
    QPointer<GalleryGrid> m_grid;
    int m_row;
};

// The grid as a list whose children are its cards (not its scroll bars).
class GalleryGridAccessible final : public QAccessibleWidget
{
public:
    explicit GalleryGridAccessible(GalleryGrid *grid)
        : QAccessibleWidget(grid, QAccessible::List)
    { }
    ~GalleryGridAccessible() override
    {
        for (const QAccessible::Id id : std::as_const(m_cards))
            QAccessible::deleteAccessibleInterface(id);
    }

    int childCount() const override
    {
        const auto *model = grid()->model();
        return model ? model->rowCount() : 0;
    }

    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        if (const auto it = m_cards.constFind(index); it != m_cards.constEnd())
            return QAccessible::accessibleInterface(*it);
        auto *card = new GalleryCardAccessible(grid(), index);
        m_cards.insert(index, QAccessible::registerAccessibleInterface(card));
        return card;
    }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (!child || child->role() != QAccessible::ListItem || child->parent() != this)
            return -1;
        return static_cast<const GalleryCardAccessible *>(child)->row();
    }

    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPoint local = grid()->viewport()->mapFromGlobal(QPoint(x, y));
        const QModelIndex index = grid()->indexAt(local);
        return index.isValid() ? child(index.row()) : nullptr;
    }

private:
    GalleryGrid *grid() const { return static_cast<GalleryGrid *>(widget()); }

    // Interfaces are owned by QAccessible's cache once registered; these are their ids.
    mutable QHash<int, QAccessible::Id> m_cards;
};

QAccessibleInterface *galleryFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String(GalleryGrid::staticMetaObject.className()))
        if (auto *grid = qobject_cast<GalleryGrid *>(object))
            return new GalleryGridAccessible(grid);
    return nullptr;
}

} // namespace

void installGalleryAccessibility()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    QAccessible::installFactory(galleryFactory);
}
