#pragma once

#include <QModelIndex>
#include <QObject>
#include <QStringList>

class QAbstractItemView;
class QKeyEvent;

// What a screen reader learns about the items of one list view: how many there are, their
// names, descriptions and actions. Qt's own reading of a list names an item by its text, offers
// no actions, counts only the rows loaded and calls the list and its current item focused at
// once. A view that needs more gets a subclass of this as a child; the view is then read
// through it (one list, one item per row, one focused object). It also opens the view's
// context menu from the keyboard (Menu key, Shift+F10) at the current item.
class AccessibleItems : public QObject
{
    Q_OBJECT
public:
    explicit AccessibleItems(QAbstractItemView *view);

    QAbstractItemView *view() const { return m_view; }

    // How many items a reader hears of; the model's rows unless the view knows of more.
    virtual int count() const;
    // The row's index, paging it in when the model has not loaded it yet; invalid past count.
    virtual QModelIndex index(int row) const;
    virtual QString name(const QModelIndex &index) const;
    virtual QString description(const QModelIndex &index) const;
    // Identifiers: QAccessibleActionInterface's standard names or the view's own.
    virtual QStringList actionNames(const QModelIndex &index) const;
    virtual QString actionText(const QString &action, const QModelIndex &index) const;
    virtual QString actionDescription(const QString &action, const QModelIndex &index) const;
    // pressAction() activates the row, showMenuAction() opens its context menu.
    virtual void doAction(const QString &action, const QModelIndex &index);

    // What the default action (activating a row) does, in words; "Open" unless told.
    void setPressText(const QString &text, const QString &description);

    // Makes the row current and opens the view's context menu at it, as a right-click would.
    void openContextMenu(const QModelIndex &index);
    static bool isContextMenuKey(const QKeyEvent *event);

    // Tells a screen reader that the row's name changed; with `alert`, also that it needs
    // attention now (a failure), without the user moving the focus.
    void announceChanged(int row, bool alert = false) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    QString m_pressText;
    QString m_pressDescription;
};
