#pragma once

#include "media/maskbrush.h"

#include <QColor>
#include <QImage>
#include <QObject>
#include <QUndoStack>

#include <map>

// The mask being painted over one image, with its undo history: each stroke, invert and clear
// is one step. A stroke keeps only the 256 px tiles it touched, as they were before it,
// compressed, so hundreds of steps on a 4096 px image cost megabytes, not gigabytes.
class MaskLayer final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTile = 256;

    explicit MaskLayer(QSize size, QObject *parent = nullptr);

    QSize size() const { return m_mask.size(); }
    // 8-bit coverage, 255 = change.
    const QImage &mask() const { return m_mask; }
    // The mask as shown: premultiplied colour over the image.
    const QImage &overlay() const { return m_overlay; }
    void setOverlayColour(const QColor &colour);
    QUndoStack *undoStack() { return &m_undo; }
    bool isEmpty() const;

    // Replaces the mask without an undo step (an earlier mask opened again). Scaled to size.
    void load(const QImage &mask);
    // The mask to save: grey PNG pixels, white = change, grown or shrunk by `grow` pixels.
    QImage exported(int grow = 0) const;

    void beginStroke(QPointF at, const MaskBrush::Tip &tip, qreal pressure = 1.0);
    void strokeTo(QPointF at, qreal pressure = 1.0);
    void endStroke();
    bool isStroking() const { return m_stroking; }
    // The image rectangle the last stroke call changed (for tests: only the brush's box).
    QRect lastChange() const { return m_lastChange; }

    void invert();
    void clear();
    // Grows (px > 0) or shrinks (px < 0) the marked area's edge, as one step.
    void grow(int px);
    // Shows the mask grown or shrunk by `px` in the overlay only (0: as it is), until the mask
    // changes (growPreviewEnded) or grow() makes it a step.
    void previewGrow(int px);
    int previewedGrow() const { return m_previewGrow; }

Q_SIGNALS:
    // Pixels of the mask changed inside `imageRect` (the overlay is up to date there).
    void changed(const QRect &imageRect);
    // The mask changed while a grow was previewed: the overlay shows the mask itself again.
    void growPreviewEnded();

private:
    friend class MaskTilesCommand;
    friend class MaskInvertCommand;

    QRect paint(const QRect &changedRect);
    // Keeps the tiles under `rect` as they are now, once per stroke.
    void snapshotTiles(const QRect &rect);
    QRect tileRect(int index) const;
    QByteArray tileBytes(int index) const;
    void setTileBytes(int index, const QByteArray &bytes);
    void invertPixels();
    // Puts `after` in place as one undo step named `text`, keeping only the tiles that differ.
    void replaceAll(const QImage &after, const QString &text);

    QImage m_mask;
    QImage m_overlay;
    QColor m_colour{220, 30, 30, 140};
    QUndoStack m_undo;
    MaskBrush::Tip m_tip;
    bool m_stroking = false;
    QPointF m_last;
    qreal m_carry = -1;
    QRect m_lastChange;
    int m_previewGrow = 0;
    QRect m_strokeRect;
    std::map<int, QByteArray> m_strokeTiles; // tile index -> raw bytes before the stroke
};
