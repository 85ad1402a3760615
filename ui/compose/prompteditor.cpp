#include "compose/prompteditor.h"

#include "compose/promptsuggestionlist.h"
#include "prompts/promptsuggestions.h"

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
    m_list = new PromptSuggestionList(this);
    m_list->hide();
    m_ask.setSingleShot(true);
    m_ask.setInterval(60);
    connect(&m_ask, &QTimer::timeout, this, [this] {
        if (m_source)
            m_source->ask(toPlainText());
    });
    connect(this, &QPlainTextEdit::textChanged, this, &PromptEditor::onTextChanged);
    connect(m_list, &PromptSuggestionList::promptChosen, this, &PromptEditor::takePrompt);
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

void PromptEditor::setSuggestions(PromptSuggestions *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source)
        connect(m_source, &PromptSuggestions::suggestionsReady, this,
                &PromptEditor::showSuggestions);
}

void PromptEditor::takePrompt(const QString &prompt)
{
    m_list->hide();
    m_ask.stop();
    m_settingText = true;
    // One undo step, so Ctrl+Z gives the words typed back.
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(prompt);
    m_settingText = false;
    moveCursor(QTextCursor::End);
    Q_EMIT promptTaken(prompt);
}

void PromptEditor::onTextChanged()
{
    if (m_settingText || !m_source)
        return;
    const QString text = toPlainText();
    // A letter or two matches half the history; a long text is not a prompt being recalled.
    if (!hasFocus() || text.trimmed().size() < 2 || text.size() > 300) {
        m_ask.stop();
        m_list->hide();
        return;
    }
    m_ask.start();
}

void PromptEditor::showSuggestions(const QString &typed, const QStringList &prompts)
{
    if (typed != toPlainText() || !hasFocus() || !isVisible()) // overtaken, or gone elsewhere
        return;
    const QRect line = cursorRect();
    m_list->showFor(this, viewport()->mapTo(this, line.bottomLeft()).y(), prompts);
}

bool PromptEditor::listKey(QKeyEvent *event)
{
    if (!m_list->isVisible() || (event->modifiers() & ~Qt::KeypadModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Down:
        m_list->moveSelection(1);
        return true;
    case Qt::Key_Up:
        m_list->moveSelection(-1);
        return true;
    case Qt::Key_Escape:
        m_list->hide();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab: {
        const QString chosen = m_list->selectedPrompt();
        m_list->hide();
        if (chosen.isEmpty())
            return false; // nothing picked: a new line, or the next field
        takePrompt(chosen);
        return true;
    }
    default:
        return false;
    }
}

bool PromptEditor::event(QEvent *event)
{
    // Ctrl+Enter sends the prompt as typed (the composer's shortcut): nothing is left to pick.
    if (m_list && m_list->isVisible() && event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & Qt::ControlModifier))
            m_list->hide();
    }
    // Ahead of shortcuts and of Tab's move to the next field, while the list is open.
    if (m_list && m_list->isVisible()
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int k = key->key();
        const bool ours = k == Qt::Key_Down || k == Qt::Key_Up || k == Qt::Key_Escape
                          || k == Qt::Key_Return || k == Qt::Key_Enter || k == Qt::Key_Tab;
        if (ours && !(key->modifiers() & ~Qt::KeypadModifier)) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            if (listKey(key)) {
                event->accept();
                return true;
            }
        }
    }
    return QPlainTextEdit::event(event);
}

void PromptEditor::focusInEvent(QFocusEvent *event)
{
    // Typing follows: the past prompts' index is built now if it is not (PromptSuggestions).
    if (m_source)
        m_source->warmUp();
    QPlainTextEdit::focusInEvent(event);
}

void PromptEditor::focusOutEvent(QFocusEvent *event)
{
    // A click on the list arrives after the focus left; let it land first.
    QTimer::singleShot(200, this, [this] {
        if (!hasFocus())
            m_list->hide();
    });
    QPlainTextEdit::focusOutEvent(event);
}

void PromptEditor::hideEvent(QHideEvent *event)
{
    m_list->hide();
    QPlainTextEdit::hideEvent(event);
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
