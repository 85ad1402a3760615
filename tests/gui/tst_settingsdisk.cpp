// Settings says what the library takes on disk (counted off the UI thread, so the dialog opens
// at once) and keeps "the newest images, up to N GB" as a choice the mirror follows.
#include "common/datasize.h"
#include "jobs/jobqueue.h"
#include "media/imagemirror.h"
#include "media/thumbnailcache.h"
#include "settings/settingsdialog.h"
#include "studiofixture.h"
#include "studiosettings.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSettingsDisk final : public QObject
{
    Q_OBJECT

private:
    static bool writeFile(const QString &path, qsizetype bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(QByteArray(bytes, 'x')) == bytes;
    }

private Q_SLOTS:
    void diskUsageIsCountedAndShown()
    {
        QTemporaryDir profile;
        AppServices::Options options;
        options.profilePath = profile.path();
        options.server = QUrl(u"http://127.0.0.1:9"_s);
        options.fileOnlyTokens = true;
        AppServices services(options);
        QVERIFY(services.open());
        // Three originals of 100 KB in the store's fan-out folders, one 30 KB thumbnail.
        const QString images = services.profile().imagesDir();
        for (int i = 0; i < 3; ++i)
            QVERIFY(writeFile(images + u"/a%1/image%1.png"_s.arg(i), qsizetype(100) * 1000));
        QVERIFY(writeFile(services.thumbnails().diskDir() + u"/t/one.jpg"_s, qsizetype(30) * 1000));

        SettingsDialog dialog({services.settings(),
                               services.jobs(),
                               services.thumbnails(),
                               services.profile().rootPath(),
                               services.server(),
                               {}});
        QTRY_VERIFY(dialog.diskUsageLabel()->text() != u"Counting…"_s);
        const QString text = dialog.diskUsageLabel()->text();
        QCOMPARE(dataSizeText(qint64(300) * 1000), u"300 KB"_s);
        QVERIFY2(text.contains(u"300 KB"_s), qPrintable(text));
        QVERIFY2(text.contains(u"(3 file"_s), qPrintable(text));
        QVERIFY2(text.contains(u"30 KB"_s), qPrintable(text));
        QVERIFY2(text.contains(u"free on this disk"_s), qPrintable(text));
    }

    void newestUpToASizeReachesTheMirror()
    {
        QTemporaryDir profile;
        AppServices::Options options;
        options.profilePath = profile.path();
        options.server = QUrl(u"http://127.0.0.1:9"_s);
        options.fileOnlyTokens = true;
        AppServices services(options);
        QVERIFY(services.open());
        QCOMPARE(services.imageMirror().byteLimit(), 0);

        SettingsDialog dialog({services.settings(),
                               services.jobs(),
                               services.thumbnails(),
                               services.profile().rootPath(),
                               services.server(),
                               {}});
        QComboBox *keep = dialog.keepImagesBox();
        QVERIFY(!dialog.keepNewestSize()->isEnabled()); // only with "the newest images"
        keep->setCurrentIndex(keep->findData(int(StudioSettings::KeepImages::Newest)));
        QVERIFY(dialog.keepNewestSize()->isEnabled());
        dialog.keepNewestSize()->setValue(3);
        QVERIFY(dialog.apply());
        QCOMPARE(services.settings().keepImages(), StudioSettings::KeepImages::Newest);
        QCOMPARE(services.settings().keepNewestGB(), 3);
        services.applyKeepImages();
        QCOMPARE(services.imageMirror().byteLimit(), 3ll * 1000 * 1000 * 1000);
        QVERIFY(services.imageMirror().isEnabled());

        keep->setCurrentIndex(keep->findData(int(StudioSettings::KeepImages::OnlyOpened)));
        QVERIFY(dialog.apply());
        services.applyKeepImages();
        QVERIFY(!services.imageMirror().isEnabled());

        // The choice is kept for the next start.
        StudioSettings again(services.profile().settingsPath());
        QCOMPARE(again.keepImages(), StudioSettings::KeepImages::OnlyOpened);
        QCOMPARE(again.keepNewestGB(), 3);
    }
};

QTEST_MAIN(TestSettingsDisk)
#include "tst_settingsdisk.moc"
