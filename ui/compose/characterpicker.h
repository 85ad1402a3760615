#pragma once

#include "domain/records.h"

#include <QHash>
#include <QWidget>

class FlowLayout;
class QLabel;
class QToolButton;

// The user's characters as selectable chips with thumbnails, up to a maximum. Thumbnails are
// provided from outside: thumbnailWanted asks, setCharacterThumbnail answers.
class CharacterPicker final : public QWidget
{
    Q_OBJECT
public:
    explicit CharacterPicker(QWidget *parent = nullptr);

    void setCharacters(const QList<Character> &characters);
    QList<Character> characters() const { return m_characters; }
    void setMaxSelection(int max);
    int maxSelection() const { return m_max; }

    QStringList selectedIds() const;
    // Ids not (yet) among the characters are kept and applied when they arrive.
    void setSelectedIds(const QStringList &ids);
    // Every image URL of the selected characters, in their order.
    QStringList selectedImageUrls() const;
    QString hintText() const;
    QToolButton *chip(const QString &id) const { return m_chips.value(id); }

public Q_SLOTS:
    void setCharacterThumbnail(const QString &id, const QImage &image);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void thumbnailWanted(const QString &id, const QString &url);
    void selectionChanged(const QStringList &ids);

private:
    void chipToggled(const QString &id, bool checked);
    // The chip's menu, from a right-click or the keyboard (Menu key, Shift+F10).
    void showChipMenu(QToolButton *chip, const QPoint &pos);
    void refreshHint(bool refused = false);

    int m_max = 2;
    QList<Character> m_characters;
    QStringList m_selected; // in the order chosen
    QHash<QString, QToolButton *> m_chips;
    FlowLayout *m_flow;
    QLabel *m_empty;
    QLabel *m_hint;
};
