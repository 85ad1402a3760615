#pragma once

#include <QTimer>
#include <QWidget>

// A small spinner painted from a timer (no animated image), hidden while idle.
class BusyIndicator final : public QWidget
{
    Q_OBJECT
public:
    explicit BusyIndicator(QWidget *parent = nullptr);

    bool isRunning() const { return m_timer.isActive(); }
    QSize sizeHint() const override;

public Q_SLOTS:
    void setRunning(bool running);
    void start() { setRunning(true); }
    void stop() { setRunning(false); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QTimer m_timer;
    int m_step = 0;
};
