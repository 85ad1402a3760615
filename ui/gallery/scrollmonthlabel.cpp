#include "gallery/scrollmonthlabel.h"

#include "gallery/gallerycalendar.h"
#include "gallery/gallerygrid.h"
#include "models/gallerymodel.h"

#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionSlider>

using namespace Qt::StringLiterals;

ScrollMonthLabel::ScrollMonthLabel(GalleryGrid *grid)
    : QLabel(grid)
    , m_grid(grid)
{
    setObjectName(u"scrollMonth"_s);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setFrameShape(QFrame::StyledPanel);
    setMargin(4);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    hide();
    QScrollBar *bar = grid->verticalScrollBar();
    connect(bar, &QScrollBar::sliderPressed, this, [this, bar] { follow(bar->value()); });
    connect(bar, &QScrollBar::sliderMoved, this, &ScrollMonthLabel::follow);
    connect(bar, &QScrollBar::sliderReleased, this, &QWidget::hide);
}

void ScrollMonthLabel::follow(int value)
{
    GalleryModel *model = m_grid->galleryModel();
    const int row = m_grid->firstRowAt(value);
    const QDateTime time = model && row >= 0 ? model->timeOfRow(row) : QDateTime();
    if (!time.isValid()) {
        hide();
        return;
    }
    const QLocale here = locale();
    setText(here.toString(time.toLocalTime().date(), u"MMMM yyyy", galleryCalendar(here)));
    adjustSize();
    // Beside the handle, vertically centred on it, on the side away from the window's edge.
    QScrollBar *bar = m_grid->verticalScrollBar();
    QStyleOptionSlider option;
    option.initFrom(bar);
    option.subControls = QStyle::SC_All;
    option.orientation = bar->orientation();
    option.minimum = bar->minimum();
    option.maximum = bar->maximum();
    option.sliderPosition = value;
    option.sliderValue = value;
    option.singleStep = bar->singleStep();
    option.pageStep = bar->pageStep();
    option.upsideDown = bar->invertedAppearance();
    const QRect handle = bar->style()->subControlRect(QStyle::CC_ScrollBar, &option,
                                                      QStyle::SC_ScrollBarSlider, bar);
    const QPoint centre = bar->mapTo(m_grid, handle.center());
    const QPoint barCorner = bar->mapTo(m_grid, QPoint(0, 0));
    const int x = layoutDirection() == Qt::RightToLeft ? barCorner.x() + bar->width() + 4
                                                       : barCorner.x() - width() - 4;
    const int y = qBound(0, centre.y() - height() / 2, qMax(0, m_grid->height() - height()));
    move(x, y);
    show();
    raise();
}
