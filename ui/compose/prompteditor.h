#pragma once

#include <QMimeData>
#include <QPlainTextEdit>

// The prompt field: plain multi-line text; Ctrl+Enter asks to submit; pasted images and files
// are handed on as references instead of being inserted as text.
class PromptEditor final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit PromptEditor(QWidget *parent = nullptr);

    QString prompt() const { return toPlainText(); }
    // About six lines: room to write without pushing the rest of the form away.
    QSize sizeHint() const override;

Q_SIGNALS:
    void submitRequested();
    // Emitted synchronously while the data is alive: an image or local files were pasted.
    void referencesPasted(const QMimeData *data);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
};
