#include "mask/maskeditor.h"

#include "mask/maskcanvas.h"
#include "mask/masklayer.h"

#include <QActionGroup>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

QSlider *slider(int min, int max, int value, QWidget *parent)
{
    auto *s = new QSlider(Qt::Horizontal, parent);
    s->setRange(min, max);
    s->setValue(value);
    s->setFixedWidth(120);
    return s;
}

} // namespace

MaskEditor::MaskEditor(const QImage &image, const QImage &existingMask, QWidget *parent)
    : QDialog(parent)
    , m_layer(new MaskLayer(image.size(), this))
    , m_canvas(new MaskCanvas(image, m_layer, this))
    , m_paintTools(new QToolBar(this))
    , m_viewTools(new QToolBar(this))
    , m_tools(m_paintTools)
    , m_size(slider(1, qBound(50, qMax(image.width(), image.height()) / 4, 1000),
                    qBound(4, qMax(image.width(), image.height()) / 24, 400), this))
    , m_softness(slider(0, 100, 30, this))
    , m_grow(new QSpinBox(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Mark the area to change"));
    setAccessibleName(windowTitle());
    m_layer->load(existingMask);

    m_paintTools->setAccessibleName(tr("Mask tools"));
    m_viewTools->setAccessibleName(tr("Mask steps and view"));
    for (auto *bar : {m_paintTools, m_viewTools})
        bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *kinds = new QActionGroup(this);
    m_brush = addTool(tr("&Brush"), tr("Paint the area to change (B)"), {Qt::Key_B});
    m_eraser = addTool(tr("&Eraser"), tr("Take paint away (E)"), {Qt::Key_E});
    for (auto *action : {m_brush, m_eraser}) {
        action->setCheckable(true);
        kinds->addAction(action);
        connect(action, &QAction::toggled, this, &MaskEditor::applyTip);
    }
    m_brush->setChecked(true);
    m_tools->addSeparator();

    auto *sizeLabel = new QLabel(tr("&Size"), this);
    sizeLabel->setBuddy(m_size);
    m_size->setAccessibleName(tr("Brush size in image pixels"));
    m_size->setToolTip(tr("Brush size ([ and ])"));
    m_tools->addWidget(sizeLabel);
    m_tools->addWidget(m_size);
    auto *softLabel = new QLabel(tr("So&ftness"), this);
    softLabel->setBuddy(m_softness);
    m_softness->setAccessibleName(tr("Brush softness in percent"));
    m_softness->setToolTip(tr("How much of the brush fades out at its edge"));
    m_tools->addWidget(softLabel);
    m_tools->addWidget(m_softness);
    connect(m_size, &QSlider::valueChanged, this, &MaskEditor::applyTip);
    connect(m_softness, &QSlider::valueChanged, this, &MaskEditor::applyTip);
    auto *smaller = new QAction(this);
    smaller->setShortcut(Qt::Key_BracketLeft);
    connect(smaller, &QAction::triggered, this,
            [this] { m_size->setValue(qMax(1, m_size->value() * 4 / 5)); });
    auto *larger = new QAction(this);
    larger->setShortcut(Qt::Key_BracketRight);
    connect(larger, &QAction::triggered, this,
            [this] { m_size->setValue(m_size->value() * 5 / 4 + 1); });
    addActions({smaller, larger});

    // The second row: the whole mask, the steps and the view.
    m_tools = m_viewTools;
    m_invert = addTool(tr("&Invert"), tr("Mark what is not marked and the other way round (I)"),
                       {Qt::Key_I});
    connect(m_invert, &QAction::triggered, m_layer, &MaskLayer::invert);
    m_clear = addTool(tr("C&lear"), tr("Take the whole mask away"), {});
    connect(m_clear, &QAction::triggered, m_layer, &MaskLayer::clear);
    m_grow->setRange(-50, 50);
    m_grow->setSuffix(tr(" px"));
    m_grow->setAccessibleName(tr("Grow or shrink the edge by pixels"));
    m_grow->setToolTip(tr("Grow (positive) or shrink (negative) the marked area"));
    auto *growLabel = new QLabel(tr("&Grow"), this);
    growLabel->setBuddy(m_grow);
    m_tools->addWidget(growLabel);
    m_tools->addWidget(m_grow);
    auto *applyGrow = addTool(tr("Appl&y"), tr("Grow or shrink the marked area now"), {});
    connect(applyGrow, &QAction::triggered, this, [this] {
        m_layer->grow(m_grow->value());
        m_grow->setValue(0);
    });
    // Previewed live as the value changes (at most every 120 ms: a grow is a full-image pass);
    // painting ends the preview and the value goes back to 0.
    m_growPreview.setSingleShot(true);
    m_growPreview.setInterval(120);
    connect(m_grow, &QSpinBox::valueChanged, &m_growPreview, qOverload<>(&QTimer::start));
    connect(&m_growPreview, &QTimer::timeout, this,
            [this] { m_layer->previewGrow(m_grow->value()); });
    connect(m_layer, &MaskLayer::growPreviewEnded, this, [this] {
        m_growPreview.stop();
        const QSignalBlocker quiet(m_grow);
        m_grow->setValue(0);
    });
    m_tools->addSeparator();

    // Undo and redo keep short names; the step they would take is in their tool tips.
    m_undo = addTool(tr("&Undo"), tr("Undo the last step (Ctrl+Z)"), {QKeySequence::Undo});
    // Ctrl+Shift+Z everywhere, and the platform's own redo (Ctrl+Y on some desktops).
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const auto &keys : QKeySequence::keyBindings(QKeySequence::Redo))
        if (!redoKeys.contains(keys))
            redoKeys << keys;
    m_redo = addTool(tr("&Redo"), tr("Redo the step undone (Ctrl+Shift+Z)"), redoKeys);
    auto *steps = m_layer->undoStack();
    connect(m_undo, &QAction::triggered, steps, &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, steps, &QUndoStack::redo);
    connect(steps, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(steps, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(steps, &QUndoStack::undoTextChanged, m_undo, [this](const QString &step) {
        m_undo->setToolTip(step.isEmpty() ? tr("Undo the last step (Ctrl+Z)")
                                          : tr("Undo: %1 (Ctrl+Z)").arg(step));
    });
    connect(steps, &QUndoStack::redoTextChanged, m_redo, [this](const QString &step) {
        m_redo->setToolTip(step.isEmpty() ? tr("Redo the step undone (Ctrl+Shift+Z)")
                                          : tr("Redo: %1 (Ctrl+Shift+Z)").arg(step));
    });
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    m_tools->addSeparator();
    auto *zoomIn = addTool(tr("Zoom i&n"), tr("Zoom in (+ or the wheel)"), {});
    auto *zoomOut = addTool(tr("Zoom &out"), tr("Zoom out (−)"), {});
    auto *fit = addTool(tr("Fi&t"), tr("Show the whole image (0)"), {});
    connect(zoomIn, &QAction::triggered, m_canvas, &MaskCanvas::zoomIn);
    connect(zoomOut, &QAction::triggered, m_canvas, &MaskCanvas::zoomOut);
    connect(fit, &QAction::triggered, m_canvas, &MaskCanvas::fit);
    m_tools = m_paintTools;

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Done"));
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_status, 1);
    footer->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_paintTools);
    layout->addWidget(m_viewTools);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(footer);

    connect(m_canvas, &MaskCanvas::zoomChanged, this, &MaskEditor::refreshStatus);
    connect(m_layer->undoStack(), &QUndoStack::indexChanged, this, &MaskEditor::refreshStatus);
    applyTip();
    refreshStatus();
    m_canvas->setFocus();
    resize(900, 680);
}

QAction *MaskEditor::addTool(const QString &text, const QString &tip,
                             const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, this);
    action->setToolTip(tip);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    m_tools->addAction(action);
    return action;
}

MaskEditor::~MaskEditor()
{
    // The layer (a child) clears its undo stack as QWidget's destructor deletes it, and the
    // stack says so: by then this is no longer a MaskEditor to refresh, nor are its actions'
    // tool tips (whose slots use it) to update. Every receiver of the stack lets go.
    m_layer->undoStack()->disconnect();
}

QImage MaskEditor::mask() const
{
    // What the overlay shows: a grow being previewed is part of it.
    return m_layer->exported(m_growPreview.isActive() ? m_grow->value() : m_layer->previewedGrow());
}

bool MaskEditor::isMaskEmpty() const
{
    return m_layer->isEmpty();
}

void MaskEditor::applyTip()
{
    MaskBrush::Tip tip;
    tip.radius = m_size->value() / 2.0;
    tip.softness = m_softness->value() / 100.0;
    tip.erase = m_eraser->isChecked();
    m_canvas->setTip(tip);
    m_canvas->setCursor(Qt::CrossCursor);
}

void MaskEditor::refreshStatus()
{
    m_status->setText(tr("Zoom %1% · %n steps to undo", nullptr, m_layer->undoStack()->index())
                          .arg(QLocale().toString(qRound(m_canvas->zoom() * 100))));
}
