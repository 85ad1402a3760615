#pragma once

#include <QMimeData>
#include <QPlainTextEdit>
#include <QTimer>

class PromptSuggestionList;
class PromptSuggestions;

// The prompt field: plain multi-line text; Ctrl+Enter asks to submit; pasted images and files
// are handed on as references instead of being inserted as text. While one types, past prompts
// that match are offered under the line (PromptSuggestions): Down/Up pick one, Enter or Tab
// takes it, Escape closes the list.
class PromptEditor final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit PromptEditor(QWidget *parent = nullptr);

    QString prompt() const { return toPlainText(); }
    // About six lines: room to write without pushing the rest of the form away.
    QSize sizeHint() const override;

    // Where suggestions come from; null: none are offered.
    void setSuggestions(PromptSuggestions *source);
    PromptSuggestionList *suggestionList() const { return m_list; }
    // Replaces the text with `prompt` as if the user had chosen it (cursor at the end).
    void takePrompt(const QString &prompt);

Q_SIGNALS:
    void submitRequested();
    // Emitted synchronously while the data is alive: an image or local files were pasted.
    void referencesPasted(const QMimeData *data);
    // A suggestion or a recent prompt replaced the text.
    void promptTaken(const QString &prompt);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void onTextChanged();
    void showSuggestions(const QString &typed, const QStringList &prompts);
    // A key the open list answers (Up, Down, Enter, Tab, Escape); false: not one of them.
    bool listKey(QKeyEvent *event);

    PromptSuggestions *m_source = nullptr;
    PromptSuggestionList *m_list = nullptr; // made in the constructor's body: event() reads it
    QTimer m_ask; // typing pauses this long before the index is asked
    bool m_settingText = false;
};
