#include "mask/masklayer.h"

#include <QUndoCommand>

#include <algorithm>
#include <utility>

// The tiles a step changed, as they were on the other side of it: undo and redo swap them
// with the mask's, so one copy per tile serves both directions.
class MaskTilesCommand final : public QUndoCommand
{
public:
    MaskTilesCommand(MaskLayer &layer, const QString &text, const std::map<int, QByteArray> &tiles)
        : QUndoCommand(text)
        , m_layer(layer)
    {
        for (const auto &[index, bytes] : tiles)
            m_tiles[index] = qCompress(bytes, 1);
    }

    void undo() override { swap(); }
    void redo() override
    {
        if (m_first) { // the stroke is already painted
            m_first = false;
            return;
        }
        swap();
    }

private:
    void swap()
    {
        QRect changed;
        for (auto &[index, packed] : m_tiles) {
            const QByteArray now = m_layer.tileBytes(index);
            m_layer.setTileBytes(index, qUncompress(packed));
            packed = qCompress(now, 1);
            changed |= m_layer.tileRect(index);
        }
        Q_EMIT m_layer.changed(m_layer.paint(changed));
    }

    MaskLayer &m_layer;
    std::map<int, QByteArray> m_tiles;
    bool m_first = true;
};

// Inverting twice is no change: the step keeps nothing.
class MaskInvertCommand final : public QUndoCommand
{
public:
    explicit MaskInvertCommand(MaskLayer &layer)
        : QUndoCommand(MaskLayer::tr("Invert"))
        , m_layer(layer)
    { }
    void undo() override { m_layer.invertPixels(); }
    void redo() override { m_layer.invertPixels(); }

private:
    MaskLayer &m_layer;
};

MaskLayer::MaskLayer(QSize size, QObject *parent)
    : QObject(parent)
    , m_mask(size, QImage::Format_Grayscale8)
    , m_overlay(size, QImage::Format_ARGB32_Premultiplied)
{
    m_mask.fill(0);
    m_overlay.fill(Qt::transparent);
    m_undo.setUndoLimit(0); // unlimited: the steps are small (compressed tiles)
}

void MaskLayer::setOverlayColour(const QColor &colour)
{
    m_colour = colour;
    const int previewed = std::exchange(m_previewGrow, 0);
    Q_EMIT changed(paint(m_mask.rect()));
    previewGrow(previewed);
}

bool MaskLayer::isEmpty() const
{
    for (int y = 0; y < m_mask.height(); ++y) {
        const uchar *line = m_mask.constScanLine(y);
        if (std::any_of(line, line + m_mask.width(), [](uchar v) { return v != 0; }))
            return false;
    }
    return true;
}

void MaskLayer::load(const QImage &mask)
{
    if (mask.isNull())
        return;
    QImage grey = mask.convertToFormat(QImage::Format_Grayscale8);
    if (grey.size() != m_mask.size())
        grey = grey.scaled(m_mask.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    m_mask = grey;
    m_undo.clear();
    Q_EMIT changed(paint(m_mask.rect()));
}

QImage MaskLayer::exported(int grow) const
{
    return MaskBrush::grown(m_mask, grow);
}

void MaskLayer::beginStroke(QPointF at, const MaskBrush::Tip &tip, qreal pressure)
{
    if (m_stroking)
        endStroke();
    m_stroking = true;
    m_tip = tip;
    m_last = at;
    m_carry = -1;
    m_strokeTiles.clear();
    m_strokeRect = {};
    strokeTo(at, pressure);
}

void MaskLayer::strokeTo(QPointF at, qreal pressure)
{
    if (!m_stroking)
        return;
    // The tiles are kept before the dabs land: the brush's box around both ends bounds them.
    const qreal r = m_tip.radius + 1;
    const QRect reach = QRectF(m_last, at).normalized().adjusted(-r, -r, r, r).toAlignedRect();
    snapshotTiles(reach);
    const QRect changed = MaskBrush::segment(m_mask, m_last, at, m_tip, pressure, m_carry);
    m_last = at;
    m_lastChange = changed;
    if (changed.isEmpty())
        return;
    m_strokeRect |= changed;
    Q_EMIT this->changed(paint(changed));
}

void MaskLayer::endStroke()
{
    if (!m_stroking)
        return;
    m_stroking = false;
    if (m_strokeRect.isEmpty())
        return;
    m_undo.push(
        new MaskTilesCommand(*this, m_tip.erase ? tr("Erase") : tr("Brush stroke"), m_strokeTiles));
    m_strokeTiles.clear();
}

void MaskLayer::invert()
{
    endStroke();
    m_undo.push(new MaskInvertCommand(*this));
}

void MaskLayer::clear()
{
    endStroke();
    QImage empty(m_mask.size(), QImage::Format_Grayscale8);
    empty.fill(0);
    replaceAll(empty, tr("Clear"));
}

void MaskLayer::grow(int px)
{
    endStroke();
    if (px != 0)
        replaceAll(MaskBrush::grown(m_mask, px), px > 0 ? tr("Grow") : tr("Shrink"));
}

void MaskLayer::replaceAll(const QImage &after, const QString &text)
{
    // Only the tiles that change are kept.
    std::map<int, QByteArray> tiles;
    const int columns = (m_mask.width() + kTile - 1) / kTile;
    const int rows = (m_mask.height() + kTile - 1) / kTile;
    QRect changedRect;
    for (int index = 0; index < columns * rows; ++index) {
        const QRect r = tileRect(index);
        bool differs = false;
        for (int y = r.top(); y <= r.bottom() && !differs; ++y)
            differs = !std::equal(m_mask.constScanLine(y) + r.left(),
                                  m_mask.constScanLine(y) + r.right() + 1,
                                  after.constScanLine(y) + r.left());
        if (!differs)
            continue;
        tiles[index] = tileBytes(index);
        for (int y = r.top(); y <= r.bottom(); ++y)
            std::copy(after.constScanLine(y) + r.left(), after.constScanLine(y) + r.right() + 1,
                      m_mask.scanLine(y) + r.left());
        changedRect |= r;
    }
    if (tiles.empty())
        return;
    Q_EMIT changed(paint(changedRect));
    m_undo.push(new MaskTilesCommand(*this, text, tiles));
}

QRect MaskLayer::paint(const QRect &changedRect)
{
    if (m_previewGrow != 0) {
        m_previewGrow = 0;
        MaskBrush::colourOverlay(m_overlay, m_mask, m_mask.rect(), m_colour);
        Q_EMIT growPreviewEnded();
        return m_mask.rect();
    }
    MaskBrush::colourOverlay(m_overlay, m_mask, changedRect, m_colour);
    return changedRect;
}

void MaskLayer::previewGrow(int px)
{
    if (px == m_previewGrow || m_stroking)
        return;
    m_previewGrow = px;
    // The whole image: a grown edge can reach anywhere. MaskBrush::grown is a separable
    // min/max filter, tens of milliseconds at 4096 px, so the editor asks at most every 120 ms.
    const QImage shown = px == 0 ? m_mask : MaskBrush::grown(m_mask, px);
    MaskBrush::colourOverlay(m_overlay, shown, m_mask.rect(), m_colour);
    Q_EMIT changed(m_mask.rect());
}

void MaskLayer::snapshotTiles(const QRect &rect)
{
    const QRect r = rect.intersected(m_mask.rect());
    if (r.isEmpty())
        return;
    const int columns = (m_mask.width() + kTile - 1) / kTile;
    for (int ty = r.top() / kTile; ty <= r.bottom() / kTile; ++ty)
        for (int tx = r.left() / kTile; tx <= r.right() / kTile; ++tx) {
            const int index = ty * columns + tx;
            if (!m_strokeTiles.count(index))
                m_strokeTiles[index] = tileBytes(index);
        }
}

QRect MaskLayer::tileRect(int index) const
{
    const int columns = (m_mask.width() + kTile - 1) / kTile;
    return QRect((index % columns) * kTile, (index / columns) * kTile, kTile, kTile)
        .intersected(m_mask.rect());
}

QByteArray MaskLayer::tileBytes(int index) const
{
    const QRect r = tileRect(index);
    QByteArray bytes;
    bytes.reserve(qsizetype(r.width()) * r.height());
    for (int y = r.top(); y <= r.bottom(); ++y)
        bytes.append(reinterpret_cast<const char *>(m_mask.constScanLine(y)) + r.left(), r.width());
    return bytes;
}

void MaskLayer::setTileBytes(int index, const QByteArray &bytes)
{
    const QRect r = tileRect(index);
    if (bytes.size() != qsizetype(r.width()) * r.height())
        return;
    const char *from = bytes.constData();
    for (int y = r.top(); y <= r.bottom(); ++y, from += r.width())
        std::copy(from, from + r.width(), reinterpret_cast<char *>(m_mask.scanLine(y)) + r.left());
}

void MaskLayer::invertPixels()
{
    m_mask.invertPixels();
    Q_EMIT changed(paint(m_mask.rect()));
}
