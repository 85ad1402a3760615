#pragma once

#include <QWidget>

// Speaks a sentence to a screen reader without moving the focus. Qt's AT-SPI bridge drops
// QAccessible::Alert, and Orca does not speak a name change of an object that has no focus;
// it does speak a notification as it appears. So each sentence shows anew a one-pixel,
// unpainted object of the notification role named by that sentence. The sentence is seen
// elsewhere (a banner, the status bar, the jobs panel); this only makes it heard.
class Announcer final : public QWidget
{
    Q_OBJECT
public:
    explicit Announcer(QWidget *parent);

    // Said now, once; the same sentence again is said again (a second failure is news).
    void announce(const QString &sentence);
    QString lastSentence() const { return m_last; }

Q_SIGNALS:
    void announced(const QString &sentence);

private:
    QString m_last;
};
