#pragma once

#include <QListWidget>

// The list of past prompts under the prompt field while one types. It never takes the focus
// (the field keeps it, and with it the keyboard and any input method): PromptEditor moves its
// selection with Up/Down and takes it with Enter or Tab; a click takes one too.
class PromptSuggestionList final : public QListWidget
{
    Q_OBJECT
public:
    explicit PromptSuggestionList(QWidget *field);

    // Shows `prompts` under `field`'s line ending at `lineBottom` (field coordinates), hidden
    // when there are none; nothing is selected yet.
    void showFor(QWidget *field, int lineBottom, const QStringList &prompts);
    // Moves the selection by `delta` rows, wrapping through "none selected".
    void moveSelection(int delta);
    QString selectedPrompt() const;
    QStringList prompts() const;

Q_SIGNALS:
    void promptChosen(const QString &prompt);
};
