#pragma once

#include "common/zoompan.h"

#include <QList>
#include <QPixmap>
#include <QWidget>

// Two pictures in one place, zoomed and panned together (one ZoomPan for both): side by side in
// two panes of one size, or one over the other with a wipe divider. The smaller picture is drawn
// at the larger's size. It paints only what shows, from pixmaps scaled once per zoom level.
class CompareCanvas final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { SideBySide, Wipe };
    enum class Side { A, B };

    explicit CompareCanvas(QWidget *parent = nullptr);

    // A null pixmap shows the side's text (loading, not here) in its place.
    void setPixmap(Side side, const QPixmap &pixmap);
    const QPixmap &pixmap(Side side) const { return part(side).pixmap; }
    void setText(Side side, const QString &text);
    QString text(Side side) const { return part(side).text; }
    // A short name drawn in the side's top corner ("A", "B").
    void setTitle(Side side, const QString &title);
    void swap();

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    // How much of the width shows A in the wipe, 0 to 1, from A's edge (the start edge: left, or
    // right in right-to-left, where A sits).
    double wipe() const { return m_wipe; }
    void setWipe(double wipe);
    double dividerX() const;

    double zoom() const { return m_view.zoom(); }
    bool isFit() const { return m_view.isFit(); }
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize(); // 100 %: one pixel of the larger picture per screen pixel

    // The size both are shown at (the larger picture's); a side scaled to it says how big it is
    // drawn there, else an invalid size.
    QSize commonSize() const;
    QSize scaledSize(Side side) const;
    // Where a side is drawn: its pane, or the whole canvas in the wipe.
    QRect paneRect(Side side) const;
    // The point of the side's own picture (in its pixels) under `pos` (canvas coordinates).
    QPointF imagePointAt(Side side, QPointF pos) const;

Q_SIGNALS:
    // Zoom, pan, mode or divider changed.
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Scaled
    {
        QSize size;
        QPixmap pixmap;
    };
    struct Part
    {
        QPixmap pixmap;
        QString text;
        QString title;
        QList<Scaled> cache; // the last few zoom levels, newest first
    };
    enum class Drag { None, Pan, Divider };

    Part &part(Side side) { return side == Side::A ? m_a : m_b; }
    const Part &part(Side side) const { return side == Side::A ? m_a : m_b; }
    bool aOnLeft() const { return layoutDirection() == Qt::LeftToRight; }
    // The rectangle of the content a side fills (the larger fills it, the smaller is centred).
    QRectF placement(Side side) const;
    void contentChanged();
    void syncViewSize();
    // The pane under `pos` and `pos` inside it, for a zoom anchored at the cursor.
    QPointF inPane(QPointF pos) const;
    void setWipeAtX(double x);
    void drawSide(QPainter &painter, Side side, const QRect &pane, const QRect &clip);
    const QPixmap &scaledFor(Side side, QSize size);
    void drawMissing(QPainter &painter, Side side, const QRect &area);
    void drawTitle(QPainter &painter, Side side, const QRect &area);
    void drawDivider(QPainter &painter);
    void changed();

    Part m_a;
    Part m_b;
    Mode m_mode = Mode::SideBySide;
    double m_wipe = 0.5;
    ZoomPan m_view;
    Drag m_drag = Drag::None;
    QPointF m_dragFrom;
};
