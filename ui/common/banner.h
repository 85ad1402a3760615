#pragma once

#include <QFrame>

class Announcer;
class QLabel;
class QPushButton;
class QToolButton;

// An inline message bar (info, warning or error) with an optional action and a close button.
class Banner final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };
    Q_ENUM(Kind)

    explicit Banner(QWidget *parent = nullptr);

    // Shows the banner; an empty actionText hides the action button.
    void showMessage(Kind kind, const QString &text, const QString &actionText = {});
    void setClosable(bool closable);

    Kind kind() const { return m_kind; }
    QString text() const;

public Q_SLOTS:
    void dismiss();

Q_SIGNALS:
    void actionTriggered();
    void dismissed();

private:
    void applyPalette();

    Kind m_kind = Kind::Info;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    Announcer *m_announcer = nullptr;
};
