#pragma once

#include <QListView>

// The jobs list. Qt's list view tells a screen reader that the new current item has the
// focus even when the list has none (a job selected for the user, while they type a prompt),
// so a reader would jump there; this one says so only while the list has the keyboard.
class JobListView final : public QListView
{
    Q_OBJECT
public:
    using QListView::QListView;

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override
    {
        if (hasFocus())
            QListView::currentChanged(current, previous);
        else // Skipping QListView's announcement of the focus is the point.
            // NOLINTNEXTLINE(bugprone-parent-virtual-call)
            QAbstractItemView::currentChanged(current, previous);
    }
};
