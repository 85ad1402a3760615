#pragma once

#include <QList>
#include <QWidget>

class QButtonGroup;
class QAbstractButton;

// The aspect ratios the backend accepts, as tiles drawn at their proportions; one is checked.
// Arrow keys move through the tiles and choose; Space chooses the focused tile.
class AspectRatioPicker final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString ratio READ ratio WRITE setRatio NOTIFY ratioChanged)
public:
    explicit AspectRatioPicker(QWidget *parent = nullptr);

    QString ratio() const;
    // Returns false (and keeps the current ratio) for a ratio the backend does not accept.
    bool setRatio(const QString &ratio);
    QStringList ratios() const { return m_ratios; }
    QAbstractButton *tile(const QString &ratio) const;
    // The ratio nearest to the image being edited: its tile is captioned "Match image" and
    // chosen, unless the user chose a ratio by hand since. Empty: no image, no caption.
    void setMatchedRatio(const QString &ratio);
    QString matchedRatio() const { return m_matched; }
    bool isChosenByHand() const { return m_chosenByHand; }
    // Forgets a choice by hand (a new request fills the form).
    void resetChoice() { m_chosenByHand = false; }

Q_SIGNALS:
    void ratioChanged(const QString &ratio);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void moveBy(int from, int step);

    static constexpr int kColumns = 5;
    QStringList m_ratios;
    QList<QAbstractButton *> m_tiles;
    QButtonGroup *m_group;
    QString m_matched;
    bool m_chosenByHand = false;
};
