#pragma once

#include "domain/records.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class StyleCatalogue;
class StyleThumbnails;

// "Styles…": the backend's style catalogue as a grid of pictures with a category filter and a
// search box, browsable offline from the profile's copy. Accepting it names the chosen style.
class StylePicker final : public QDialog
{
    Q_OBJECT
public:
    StylePicker(StyleCatalogue &catalogue, StyleThumbnails *thumbnails, QWidget *parent = nullptr);

    StyleTemplate chosen() const;
    // Marks the style in use (when it is listed).
    void setCurrentStyle(const QString &styleId);

    QListWidget *grid() const { return m_grid; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *categoryFilter() const { return m_category; }
    QString statusText() const;

private:
    void fillCategories();
    void fillGrid();
    void showStatus();
    void onThumbnail(const QString &styleId, const QImage &image);

    StyleCatalogue &m_catalogue;
    StyleThumbnails *m_thumbnails;
    QLineEdit *m_search;
    QComboBox *m_category;
    QListWidget *m_grid;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_choose;
    QString m_current;
    QString m_failure; // the last refresh's failure, while it is the latest word
};
