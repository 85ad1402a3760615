#pragma once

#include <QDate>
#include <QDialog>

class QCalendarWidget;

// Asks which day of the history to show: a month calendar in the locale's own calendar
// system, limited to the days the history covers.
class GoToDateDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit GoToDateDialog(QWidget *parent = nullptr);

    void setRange(QDate first, QDate last);
    void setDate(QDate day);
    QDate date() const;
    QCalendarWidget *calendar() const { return m_calendar; }

private:
    QCalendarWidget *m_calendar;
};
