#include "settings/settingsdialog.h"

#include "common/colourscheme.h"
#include "common/datasize.h"
#include "i18n/languagechoice.h"
#include "jobs/jobqueue.h"
#include "media/diskusage.h"
#include "media/thumbnailcache.h"
#include "profile.h"
#include "studiosettings.h"
#include "threading/pool.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(const Services &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_server(new QLineEdit(services.settings.server().toString(), this))
    , m_serverNote(new QLabel(this))
    , m_jobs(new QSpinBox(this))
    , m_thumbMemory(new QSpinBox(this))
    , m_clearThumbs(new QPushButton(tr("Clear thumbnails"), this))
    , m_clearNote(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_calendar(new QComboBox(this))
    , m_colours(new QComboBox(this))
    , m_keepImages(new QComboBox(this))
    , m_keepNewest(new QSpinBox(this))
    , m_diskUsage(new QLabel(tr("Counting…"), this))
    , m_maskSentence(new QCheckBox(tr("Add the sentence about the highlighted area"), this))
{
    setWindowTitle(tr("Settings"));
    m_server->setPlaceholderText(QStringLiteral("https://example.org"));
    m_serverNote->setWordWrap(true);
    m_serverNote->setText(tr("Now connected to %1. A new address takes effect after a restart.")
                              .arg(services.server.toString()));
    m_serverNote->setForegroundRole(QPalette::PlaceholderText);

    auto *profile = new QLineEdit(QDir::toNativeSeparators(services.profileFolder), this);
    profile->setReadOnly(true);
    auto *open = new QPushButton(tr("Open"), this);
    connect(open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_services.profileFolder)); });
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(profile, 1);
    profileRow->addWidget(open);

    m_jobs->setRange(1, 8);
    m_jobs->setValue(services.settings.maxJobsInFlight());
    m_jobs->setToolTip(tr("How many jobs are sent to the server at the same time."));
    m_thumbMemory->setRange(16, 2048);
    m_thumbMemory->setSuffix(tr(" MiB"));
    m_thumbMemory->setValue(services.settings.thumbnailMemoryMiB());
    auto *thumbRow = new QHBoxLayout;
    thumbRow->addWidget(m_thumbMemory);
    thumbRow->addSpacing(6);
    thumbRow->addWidget(m_clearThumbs);
    thumbRow->addWidget(m_clearNote, 1);
    connect(m_clearThumbs, &QPushButton::clicked, this, &SettingsDialog::clearThumbnails);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server"), m_server);
    form->addRow(QString(), m_serverNote);
    // A row that is a layout gives its label no field to name: the buddy names the box (for a
    // screen reader) inside its row.
    auto *profileLabel = new QLabel(tr("Profile folder"), this);
    profileLabel->setBuddy(profile);
    form->addRow(profileLabel, profileRow);
    if (!services.tokenNotice.isEmpty()) {
        auto *token = new QLabel(services.tokenNotice, this);
        token->setWordWrap(true);
        token->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Sign-in"), token);
    }
    auto *thumbLabel = new QLabel(tr("Thumbnail memory"), this);
    thumbLabel->setBuddy(m_thumbMemory);
    form->addRow(thumbLabel, thumbRow);
    // The two numbers line up at the same width instead of one spanning the dialog.
    m_jobs->setMinimumWidth(m_thumbMemory->sizeHint().width());
    auto *jobsRow = new QHBoxLayout;
    jobsRow->addWidget(m_jobs);
    jobsRow->addStretch(1);
    auto *jobsLabel = new QLabel(tr("&Jobs at once"), this);
    jobsLabel->setBuddy(m_jobs); // Alt+J still reaches the box inside its row
    form->addRow(jobsLabel, jobsRow);
    m_keepImages->addItem(tr("Every image"), int(StudioSettings::KeepImages::Every));
    m_keepImages->addItem(tr("The newest images, up to"), int(StudioSettings::KeepImages::Newest));
    m_keepImages->addItem(tr("Only images I open"), int(StudioSettings::KeepImages::OnlyOpened));
    m_keepImages->setCurrentIndex(m_keepImages->findData(int(services.settings.keepImages())));
    m_keepImages->setToolTip(tr("Every image keeps the whole library for offline use; the "
                                "images come from the server in the background."));
    m_keepNewest->setRange(1, 4096);
    m_keepNewest->setSuffix(tr(" GB"));
    m_keepNewest->setValue(services.settings.keepNewestGB());
    m_keepNewest->setAccessibleName(tr("Size of the newest images to keep"));
    const auto newestChosen = [this] {
        return m_keepImages->currentData().toInt() == int(StudioSettings::KeepImages::Newest);
    };
    m_keepNewest->setEnabled(newestChosen());
    connect(m_keepImages, &QComboBox::currentIndexChanged, this,
            [this, newestChosen] { m_keepNewest->setEnabled(newestChosen()); });
    auto *keepRow = new QHBoxLayout;
    keepRow->addWidget(m_keepImages);
    keepRow->addWidget(m_keepNewest);
    keepRow->addStretch(1);
    auto *keepLabel = new QLabel(tr("&Keep on this computer"), this);
    keepLabel->setBuddy(m_keepImages);
    form->addRow(keepLabel, keepRow);
    m_diskUsage->setWordWrap(true);
    // Two lines from the start: the dialog does not jump when the figures arrive.
    m_diskUsage->setMinimumHeight(2 * m_diskUsage->fontMetrics().lineSpacing());
    m_diskUsage->setForegroundRole(QPalette::PlaceholderText);
    m_diskUsage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *diskLabel = new QLabel(tr("On disk"), this);
    diskLabel->setBuddy(m_diskUsage);
    form->addRow(diskLabel, m_diskUsage);
    m_maskSentence->setChecked(services.settings.addMaskSentence());
    m_maskSentence->setToolTip(tr("A brush edit tells the model that only the highlighted area "
                                  "of the second image is to change."));
    form->addRow(tr("Brush edits"), m_maskSentence);

    // Each language is named in its own words: a person who cannot read the current one can
    // still find theirs.
    const LanguageChoice choice(Profile(services.profileFolder).settingsPath());
    m_language->addItem(tr("As the system"), int(Translations::Language::System));
    m_language->addItem(QStringLiteral("English"), int(Translations::Language::English));
    m_language->addItem(QStringLiteral("فارسی"), int(Translations::Language::Persian));
    m_language->setCurrentIndex(m_language->findData(int(choice.language())));
    m_calendar->addItem(tr("As the language (Jalali in Persian)"),
                        int(LanguageChoice::Calendar::Automatic));
    m_calendar->addItem(tr("Jalali (solar hijri)"), int(LanguageChoice::Calendar::Jalali));
    m_calendar->addItem(tr("Gregorian"), int(LanguageChoice::Calendar::Gregorian));
    m_calendar->setCurrentIndex(m_calendar->findData(int(choice.calendar())));
    auto *languageNote = new QLabel(tr("Language and calendar apply after a restart."), this);
    languageNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(tr("&Language"), m_language);
    form->addRow(tr("&Calendar"), m_calendar);
    form->addRow(QString(), languageNote);

    m_colours->addItem(tr("As the system"), int(ColourScheme::Scheme::System));
    m_colours->addItem(tr("Light"), int(ColourScheme::Scheme::Light));
    m_colours->addItem(tr("Dark"), int(ColourScheme::Scheme::Dark));
    m_colours->setCurrentIndex(
        m_colours->findData(int(ColourScheme::fromSetting(services.settings.colourScheme()))));
    form->addRow(tr("C&olours"), m_colours);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
    m_diskPool.setMaxThreadCount(1);
    connect(&m_diskWatcher, &QFutureWatcher<DiskUsage>::finished, this,
            [this] { showDiskUsage(m_diskWatcher.result()); });
    measureDisk();
}

void SettingsDialog::measureDisk()
{
    // Walking 100,000 files takes a moment: the dialog opens at once and the figures follow.
    m_diskWatcher.setFuture(
        runInPool(m_diskPool, [images = Profile(m_services.profileFolder).imagesDir(),
                               thumbs = m_services.thumbnails.diskDir()] {
            return DiskUsage::measure(images, thumbs);
        }));
}

void SettingsDialog::showDiskUsage(const DiskUsage &usage)
{
    const QString images = dataSizeText(usage.imageBytes);
    const QString thumbs = dataSizeText(usage.thumbnailBytes);
    const int files = int(qMin<qint64>(usage.imageFiles, INT_MAX));
    m_diskUsage->setText(
        usage.freeBytes >= 0
            ? tr("Images %1 (%n file(s)) · thumbnails %2\n%3 free on this disk", nullptr, files)
                  .arg(images, thumbs, dataSizeText(usage.freeBytes))
            : tr("Images %1 (%n file(s)) · thumbnails %2", nullptr, files).arg(images, thumbs));
}

bool SettingsDialog::apply()
{
    const QUrl server = QUrl::fromUserInput(m_server->text().trimmed());
    if (!server.isValid() || (server.scheme() != u"http" && server.scheme() != u"https")
        || server.host().isEmpty()) {
        m_serverNote->setForegroundRole(QPalette::Text);
        m_serverNote->setText(tr("'%1' is not a server address; use one like "
                                 "https://example.org or http://127.0.0.1:2000.")
                                  .arg(m_server->text()));
        return false;
    }
    auto &settings = m_services.settings;
    const QUrl origin =
        server.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery);
    m_serverChanged = origin != m_services.server;
    settings.setServer(origin);
    settings.setMaxJobsInFlight(m_jobs->value());
    m_services.jobs.setMaxInFlight(m_jobs->value());
    const auto colours = ColourScheme::Scheme(m_colours->currentData().toInt());
    if (ColourScheme::toSetting(colours) != settings.colourScheme())
        ColourScheme::apply(colours);
    settings.setColourScheme(ColourScheme::toSetting(colours));
    settings.setThumbnailMemoryMiB(m_thumbMemory->value());
    settings.setKeepImages(StudioSettings::KeepImages(m_keepImages->currentData().toInt()));
    settings.setKeepNewestGB(m_keepNewest->value());
    settings.setAddMaskSentence(m_maskSentence->isChecked());
    m_services.thumbnails.setMemoryLimit(qint64(m_thumbMemory->value()) * 1024 * 1024);
    settings.sync();
    LanguageChoice choice(Profile(m_services.profileFolder).settingsPath());
    choice.setLanguage(Translations::Language(m_language->currentData().toInt()));
    choice.setCalendar(LanguageChoice::Calendar(m_calendar->currentData().toInt()));
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

void SettingsDialog::clearThumbnails()
{
    const bool cleared = m_services.thumbnails.clearDisk();
    measureDisk();
    m_clearNote->setText(cleared ? tr("Cleared; they are made again as needed.")
                                 : tr("Some thumbnails could not be removed; check the "
                                      "permissions of the profile folder."));
}
