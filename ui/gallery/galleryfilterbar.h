#pragma once

#include "history/historyquery.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

// Search as you type (debounced), status, type, favourites and order, and the count of
// matches. It edits the filter part of a HistoryQuery; the page adds the account.
class GalleryFilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit GalleryFilterBar(QWidget *parent = nullptr);

    // The filters as a query (account, paging left empty).
    HistoryQuery query() const;
    bool hasFilters() const;
    void setMatchCount(qint64 count);
    QString countText() const;
    void focusSearch();

    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusBox() const { return m_status; }
    QComboBox *typeBox() const { return m_type; }
    QComboBox *orderBox() const { return m_order; }
    QToolButton *favoritesButton() const { return m_favorites; }
    QToolButton *exportButton() const { return m_export; }
    QToolButton *compareButton() const { return m_compare; }

Q_SIGNALS:
    void queryChanged(); // at once for the choices, after a pause for typing
    void exportRequested();
    void compareRequested();

private:
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_order = nullptr;
    QToolButton *m_favorites = nullptr;
    QToolButton *m_export = nullptr;
    QToolButton *m_compare = nullptr;
    QLabel *m_count = nullptr;
    QTimer m_typing;
};
