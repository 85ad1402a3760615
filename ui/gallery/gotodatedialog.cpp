#include "gallery/gotodatedialog.h"

#include "gallery/gallerycalendar.h"

#include <QCalendarWidget>
#include <QDialogButtonBox>
#include <QVBoxLayout>

GoToDateDialog::GoToDateDialog(QWidget *parent)
    : QDialog(parent)
    , m_calendar(new QCalendarWidget(this))
{
    setWindowTitle(tr("Go to date"));
    m_calendar->setCalendar(galleryCalendar(locale()));
    m_calendar->setLocale(locale());
    m_calendar->setGridVisible(true);
    m_calendar->setAccessibleName(tr("Day to show"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_calendar);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A double click or Enter on a day chooses it, as in a date picker.
    connect(m_calendar, &QCalendarWidget::activated, this, &QDialog::accept);
}

void GoToDateDialog::setRange(QDate first, QDate last)
{
    m_calendar->setDateRange(first, last);
}

void GoToDateDialog::setDate(QDate day)
{
    m_calendar->setSelectedDate(day);
}

QDate GoToDateDialog::date() const
{
    return m_calendar->selectedDate();
}
