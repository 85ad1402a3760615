#include "compose/prompteditor.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QTextDocument>
#include <QUrl>

namespace {

bool carriesReferences(const QMimeData *data)
{
    if (!data)
        return false;
    if (data->hasImage())
        return true;
    if (!data->hasUrls())
        return false;
    const QList<QUrl> urls = data->urls();
    return std::any_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); });
}

} // namespace

PromptEditor::PromptEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setPlaceholderText(tr("Describe the image you want, e.g. “a red fox in the snow at dawn, soft "
                          "light” (Ctrl+Enter to submit)"));
    setAccessibleName(tr("Prompt"));
    setTabChangesFocus(true);
    setMinimumHeight(fontMetrics().lineSpacing() * 4 + 12);
}

QSize PromptEditor::sizeHint() const
{
    const int frame = 2 * frameWidth() + int(2 * document()->documentMargin());
    return {fontMetrics().averageCharWidth() * 60 + frame, fontMetrics().lineSpacing() * 6 + frame};
}

void PromptEditor::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        event->accept();
        Q_EMIT submitRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool PromptEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return carriesReferences(source) || QPlainTextEdit::canInsertFromMimeData(source);
}

void PromptEditor::insertFromMimeData(const QMimeData *source)
{
    if (carriesReferences(source)) {
        Q_EMIT referencesPasted(source);
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}
