#include "compare/compareview.h"

#include "common/datetext.h"
#include "common/elidedlabel.h"
#include "common/imagefileloader.h"
#include "jobs/maskedit.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// "1024 × 576" in the language's digits, without a thousands separator.
QString sizeText(QSize size)
{
    QLocale digits;
    digits.setNumberOptions(QLocale::OmitGroupSeparator);
    return CompareView::tr("%1 × %2", "width × height")
        .arg(digits.toString(size.width()), digits.toString(size.height()));
}

QToolButton *toolButton(const QString &text, const QString &name, const QString &tip,
                        QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setAccessibleName(name); // a reader would say "minus"
    button->setToolTip(tip);
    return button;
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
{
    m_canvas = new CompareCanvas(this);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);

    auto *bar = new QHBoxLayout;
    auto *back = new QPushButton(tr("← Back"), this);
    back->setToolTip(tr("Close the comparison (Esc)"));
    connect(back, &QPushButton::clicked, this, &CompareView::closeRequested);
    m_back = back;
    bar->addWidget(back);
    bar->addSpacing(12);
    auto *modes = new QButtonGroup(this);
    m_sideBySide = new QPushButton(tr("Side by side"), this);
    m_sideBySide->setToolTip(tr("Both images next to each other (S)"));
    m_wipe = new QPushButton(tr("Wipe"), this);
    m_wipe->setToolTip(tr("One image over the other, with a divider to drag (W); move it with "
                          "Left and Right"));
    for (auto *button : {m_sideBySide, m_wipe}) {
        button->setCheckable(true);
        modes->addButton(button);
        bar->addWidget(button);
    }
    m_sideBySide->setChecked(true);
    connect(m_sideBySide, &QAbstractButton::clicked, this,
            [this] { setMode(CompareCanvas::Mode::SideBySide); });
    connect(m_wipe, &QAbstractButton::clicked, this,
            [this] { setMode(CompareCanvas::Mode::Wipe); });
    m_swap = new QPushButton(tr("Swap"), this);
    m_swap->setToolTip(tr("Swap the two images (X)"));
    connect(m_swap, &QAbstractButton::clicked, this, &CompareView::swapSides);
    bar->addWidget(m_swap);
    bar->addStretch(1);
    m_zoomOut = toolButton(QStringLiteral("−"), tr("Zoom out"), tr("Zoom out (-)"), this);
    m_fit = toolButton(tr("Fit"), tr("Fit to window"), tr("Fit to window (0)"), this);
    m_actual = toolButton(tr("100 %"), tr("Actual size"), tr("Actual size (1)"), this);
    m_zoomIn = toolButton(QStringLiteral("+"), tr("Zoom in"), tr("Zoom in (+)"), this);
    connect(m_zoomOut, &QAbstractButton::clicked, m_canvas, &CompareCanvas::zoomOut);
    connect(m_fit, &QAbstractButton::clicked, m_canvas, &CompareCanvas::fitToWindow);
    connect(m_actual, &QAbstractButton::clicked, m_canvas, &CompareCanvas::actualSize);
    connect(m_zoomIn, &QAbstractButton::clicked, m_canvas, &CompareCanvas::zoomIn);
    for (auto *button : {m_zoomOut, m_fit, m_actual, m_zoomIn})
        bar->addWidget(button);
    m_zoom = new QLabel(this);
    m_zoom->setMinimumWidth(m_zoom->fontMetrics().horizontalAdvance(QStringLiteral("1600 %")));
    m_zoom->setAlignment(Qt::AlignCenter);
    bar->addWidget(m_zoom);
    root->addLayout(bar);
    root->addWidget(m_canvas, 1);

    // Under each picture its own facts; a row of two mirrors in right-to-left as the panes do.
    auto *infoRow = new QHBoxLayout;
    infoRow->setSpacing(8);
    infoRow->addWidget(makeInfo(m_info[0]), 1);
    infoRow->addWidget(makeInfo(m_info[1]), 1);
    root->addLayout(infoRow);

    for (int i = 0; i < 2; ++i) {
        m_loaders[i] = new ImageFileLoader(QStringLiteral("compare-decode"), this);
        connect(m_loaders[i], &ImageFileLoader::loaded, this,
                [this, i](const QImage &image, const QString &error) {
                    const Side side = m_sideOfLoader[i];
                    if (image.isNull())
                        m_canvas->setText(side, tr("This image cannot be shown: %1").arg(error));
                    else
                        m_canvas->setPixmap(side, QPixmap::fromImage(image));
                    refreshInfo();
                    Q_EMIT sideLoaded(side, !image.isNull());
                });
    }
    connect(m_canvas, &CompareCanvas::viewChanged, this, &CompareView::refreshZoom);

    const auto shortcut = [this](Qt::Key key, auto slot) {
        auto *s = new QShortcut(QKeySequence(key), this, nullptr, nullptr,
                                Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(Qt::Key_S, [this] { setMode(CompareCanvas::Mode::SideBySide); });
    shortcut(Qt::Key_W, [this] { setMode(CompareCanvas::Mode::Wipe); });
    shortcut(Qt::Key_X, [this] { swapSides(); });
    setFocusProxy(m_canvas);
    setMode(CompareCanvas::Mode::SideBySide);
}

QWidget *CompareView::makeInfo(Info &info)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(1);
    info.prompt = new ElidedLabel(box);
    QFont bold = info.prompt->font();
    bold.setBold(true);
    info.prompt->setFont(bold);
    info.details = new QLabel(box);
    info.caption = new QLabel(box);
    info.caption->setForegroundRole(QPalette::PlaceholderText);
    for (QWidget *w : {static_cast<QWidget *>(info.prompt), static_cast<QWidget *>(info.details),
                       static_cast<QWidget *>(info.caption)})
        layout->addWidget(w);
    return box;
}

void CompareView::setItems(const CompareItem &a, const CompareItem &b)
{
    m_items = {a, b};
    m_sideOfLoader = {Side::A, Side::B};
    for (const Side side : {Side::A, Side::B}) {
        m_canvas->setTitle(side, item(side).title);
        m_canvas->setPixmap(side, {});
        load(side);
    }
    m_canvas->fitToWindow();
    refreshInfo();
}

void CompareView::load(Side side)
{
    const CompareItem &it = item(side);
    ImageFileLoader *loader = m_loaders[m_sideOfLoader[0] == side ? 0 : 1];
    if (it.file.isEmpty()) {
        loader->cancel();
        m_canvas->setText(side, it.text);
        return;
    }
    m_canvas->setText(side, tr("Loading…"));
    loader->load(it.file);
}

void CompareView::setFile(Side side, const QString &file)
{
    m_items[index(side)].file = file;
    load(side);
    refreshInfo();
}

void CompareView::setMissingText(Side side, const QString &text)
{
    m_items[index(side)].text = text;
    if (m_canvas->pixmap(side).isNull())
        m_canvas->setText(side, text);
}

std::optional<CompareView::Side> CompareView::sideOf(qint64 key) const
{
    for (const Side side : {Side::A, Side::B})
        if (key != 0 && item(side).key == key)
            return side;
    return std::nullopt;
}

bool CompareView::isLoading(Side side) const
{
    return m_loaders[m_sideOfLoader[0] == side ? 0 : 1]->isLoading();
}

void CompareView::swapSides()
{
    std::swap(m_items[0], m_items[1]);
    std::swap(m_sideOfLoader[0], m_sideOfLoader[1]);
    m_canvas->swap(); // the titles go with their pictures
    refreshInfo();
}

void CompareView::setMode(CompareCanvas::Mode mode)
{
    m_canvas->setMode(mode);
    const bool wipe = mode == CompareCanvas::Mode::Wipe;
    m_wipe->setChecked(wipe);
    m_sideBySide->setChecked(!wipe);
    m_canvas->setAccessibleName(wipe ? tr("Wipe divider between A and B")
                                     : tr("Comparison, side by side"));
    refreshInfo();
}

QString CompareView::detailsText(Side side) const
{
    return m_info[index(side)].details->text();
}

QString CompareView::captionText(Side side) const
{
    return m_info[index(side)].caption->text();
}

QString CompareView::zoomText() const
{
    return m_zoom->text();
}

void CompareView::refreshInfo()
{
    QStringList described;
    for (const Side side : {Side::A, Side::B}) {
        const CompareItem &it = item(side);
        const Info &info = m_info[index(side)];
        // The user's own words on one line: a brush edit's added sentence stays in the detail.
        const QString words = MaskEdit::withoutSentence(it.prompt).simplified();
        const QString prompt = words.isEmpty() ? tr("(no prompt)") : words;
        info.prompt->setText(tr("%1: %2", "compare: side title: prompt").arg(it.title, prompt));
        QStringList facts;
        if (it.created.isValid())
            facts << DateText::dayAndTime(it.created);
        const QPixmap &pixmap = m_canvas->pixmap(side);
        if (!pixmap.isNull())
            facts << tr("%1 px", "an image's size").arg(sizeText(pixmap.size()));
        info.details->setText(facts.join(QStringLiteral(" · ")));
        const QSize scaled = m_canvas->scaledSize(side);
        info.caption->setText(
            scaled.isValid()
                ? tr("%1 scaled to %2", "B scaled to 1024 × 576").arg(it.title, sizeText(scaled))
                : QString());
        // Only when there is something to say: an empty line would squeeze the box it sits in.
        info.caption->setVisible(!info.caption->text().isEmpty());
        described << (pixmap.isNull() ? tr("%1: %2, %3", "compare: title: prompt, no picture")
                                            .arg(it.title, prompt, m_canvas->text(side))
                                      : tr("%1: %2, %3 pixels", "compare: title: prompt, size")
                                            .arg(it.title, prompt, sizeText(pixmap.size())));
    }
    m_canvas->setAccessibleDescription(described.join(QStringLiteral("; ")));
    refreshZoom();
}

void CompareView::refreshZoom()
{
    QLocale digits;
    digits.setNumberOptions(QLocale::OmitGroupSeparator);
    m_zoom->setText(m_canvas->commonSize().isEmpty()
                        ? QString()
                        : tr("%1 %", "zoom").arg(digits.toString(qRound(m_canvas->zoom() * 100))));
    m_zoom->setAccessibleName(tr("Zoom %1", "zoom 100 %").arg(m_zoom->text()));
}

void CompareView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}
