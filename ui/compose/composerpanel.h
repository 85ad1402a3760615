#pragma once

#include "domain/job.h"
#include "domain/records.h"
#include "prompts/promptservices.h"

#include <QWidget>

#include <optional>

Q_MOC_INCLUDE("mask/maskeditor.h")

class Announcer;
class AspectRatioPicker;
class Banner;
class BusyIndicator;
class CharacterPicker;
class PromptEditor;
class PromptTools;
class MaskEditor;
class QLabel;
class QPushButton;
class ReferenceStrip;
class ResolutionPicker;

// The Generate / Edit form: prompt, references, characters, ratio, resolution and the cost on
// the submit button. It only builds a JobRequest; sending it is the caller's business.
class ComposerPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ComposerPanel(JobKind kind = JobKind::Generate, QWidget *parent = nullptr);
    ComposerPanel(JobKind kind, const PromptServices &services, QWidget *parent = nullptr);

    JobKind kind() const { return m_kind; }
    void setKind(JobKind kind);

    JobRequest request() const;
    // Fills every input from an earlier request ("regenerate from history"), kind included.
    void setRequest(const JobRequest &request);
    // Adds a local image as a reference; false (with the reason shown inline) when refused.
    bool addReference(const QString &path);
    void setCharacters(const QList<Character> &characters);
    // Where pasted images are saved as PNG (e.g. the profile's refs/ folder).
    void setPasteFolder(const QString &folder);
    // Past prompts (suggestions, Recent prompts) and the style catalogue.
    void setServices(const PromptServices &services);

    // A brush edit: the mask (a grey PNG in the paste folder, white = change) over the image
    // at `imagePath`; empty paths: none.
    void setMask(const QString &imagePath, const QString &maskPath);
    QString maskPath() const { return m_maskPath; }
    QString maskedImagePath() const { return m_maskedImage; }
    // Opens the mask editor on one of the images being edited.
    void markArea(const QString &imagePath);
    // The Settings switch "Add the sentence about the highlighted area" (on by default).
    void setMaskSentenceEnabled(bool enabled);
    // The sentence shown under the prompt while a mask is set ("" when hidden).
    QString maskSentenceShown() const;

    bool canSubmit() const;
    QString submitBlockedReason() const; // empty when it can submit
    bool isBusy() const { return m_busy; }
    std::optional<double> balance() const { return m_balance; }

    PromptEditor *promptEditor() const { return m_prompt; }
    PromptTools *promptTools() const { return m_tools; }
    ReferenceStrip *referenceStrip() const { return m_references; }
    CharacterPicker *characterPicker() const { return m_characters; }
    AspectRatioPicker *aspectRatioPicker() const { return m_ratio; }
    ResolutionPicker *resolutionPicker() const { return m_resolution; }
    QPushButton *submitButton() const { return m_submit; }
    Banner *errorBanner() const { return m_banner; }
    QString balanceWarning() const; // empty when the balance covers the cost

public Q_SLOTS:
    void setBalance(double stars);
    void setCharacterThumbnail(const QString &id, const QImage &image);
    // Shows the sentence above the form; everything typed and attached stays. Ends busy.
    void showError(const QString &message);
    void clearError();
    void setBusy(bool busy);
    // Emits submitted() when the inputs allow it, else says why.
    void submit();

Q_SIGNALS:
    void submitted(const JobRequest &request);
    // The mask editor opened (tests and screenshots reach it here).
    void maskEditorOpened(MaskEditor *editor);
    void thumbnailWanted(const QString &id, const QString &url);

private:
    QLabel *sectionTitle(const QString &text, QWidget *buddy);
    void applyKind();
    // The ratio picker learns the shape of the first image being edited ("Match image").
    void matchFirstImage();
    void refreshSubmit();
    void refreshMaskSentence();
    void saveMask(const QString &imagePath, const QImage &mask);

    JobKind m_kind;
    bool m_busy = false;
    std::optional<double> m_balance;
    QString m_maskPath;
    QString m_maskedImage;
    QString m_pasteFolder;
    bool m_maskSentence = true;
    Banner *m_banner;
    PromptEditor *m_prompt;
    PromptTools *m_tools;
    QLabel *m_referencesTitle = nullptr;
    ReferenceStrip *m_references;
    QLabel *m_charactersTitle = nullptr;
    CharacterPicker *m_characters;
    AspectRatioPicker *m_ratio;
    ResolutionPicker *m_resolution;
    QLabel *m_balanceWarning;
    Announcer *m_announcer;
    BusyIndicator *m_busyIndicator;
    QLabel *m_status;
    QPushButton *m_submit;
    QLabel *m_maskNote; // the sentence added to a brush edit's prompt
};
