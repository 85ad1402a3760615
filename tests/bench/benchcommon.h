#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// Small helpers shared by the benchmark programs: figures, percentiles, peak memory, output.
namespace Bench {

// Peak resident set size of this process in KiB (VmHWM), 0 when unknown.
qint64 peakRssKib();
// The p-th percentile (0..100) of `samples` by nearest rank; 0 for an empty list.
double percentile(QList<double> samples, double p);
// Prints `object` as one line of JSON on stdout and flushes.
void printJson(const QJsonObject &object);
// Prints a message to stderr, prefixed with the program name, and returns `code`.
int fail(const QString &message, int code = 1);

} // namespace Bench
