#include "common/datasize.h"

#include <QCoreApplication>
#include <QLocale>

QString dataSizeText(qint64 bytes)
{
    // Decimal units, as file managers on this desktop show them.
    const QLocale locale;
    const auto scaled = [&](double unit) {
        const double value = double(bytes) / unit;
        return locale.toString(value, 'f', value < 10 ? 1 : 0);
    };
    if (bytes < 1000)
        return QCoreApplication::translate("DataSize", "%n byte(s)", nullptr, int(bytes));
    if (bytes < 1'000'000)
        return QCoreApplication::translate("DataSize", "%1 KB").arg(scaled(1e3));
    if (bytes < 1'000'000'000)
        return QCoreApplication::translate("DataSize", "%1 MB").arg(scaled(1e6));
    if (bytes < 1'000'000'000'000)
        return QCoreApplication::translate("DataSize", "%1 GB").arg(scaled(1e9));
    return QCoreApplication::translate("DataSize", "%1 TB").arg(scaled(1e12));
}
