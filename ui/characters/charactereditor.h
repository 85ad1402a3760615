#pragma once

#include <QDialog>

class Banner;
class QDialogButtonBox;
class QLineEdit;
class QListWidget;
class QPushButton;

// "New character": a name and 3 to 5 images picked from disk.
class CharacterEditor final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int minImages = 3;
    static constexpr int maxImages = 5;

    explicit CharacterEditor(QWidget *parent = nullptr);

    QString name() const;
    QStringList imagePaths() const { return m_paths; }
    // Adds images (tests call it directly; the button opens a file dialog); the refused ones
    // are explained in the banner.
    void addImages(const QStringList &paths);
    QString problem() const; // why OK is disabled; empty when it is enabled

    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *okButton() const;

private:
    void chooseImages();
    void removeSelected();
    void refresh();

    QStringList m_paths;
    Banner *m_banner;
    QLineEdit *m_name;
    QListWidget *m_images;
    QPushButton *m_add;
    QPushButton *m_remove;
    QDialogButtonBox *m_buttons;
};
