#include "common/accessibleitems.h"

#include <QAbstractItemView>
#include <QAccessibleActionInterface>
#include <QAccessibleWidget>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QHash>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QPointer>
#include <QWindow>

namespace {

AccessibleItems *itemsOf(QObject *object)
{
    return object ? object->findChild<AccessibleItems *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

// One item, by row. It holds no data of its own: every question asks the view's items now.
class ItemAccessible final : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    ItemAccessible(AccessibleItems *items, int row)
        : m_items(items)
        , m_row(row)
    { }

    bool isValid() const override { return m_items && m_row < m_items->count(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override
    {
        return m_items ? m_items->view()->window()->windowHandle() : nullptr;
    }
    QAccessibleInterface *parent() const override
    {
        return m_items ? QAccessible::queryAccessibleInterface(m_items->view()) : nullptr;
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
        const QModelIndex index = m_items->index(m_row);
        switch (kind) {
        case QAccessible::Name:
            return m_items->name(index);
        case QAccessible::Description:
            return m_items->description(index);
        default:
            return {};
        }
    }

    QRect rect() const override
    {
        if (!isValid())
            return {};
        QAbstractItemView *view = m_items->view();
        const QRect cell = view->visualRect(m_items->index(m_row));
        return QRect(view->viewport()->mapToGlobal(cell.topLeft()), cell.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        QAbstractItemView *view = m_items->view();
        // A row not paged in yet is far off screen; asking its state does not page it in.
        const QModelIndex index = view->model()->index(m_row, 0, view->rootIndex());
        s.selectable = view->selectionMode() != QAbstractItemView::NoSelection;
        s.focusable = true;
        s.multiSelectable = view->selectionMode() == QAbstractItemView::MultiSelection
                            || view->selectionMode() == QAbstractItemView::ExtendedSelection;
        s.extSelectable = view->selectionMode() == QAbstractItemView::ExtendedSelection;
        s.selected = view->selectionModel() && view->selectionModel()->isSelected(index);
        s.focused = view->hasFocus() && view->currentIndex() == index;
        const QRect cell = view->visualRect(index);
        s.offscreen = !cell.intersects(view->viewport()->rect());
        s.invisible = s.offscreen;
        return s;
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface
                   ? static_cast<QAccessibleActionInterface *>(this)
                   : nullptr;
    }

    QStringList actionNames() const override
    {
        return isValid() ? m_items->actionNames(m_items->index(m_row)) : QStringList();
    }
    QString localizedActionName(const QString &action) const override
    {
        return isValid() ? m_items->actionText(action, m_items->index(m_row)) : QString();
    }
    QString localizedActionDescription(const QString &action) const override
    {
        return isValid() ? m_items->actionDescription(action, m_items->index(m_row)) : QString();
    }
    void doAction(const QString &action) override
    {
        if (isValid())
            m_items->doAction(action, m_items->index(m_row));
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

    int row() const { return m_row; }

private:
    QPointer<AccessibleItems> m_items;
    int m_row;
};

// The view as a list whose children are its items (not its scroll bars). Focused only while
// no item is current: then the current item is the one focused object.
class ListAccessible final : public QAccessibleWidget
{
public:
    ListAccessible(QAbstractItemView *view, AccessibleItems *items)
        : QAccessibleWidget(view, QAccessible::List)
        , m_items(items)
    { }
    ~ListAccessible() override
    {
        for (const QAccessible::Id id : std::as_const(m_children))
            QAccessible::deleteAccessibleInterface(id);
    }

    int childCount() const override { return m_items ? m_items->count() : 0; }

    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        if (const auto it = m_children.constFind(index); it != m_children.constEnd())
            return QAccessible::accessibleInterface(*it);
        auto *item = new ItemAccessible(m_items, index);
        m_children.insert(index, QAccessible::registerAccessibleInterface(item));
        return item;
    }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (!child || child->role() != QAccessible::ListItem || child->parent() != this)
            return -1;
        return static_cast<const ItemAccessible *>(child)->row();
    }

    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPoint local = view()->viewport()->mapFromGlobal(QPoint(x, y));
        const QModelIndex index = view()->indexAt(local);
        return index.isValid() ? child(index.row()) : nullptr;
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        if (s.focused && view()->currentIndex().isValid())
            s.focused = false; // the current item says it
        return s;
    }

private:
    QAbstractItemView *view() const { return static_cast<QAbstractItemView *>(widget()); }

    QPointer<AccessibleItems> m_items;
    // Interfaces are owned by QAccessible's cache once registered; these are their ids.
    mutable QHash<int, QAccessible::Id> m_children;
};

QAccessibleInterface *itemsFactory(const QString &, QObject *object)
{
    auto *view = qobject_cast<QAbstractItemView *>(object);
    if (AccessibleItems *items = view ? itemsOf(view) : nullptr)
        return new ListAccessible(view, items);
    return nullptr;
}

} // namespace

AccessibleItems::AccessibleItems(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    static const bool installed = [] {
        QAccessible::installFactory(itemsFactory);
        return true;
    }();
    Q_UNUSED(installed);
    view->installEventFilter(this);
    // A reader may have asked about the view before this existed (Qt caches one interface per
    // object): drop that one, so the next question reaches the factory above.
    QAccessibleInterface *cached = QAccessible::queryAccessibleInterface(view);
    if (cached && !dynamic_cast<ListAccessible *>(cached)) {
        QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(cached));
        QAccessible::queryAccessibleInterface(view);
    }
}

int AccessibleItems::count() const
{
    return m_view->model() ? m_view->model()->rowCount(m_view->rootIndex()) : 0;
}

QModelIndex AccessibleItems::index(int row) const
{
    return m_view->model() ? m_view->model()->index(row, 0, m_view->rootIndex()) : QModelIndex();
}

QString AccessibleItems::name(const QModelIndex &index) const
{
    const QString text = index.data(Qt::AccessibleTextRole).toString();
    return text.isEmpty() ? index.data(Qt::DisplayRole).toString() : text;
}

QString AccessibleItems::description(const QModelIndex &index) const
{
    return index.data(Qt::AccessibleDescriptionRole).toString();
}

QStringList AccessibleItems::actionNames(const QModelIndex &) const
{
    return {QAccessibleActionInterface::pressAction(),
            QAccessibleActionInterface::showMenuAction()};
}

QString AccessibleItems::actionText(const QString &action, const QModelIndex &) const
{
    if (action == QAccessibleActionInterface::pressAction())
        return m_pressText.isEmpty() ? tr("Open") : m_pressText;
    if (action == QAccessibleActionInterface::showMenuAction())
        return tr("Show menu");
    return action;
}

QString AccessibleItems::actionDescription(const QString &action, const QModelIndex &) const
{
    if (action == QAccessibleActionInterface::pressAction())
        return m_pressDescription.isEmpty() ? tr("Opens this item") : m_pressDescription;
    if (action == QAccessibleActionInterface::showMenuAction())
        return tr("Shows the actions for this item");
    return {};
}

void AccessibleItems::doAction(const QString &action, const QModelIndex &index)
{
    if (action == QAccessibleActionInterface::pressAction()) {
        m_view->setCurrentIndex(index);
        Q_EMIT m_view->activated(index);
    } else if (action == QAccessibleActionInterface::showMenuAction()) {
        // A reader's request must not wait for the menu to close: open it from the event loop.
        QMetaObject::invokeMethod(
            this, [this, index = QPersistentModelIndex(index)] { openContextMenu(index); },
            Qt::QueuedConnection);
    }
}

void AccessibleItems::setPressText(const QString &text, const QString &description)
{
    m_pressText = text;
    m_pressDescription = description;
}

void AccessibleItems::openContextMenu(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (m_view->selectionModel() && !m_view->selectionModel()->isSelected(index))
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(index);
    const QPoint pos = m_view->visualRect(index).center();
    QContextMenuEvent event(QContextMenuEvent::Keyboard, pos, m_view->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(m_view->viewport(), &event);
}

bool AccessibleItems::isContextMenuKey(const QKeyEvent *event)
{
    const auto mods = event->modifiers() & ~Qt::KeypadModifier;
    return (event->key() == Qt::Key_Menu && mods == Qt::NoModifier)
           || (event->key() == Qt::Key_F10 && mods == Qt::ShiftModifier);
}

void AccessibleItems::announceChanged(int row, bool alert) const
{
    if (!QAccessible::isActive() || row < 0)
        return;
    QAccessibleEvent changed(m_view, QAccessible::NameChanged);
    changed.setChild(row);
    QAccessible::updateAccessibility(&changed);
    if (alert) {
        QAccessibleEvent urgent(m_view, QAccessible::Alert);
        urgent.setChild(row);
        QAccessible::updateAccessibility(&urgent);
    }
}

bool AccessibleItems::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && isContextMenuKey(static_cast<QKeyEvent *>(event))) {
        QModelIndex current = m_view->currentIndex();
        if (!current.isValid() && count() > 0)
            current = index(0);
        openContextMenu(current);
        return true;
    }
    return QObject::eventFilter(watched, event);
}
