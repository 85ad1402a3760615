#include "compose/promptsuggestionlist.h"

#include <QScreen>

PromptSuggestionList::PromptSuggestionList(QWidget *field)
    : QListWidget(field)
{
    // A tool-tip window: above everything, outside the form's layout, never activated.
    setWindowFlags(Qt::ToolTip | Qt::FramelessWindowHint);
    setAttribute(Qt::WA_ShowWithoutActivating);
    setFocusPolicy(Qt::NoFocus);
    setUniformItemSizes(true);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAccessibleName(tr("Earlier prompts"));
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT promptChosen(item->data(Qt::UserRole).toString());
    });
}

void PromptSuggestionList::showFor(QWidget *field, int lineBottom, const QStringList &prompts)
{
    clear();
    if (prompts.isEmpty()) {
        hide();
        return;
    }
    for (const QString &prompt : prompts) {
        auto *item = new QListWidgetItem(QString(prompt).replace(u'\n', u' '), this);
        item->setData(Qt::UserRole, prompt);
        item->setToolTip(prompt);
    }
    setCurrentRow(-1);
    setLayoutDirection(field->layoutDirection());
    const int rows = int(std::min<qsizetype>(prompts.size(), 8));
    const int height = sizeHintForRow(0) * rows + 2 * frameWidth();
    // Under the line being typed, as wide as the field.
    QPoint below = field->mapToGlobal(QPoint(0, std::min(lineBottom, field->height()) + 2));
    if (QScreen *screen = field->screen();
        screen && below.y() + height > screen->availableGeometry().bottom())
        below.setY(field->mapToGlobal(QPoint(0, 0)).y() - height); // no room below: above it
    setGeometry(below.x(), below.y(), field->width(), height);
    show();
    raise();
}

void PromptSuggestionList::moveSelection(int delta)
{
    const int rows = count();
    if (rows == 0)
        return;
    // -1 is "none": the field's own text stays as typed.
    int row = currentRow() + delta;
    if (row < -1)
        row = rows - 1;
    else if (row >= rows)
        row = -1;
    setCurrentRow(row);
    if (row < 0)
        clearSelection();
}

QString PromptSuggestionList::selectedPrompt() const
{
    const QListWidgetItem *item = currentRow() >= 0 ? currentItem() : nullptr;
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QStringList PromptSuggestionList::prompts() const
{
    QStringList out;
    for (int i = 0; i < count(); ++i)
        out.append(item(i)->data(Qt::UserRole).toString());
    return out;
}
