// libFuzzer: what MultipartBuilder writes, the dev server's parser (as Express/multer would)
// reads back unchanged: field names, values, file names, types and bytes
// (tests/fuzz/corpus/multipart_roundtrip/).
#include "backend/multipart.h"
#include "devserver/multipart.h"

#include <cstddef>
#include <cstdint>

namespace {

// Splits the input at 0xff bytes: a field value, a file name, a content type, file bytes...
QList<QByteArray> pieces(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\xff');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto in = pieces(data, size);
    MultipartBuilder form;
    QList<devserver::FormPart> expected;
    for (qsizetype i = 0; i + 1 < in.size(); i += 2) {
        const QByteArray name = "part" + QByteArray::number(i);
        if (in.at(i).size() % 2 == 0) {
            // A field: text, as the builder sends it (UTF-8 of the QString).
            const auto value = QString::fromUtf8(in.at(i + 1));
            form.addField(name, value);
            devserver::FormPart part;
            part.name = QString::fromLatin1(name);
            part.data = value.toUtf8();
            expected.append(part);
        } else {
            const auto fileName = QString::fromUtf8(in.at(i));
            form.addFile(name, fileName, "image/png", in.at(i + 1));
            devserver::FormPart part;
            part.name = QString::fromLatin1(name);
            part.fileName = QString::fromLatin1(MultipartBuilder::safeFileName(fileName));
            part.contentType = "image/png";
            part.data = in.at(i + 1);
            part.isFile = true;
            expected.append(part);
        }
    }
    const auto body = form.finish();
    const auto parsed =
        devserver::parseMultipart(body, devserver::multipartBoundary(form.contentType()));
    if (!parsed || parsed->parts.size() != expected.size())
        __builtin_trap();
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const auto &got = parsed->parts.at(i);
        const auto &want = expected.at(i);
        if (got.name != want.name || got.isFile != want.isFile || got.data != want.data)
            __builtin_trap();
        if (want.isFile && (got.fileName != want.fileName || got.contentType != want.contentType))
            __builtin_trap();
    }
    return 0;
}
