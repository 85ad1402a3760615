#pragma once

#include <QWidget>

class QButtonGroup;
class QAbstractButton;

// 1K / 2K / 4K as one row of segmented, mutually exclusive buttons.
class ResolutionPicker final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString resolution READ resolution WRITE setResolution NOTIFY resolutionChanged)
public:
    explicit ResolutionPicker(QWidget *parent = nullptr);

    QString resolution() const;
    // Returns false (and keeps the current one) for a resolution the backend does not accept.
    bool setResolution(const QString &resolution);
    QAbstractButton *button(const QString &resolution) const;

Q_SIGNALS:
    void resolutionChanged(const QString &resolution);

private:
    QStringList m_resolutions;
    QButtonGroup *m_group;
};
