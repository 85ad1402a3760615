// nanobanana-cli edit --mask: a brush edit against the dev server. Two image parts go (the
// untouched original first, byte for byte), the prompt carries the fixed sentence, the ratio
// follows the image when --ratio is absent, and the saved result keeps the unmarked pixels.
#include "jobs/maskedit.h"
#include "support/clirunner.h"
#include "support/devserverprocess.h"
#include "support/requestlog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kEditPath = u"/api/v1/nanobanana/edit"_s;

QString sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestCliMaskEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void brushEdit()
    {
        QTemporaryDir work;
        const QString log = work.filePath(u"requests.jsonl"_s);
        DevServerProcess server;
        QVERIFY2(server.start({u"--log-requests"_s, log}), qPrintable(server.errorString()));
        CliRunner cli(work.filePath(u"profile"_s), server.origin().toString());
        const QString phone = u"+15550004001"_s;
        const auto login = cli.run({u"login"_s, u"--phone"_s, phone, u"--code"_s, u"123456"_s});
        QVERIFY2(login.exitCode == 0, login.describe().constData());

        // A 16:9 picture, its right third marked.
        const QString image = work.filePath(u"street.png"_s);
        QImage picture(320, 180, QImage::Format_RGB32);
        for (int y = 0; y < 180; ++y)
            for (int x = 0; x < 320; ++x)
                picture.setPixel(x, y, qRgb(x * 255 / 320, 60, y * 255 / 180));
        QVERIFY(picture.save(image));
        const QString mask = work.filePath(u"mask.png"_s);
        QImage marks(320, 180, QImage::Format_Grayscale8);
        marks.fill(0);
        for (int y = 0; y < 180; ++y)
            std::fill(marks.scanLine(y) + 214, marks.scanLine(y) + 320, uchar(255));
        QVERIFY(marks.save(mask));

        const QString out = work.filePath(u"out"_s);
        const auto run = cli.run({u"--json"_s, u"edit"_s, u"a red tram"_s, u"--image"_s, image,
                                  u"--mask"_s, mask, u"--wait"_s, u"--out"_s, out});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.object().value(u"ratio"_s).toString(), u"16:9"_s);
        QCOMPARE(run.object().value(u"prompt"_s).toString(),
                 MaskEdit::withSentence(u"a red tram"_s));

        const auto posts = loggedPostsTo(log, kEditPath);
        QCOMPARE(posts.size(), 1);
        const auto files = posts.first().value(u"files"_s).toArray();
        QCOMPARE(files.size(), 2);
        const auto first = files.at(0).toObject();
        const auto second = files.at(1).toObject();
        QCOMPARE(first.value(u"sha256"_s).toString(), sha256(image)); // untouched, first
        QCOMPARE(qint64(first.value(u"size"_s).toDouble()), QFileInfo(image).size());
        QVERIFY(second.value(u"sha256"_s).toString() != sha256(image));

        // The server recorded the prompt with the sentence.
        const QByteArray token = server.signIn(phone);
        const auto images =
            server.request("GET", u"/api/v1/nanobanana/images?limit=5"_s, {}, {}, token);
        QCOMPARE(images.status, 200);
        QVERIFY2(images.body.contains(MaskEdit::sentenceFor(u"a red tram"_s).toUtf8()),
                 images.body.constData());

        // The saved file is the combined image; the server's own is kept in the profile.
        const QString saved = run.object().value(u"saved"_s).toString();
        QVERIFY(QFileInfo(saved).isFile());
        const QString kept = run.object().value(u"file"_s).toString();
        const QString serverOwn = MaskEdit::serverResultBeside(kept);
        QVERIFY2(!serverOwn.isEmpty(), qPrintable(kept));
        const QImage combined(saved);
        const QImage fromServer(serverOwn);
        QCOMPARE(combined.size(), fromServer.size());
        // Left of the mark: the original (scaled to the result), not the server's rendering.
        const QImage scaled =
            picture.scaled(combined.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QPoint left(combined.width() / 5, combined.height() / 2);
        QCOMPARE(combined.pixel(left), scaled.pixel(left));
        const QPoint right(combined.width() * 9 / 10, combined.height() / 2);
        QCOMPARE(combined.pixel(right),
                 fromServer.convertToFormat(QImage::Format_RGB32).pixel(right));

        // --no-keep-unmasked: the server's result as it came.
        const QString out2 = work.filePath(u"out2"_s);
        const auto plain = cli.run({u"--json"_s, u"edit"_s, u"a blue tram"_s, u"--image"_s, image,
                                    u"--mask"_s, mask, u"--no-keep-unmasked"_s, u"--ratio"_s,
                                    u"1:1"_s, u"--wait"_s, u"--out"_s, out2});
        QVERIFY2(plain.exitCode == 0, plain.describe().constData());
        QCOMPARE(plain.object().value(u"ratio"_s).toString(), u"1:1"_s);
        QVERIFY(MaskEdit::serverResultBeside(plain.object().value(u"file"_s).toString()).isEmpty());
        QCOMPARE(loggedPostsTo(log, kEditPath).last().value(u"files"_s).toArray().size(), 2);

        const auto both = cli.run({u"edit"_s, u"x"_s, u"--image"_s, image, u"--mask"_s, mask,
                                   u"--keep-unmasked"_s, u"--no-keep-unmasked"_s});
        QVERIFY2(both.exitCode == 1, both.describe().constData());
        const auto badMask = cli.run(
            {u"edit"_s, u"x"_s, u"--image"_s, image, u"--mask"_s, work.filePath(u"none.png"_s)});
        QVERIFY2(badMask.exitCode != 0, badMask.describe().constData());
        QCOMPARE(loggedPostsTo(log, kEditPath).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliMaskEdit)
#include "tst_cli_maskedit.moc"
