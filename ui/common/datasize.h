#pragma once

#include <QString>

// A size in bytes as people read it, in the interface's language and digits ("1.4 GB",
// "۱٫۴ گیگابایت"): QLocale::formattedDataSize keeps Latin units (KiB, MiB) in every language.
QString dataSizeText(qint64 bytes);
