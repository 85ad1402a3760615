#pragma once

#include "common/accessibleitems.h"

class JobDelegate;
class JobsPanel;

// Screen-reader access to the jobs list: each job named by its prompt, state and elapsed time
// as the row shows them, its message (an error, why it waits) as the description, and the
// panel's actions on it: open in the gallery (the default), cancel, retry, and the menu.
class JobItems final : public AccessibleItems
{
    Q_OBJECT
public:
    JobItems(QAbstractItemView *view, JobsPanel *panel, const JobDelegate &delegate);

    QString name(const QModelIndex &index) const override;
    QString description(const QModelIndex &index) const override;
    QStringList actionNames(const QModelIndex &index) const override;
    QString actionText(const QString &action, const QModelIndex &index) const override;
    QString actionDescription(const QString &action, const QModelIndex &index) const override;
    void doAction(const QString &action, const QModelIndex &index) override;

private:
    JobsPanel *m_panel;
    const JobDelegate &m_delegate;
};
