#pragma once

#include "domain/records.h"

#include <QWidget>

Q_MOC_INCLUDE("compose/stylepicker.h")

class PromptSuggestions;
class QLabel;
class QMenu;
class QPushButton;
class QToolButton;
class RecentPrompts;
class StyleCatalogue;
class StylePicker;
class StyleThumbnails;

// The row under the prompt: "Recent prompts" (the last prompts sent, whatever became of their
// images), "Styles…" (the style catalogue) and, once a style is chosen, the removable chip
// "Style: <name>" whose id goes with the request as templateId.
class PromptTools final : public QWidget
{
    Q_OBJECT
public:
    explicit PromptTools(QWidget *parent = nullptr);

    // Null services hide their button. `suggestions` names the account (its account()).
    void setServices(RecentPrompts *recent, PromptSuggestions *suggestions, StyleCatalogue *styles,
                     StyleThumbnails *thumbnails);

    QString styleId() const { return m_style.id; }
    StyleTemplate style() const { return m_style; }
    // Shows the chip of this style (found in the catalogue; unknown ids keep their id as the
    // name); an empty id removes it. Emits nothing.
    void setStyleId(const QString &styleId);

    // `prompt` with `oldStylePrompt` taken out (where it was added) and `newStylePrompt` added
    // after a comma; an empty prompt becomes the style's own.
    static QString withStyle(const QString &prompt, const QString &oldStylePrompt,
                             const QString &newStylePrompt);

    QToolButton *recentButton() const { return m_recent; }
    QMenu *recentMenu() const { return m_recentMenu; }
    QPushButton *stylesButton() const { return m_styles; }
    QLabel *styleChip() const { return m_chipLabel; }
    QToolButton *removeStyleButton() const { return m_chipRemove; }

public Q_SLOTS:
    void openStylePicker();

Q_SIGNALS:
    void recentPromptChosen(const QString &prompt);
    // The chip changed by the user: from `previous` (maybe none) to `now` (maybe none).
    void styleChanged(const StyleTemplate &previous, const StyleTemplate &now);
    // The picker opened (tests and screenshots reach it here).
    void stylePickerOpened(StylePicker *picker);

private:
    void fillRecentMenu();
    void showChip();

    RecentPrompts *m_recentSource = nullptr;
    PromptSuggestions *m_account = nullptr;
    StyleCatalogue *m_catalogue = nullptr;
    StyleThumbnails *m_thumbnails = nullptr;
    StyleTemplate m_style;
    QToolButton *m_recent;
    QMenu *m_recentMenu;
    QPushButton *m_styles;
    QWidget *m_chip;
    QLabel *m_chipLabel;
    QToolButton *m_chipRemove;
};
