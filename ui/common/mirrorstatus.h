#pragma once

#include <QWidget>

class ImageMirror;
class QAction;
class QLabel;
class QToolButton;

// The offline mirror's place in the status bar: "Saving for offline · 1,240 of 10,000" with a
// pause/resume button, shown only while images are still to be saved. When a pass that saved
// images ends with every one here, the status bar it sits in says so for a while.
class MirrorStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit MirrorStatus(ImageMirror &mirror, QWidget *parent = nullptr);

    QString text() const;
    QToolButton *pauseButton() const { return m_pause; }
    // The same as a checkable menu action, so the keyboard reaches it (View menu).
    QAction *pauseAction() const { return m_pauseAction; }

private:
    void refresh();
    void togglePause();

    ImageMirror &m_mirror;
    QLabel *m_label;
    QToolButton *m_pause;
    QAction *m_pauseAction;
    bool m_savedSome = false; // images were still to be saved in this pass
};
