#include "media/referencecopy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// copyReferenceIntoProfile(): references land in the profile under their content hash, once.
class TestReferenceCopy final : public QObject
{
    Q_OBJECT

private:
    static QString write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString refs() const { return m_dir->filePath(u"profile/refs"_s); }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void copiesUnderContentHash()
    {
        const QByteArray bytes = "not really a png";
        const auto source = write(m_dir->filePath(u"Photo.PNG"_s), bytes);
        QVERIFY(!source.isEmpty());
        const auto copied = copyReferenceIntoProfile(source, refs());
        QVERIFY2(copied.ok(), qPrintable(copied.ok() ? QString() : copied.error().userMessage));
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(copied.value(), QDir(refs()).filePath(hash + u".png"_s));
        QFile copy(copied.value());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), bytes);
        // The original may now move: the job keeps its own copy.
        QVERIFY(QFile::remove(source));
        QVERIFY(QFileInfo::exists(copied.value()));
    }

    void sameBytesShareOneCopy()
    {
        const auto a = write(m_dir->filePath(u"a.jpg"_s), "same bytes");
        const auto b = write(m_dir->filePath(u"b.jpg"_s), "same bytes");
        const auto c = write(m_dir->filePath(u"c.jpg"_s), "other bytes");
        const auto copies = copyReferencesIntoProfile({a, b, c}, refs());
        QVERIFY(copies.ok());
        QCOMPARE(copies.value().size(), 3);
        QCOMPARE(copies.value().at(0), copies.value().at(1));
        QVERIFY(copies.value().at(0) != copies.value().at(2));
        QCOMPARE(QDir(refs()).entryList(QDir::Files).size(), 2);
    }

    void noSuffixNoDot()
    {
        const auto source = write(m_dir->filePath(u"noext"_s), "x");
        const auto copied = copyReferenceIntoProfile(source, refs());
        QVERIFY(copied.ok());
        QVERIFY(!QFileInfo(copied.value()).fileName().contains(u'.'));
    }

    void missingFileSaysWhichAndWhat()
    {
        const QString missing = m_dir->filePath(u"gone.png"_s);
        const auto copied = copyReferencesIntoProfile({missing}, refs());
        QVERIFY(!copied.ok());
        QCOMPARE(copied.error().kind, ApiError::Kind::Local);
        QCOMPARE(copied.error().message.code, u"jobs.referenceUnreadable"_s);
        QCOMPARE(copied.error().message.args.value(0), QDir::toNativeSeparators(missing));
        QVERIFY(copied.error().userMessage.contains(QDir::toNativeSeparators(missing)));
        QVERIFY(copied.error().userMessage.contains(u"Check that the file exists"_s));
    }

    void unwritableProfileFails()
    {
        const auto source = write(m_dir->filePath(u"a.png"_s), "bytes");
        // A file where the references folder should be: nothing can be copied into it.
        const QString blocked = m_dir->filePath(u"blocked"_s);
        QVERIFY(!write(blocked, "a file").isEmpty());
        const auto copied = copyReferenceIntoProfile(source, blocked);
        QVERIFY(!copied.ok());
        QCOMPARE(copied.error().message.code, u"jobs.referenceCopyFailed"_s);
        QVERIFY(copied.error().userMessage.contains(u"free disk space"_s));
    }
};

QTEST_GUILESS_MAIN(TestReferenceCopy)
#include "tst_referencecopy.moc"
