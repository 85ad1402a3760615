#pragma once

#include <QDialog>
#include <QImage>
#include <QTimer>

class MaskCanvas;
class MaskLayer;
class QAction;
class QLabel;
class QSlider;
class QSpinBox;
class QToolBar;

// The mask editor: marks the area of an image to change. Brush and eraser, size and softness,
// invert, clear, grow or shrink the edge, undo and redo every step, zoom and pan. Done gives
// the mask (grey, white = change); Cancel leaves everything as it was.
class MaskEditor final : public QDialog
{
    Q_OBJECT
public:
    // `existingMask` (may be null): an earlier mask of this image, to go on with.
    MaskEditor(const QImage &image, const QImage &existingMask, QWidget *parent = nullptr);
    ~MaskEditor() override;

    // The mask as painted, the image's size; valid after Done (and at any time, for tests).
    QImage mask() const;
    bool isMaskEmpty() const;

    MaskLayer *layer() const { return m_layer; }
    MaskCanvas *canvas() const { return m_canvas; }
    QToolBar *toolBar() const { return m_paintTools; }
    QToolBar *viewToolBar() const { return m_viewTools; }
    QSlider *sizeSlider() const { return m_size; }
    QSpinBox *growBox() const { return m_grow; }
    QSlider *softnessSlider() const { return m_softness; }
    QAction *brushAction() const { return m_brush; }
    QAction *eraserAction() const { return m_eraser; }
    QAction *invertAction() const { return m_invert; }
    QAction *clearAction() const { return m_clear; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

private:
    QAction *addTool(const QString &text, const QString &tip, const QList<QKeySequence> &keys);
    void applyTip();
    void refreshStatus();

    MaskLayer *m_layer;
    MaskCanvas *m_canvas;
    QToolBar *m_paintTools;
    QToolBar *m_viewTools;
    QToolBar *m_tools; // where addTool() puts the next action
    QAction *m_brush = nullptr;
    QAction *m_eraser = nullptr;
    QAction *m_invert = nullptr;
    QAction *m_clear = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QSlider *m_size;
    QSlider *m_softness;
    QSpinBox *m_grow;
    QTimer m_growPreview;
    QLabel *m_status;
};
