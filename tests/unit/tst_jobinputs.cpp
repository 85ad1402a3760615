// keepJobInputs: a new job's references and mask are copied into the profile, and the request
// points at the copies; a file that cannot be read stops it with a sentence.
#include "jobs/jobinputs.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString writePng(const QString &path, Qt::GlobalColor colour)
{
    QImage image(6, 4, QImage::Format_RGB32);
    image.fill(colour);
    return image.save(path, "png") ? path : QString();
}

} // namespace

class TestJobInputs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiesReferencesAndMask()
    {
        QTemporaryDir dir;
        const QString refs = dir.path() + u"/refs"_s;
        JobRequest request;
        request.kind = JobKind::Edit;
        request.prompt = u"a lake"_s;
        request.referencePaths = {writePng(dir.path() + u"/a.png"_s, Qt::red),
                                  writePng(dir.path() + u"/b.png"_s, Qt::blue)};
        request.maskPath = writePng(dir.path() + u"/mask.png"_s, Qt::white);
        const auto kept = keepJobInputs(request, refs);
        QVERIFY(kept);
        const JobRequest &copy = kept.value();
        QCOMPARE(copy.prompt, request.prompt);
        QCOMPARE(copy.referencePaths.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(copy.referencePaths.at(i).startsWith(refs));
            QFile a(request.referencePaths.at(i)), b(copy.referencePaths.at(i));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(b.readAll(), a.readAll());
        }
        QVERIFY(copy.maskPath.startsWith(refs));
        QVERIFY(QFileInfo::exists(copy.maskPath));
        // The originals may go: the job keeps its own copies.
        for (const auto &path : request.referencePaths)
            QVERIFY(QFile::remove(path));
        QVERIFY(QFileInfo::exists(copy.referencePaths.at(0)));
    }

    void noMaskStaysNone()
    {
        QTemporaryDir dir;
        JobRequest request;
        request.referencePaths = {writePng(dir.path() + u"/a.png"_s, Qt::red)};
        const auto kept = keepJobInputs(request, dir.path() + u"/refs"_s);
        QVERIFY(kept);
        QVERIFY(kept.value().maskPath.isEmpty());
    }

    void unreadableReferenceIsSaid()
    {
        QTemporaryDir dir;
        JobRequest request;
        request.referencePaths = {dir.path() + u"/gone.png"_s};
        const auto kept = keepJobInputs(request, dir.path() + u"/refs"_s);
        QVERIFY(!kept);
        QVERIFY(!kept.error().userMessage.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobInputs)
#include "tst_jobinputs.moc"
