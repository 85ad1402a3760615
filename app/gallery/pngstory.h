#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// An exported PNG carries its record (ImageStory builds the texts), so any image tool shows the
// prompt: iTXt chunks (UTF-8, so a Persian prompt survives; tEXt is Latin-1) right after the
// header. "Description" holds the prompt, "NanoBanana" the record as JSON (prompt, type, dates,
// record id, sources).
namespace PngStory {

using Texts = QList<std::pair<QString, QString>>; // keyword (Latin-1, 1-79 chars), UTF-8 text

// `png` with one iTXt chunk per text after IHDR; unchanged when it is not a PNG.
QByteArray withTexts(const QByteArray &png, const Texts &texts);

} // namespace PngStory
