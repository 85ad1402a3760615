#pragma once

#include "compare/comparecanvas.h"

#include <QDateTime>
#include <QWidget>

#include <array>
#include <optional>

class ElidedLabel;
class ImageFileLoader;
class QAbstractButton;
class QLabel;

// One side of a comparison as the gallery hands it over.
struct CompareItem
{
    QString title; // drawn on the picture and before its prompt: "A", "B", "Server's result"
    QString prompt;
    QDateTime created; // invalid: not shown
    QString file; // the picture on this computer; empty: not (yet)
    QString text; // said in the picture's place while there is no file
    qint64 key = 0; // the caller's name for it (a history row), to hand its file over later
};

// The compare page: two pictures on a CompareCanvas (side by side or with a wipe, zoom and pan
// locked together), its tool bar (mode, swap, zoom) and under each picture its prompt, date and
// size. It decodes the files itself; the gallery says what to compare and hides it again on
// closeRequested (Esc).
class CompareView final : public QWidget
{
    Q_OBJECT
public:
    using Side = CompareCanvas::Side;

    explicit CompareView(QWidget *parent = nullptr);

    // Starts a comparison: fitted, the mode kept from the last one.
    void setItems(const CompareItem &a, const CompareItem &b);
    // A side's file arrived after setItems (it was being downloaded).
    void setFile(Side side, const QString &file);
    // A side will have no file for now: says why in its place.
    void setMissingText(Side side, const QString &text);
    const CompareItem &item(Side side) const { return m_items[index(side)]; }
    // The side showing the item of this key (the user may have swapped them).
    std::optional<Side> sideOf(qint64 key) const;
    bool isLoading(Side side) const;

    CompareCanvas *canvas() const { return m_canvas; }
    QAbstractButton *sideBySideButton() const { return m_sideBySide; }
    QAbstractButton *wipeButton() const { return m_wipe; }
    QAbstractButton *swapButton() const { return m_swap; }
    // The line under a side's picture: its date and size, and how it is scaled.
    QString detailsText(Side side) const;
    QString captionText(Side side) const;
    QString zoomText() const;

Q_SIGNALS:
    void closeRequested();
    // A side's file was decoded (ok) or could not be (its reason shows in its place).
    void sideLoaded(CompareView::Side side, bool ok);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Info
    {
        ElidedLabel *prompt = nullptr;
        QLabel *details = nullptr;
        QLabel *caption = nullptr;
    };
    static int index(Side side) { return side == Side::A ? 0 : 1; }
    QWidget *makeInfo(Info &info);
    void load(Side side);
    void swapSides();
    void setMode(CompareCanvas::Mode mode);
    void refreshInfo();
    void refreshZoom();

    CompareCanvas *m_canvas = nullptr;
    std::array<CompareItem, 2> m_items;
    std::array<Info, 2> m_info;
    std::array<ImageFileLoader *, 2> m_loaders{};
    std::array<Side, 2> m_sideOfLoader{Side::A, Side::B}; // a swap while decoding
    QAbstractButton *m_back = nullptr;
    QAbstractButton *m_sideBySide = nullptr;
    QAbstractButton *m_wipe = nullptr;
    QAbstractButton *m_swap = nullptr;
    QAbstractButton *m_zoomOut = nullptr;
    QAbstractButton *m_fit = nullptr;
    QAbstractButton *m_actual = nullptr;
    QAbstractButton *m_zoomIn = nullptr;
    QLabel *m_zoom = nullptr;
};
