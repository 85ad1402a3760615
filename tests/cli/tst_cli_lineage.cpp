// nanobanana-cli show: a record's sources and derivatives. Generate A, edit A's file into B,
// brush edit B's file into C (as a user at a shell would, with the file `show` names), then
// `show` lists "Made from" and "Edits", and `show --json` the sources and derivatives arrays;
// the same with the server stopped.
#include "support/clirunner.h"
#include "support/devserverprocess.h"

#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList entries(const QJsonArray &array)
{
    QStringList out;
    for (const auto &value : array) {
        const auto o = value.toObject();
        out << o.value(u"id"_s).toString() + u'|' + o.value(u"kind"_s).toString() + u'|'
                   + o.value(u"prompt"_s).toString();
    }
    return out;
}

} // namespace

class TestCliLineage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showListsSourcesAndDerivatives()
    {
        QTemporaryDir work;
        DevServerProcess server;
        // The synchronous flavour answers with the record's id, which `show` takes.
        QVERIFY2(server.start({u"--flavor"_s, u"sync"_s}), qPrintable(server.errorString()));
        CliRunner cli(work.filePath(u"profile"_s), server.origin().toString());
        const auto login =
            cli.run({u"login"_s, u"--phone"_s, u"+15550004101"_s, u"--code"_s, u"123456"_s});
        QVERIFY2(login.exitCode == 0, login.describe().constData());

        const auto a = cli.run({u"--json"_s, u"generate"_s, u"a quiet harbour"_s, u"--wait"_s});
        QVERIFY2(a.exitCode == 0, a.describe().constData());
        const QString idA = a.object().value(u"imageId"_s).toString();
        const QString fileA = a.object().value(u"file"_s).toString();
        QVERIFY(!idA.isEmpty() && !fileA.isEmpty());
        const auto b = cli.run({u"--json"_s, u"edit"_s, u"add gulls"_s, u"--image"_s, fileA,
                                u"--ratio"_s, u"1:1"_s, u"--wait"_s});
        QVERIFY2(b.exitCode == 0, b.describe().constData());
        const QString idB = b.object().value(u"imageId"_s).toString();
        const QString fileB = b.object().value(u"file"_s).toString();
        QVERIFY(!idB.isEmpty() && !fileB.isEmpty());

        QImage marks(QImage(fileB).size(), QImage::Format_Grayscale8);
        QVERIFY(!marks.isNull());
        marks.fill(0);
        for (int y = 0; y < marks.height() / 2; ++y)
            std::fill(marks.scanLine(y), marks.scanLine(y) + marks.width() / 2, uchar(255));
        const QString mask = work.filePath(u"mask.png"_s);
        QVERIFY(marks.save(mask));
        const auto c = cli.run({u"--json"_s, u"edit"_s, u"a red buoy"_s, u"--image"_s, fileB,
                                u"--mask"_s, mask, u"--wait"_s});
        QVERIFY2(c.exitCode == 0, c.describe().constData());
        const QString idC = c.object().value(u"imageId"_s).toString();
        const QString promptC = c.object().value(u"prompt"_s).toString(); // with the sentence
        QVERIFY(!idC.isEmpty());

        for (const bool online : {true, false}) {
            if (!online)
                server.stop();
            const auto showB = cli.run({u"--json"_s, u"show"_s, idB});
            QVERIFY2(showB.exitCode == 0, showB.describe().constData());
            QCOMPARE(entries(showB.object().value(u"sources"_s).toArray()),
                     QStringList{idA + u"|edit|a quiet harbour"_s});
            QCOMPARE(entries(showB.object().value(u"derivatives"_s).toArray()),
                     QStringList{idC + u"|brushEdit|"_s + promptC});
            const auto showA = cli.run({u"--json"_s, u"show"_s, idA});
            QVERIFY(showA.object().value(u"sources"_s).toArray().isEmpty());
            QCOMPARE(entries(showA.object().value(u"derivatives"_s).toArray()),
                     QStringList{idB + u"|edit|add gulls"_s});

            const auto plain = cli.run({u"show"_s, idB});
            QVERIFY2(plain.exitCode == 0, plain.describe().constData());
            const QString text = QString::fromUtf8(plain.out);
            QVERIFY2(text.contains(u"Made from:   %1  Edit  a quiet harbour"_s.arg(idA)),
                     qPrintable(text));
            QVERIFY2(text.contains(u"Edits:       %1  Brush edit"_s.arg(idC)), qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliLineage)
#include "tst_cli_lineage.moc"
