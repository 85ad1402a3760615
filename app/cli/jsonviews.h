#pragma once

#include "domain/job.h"
#include "domain/records.h"
#include "history/historyrecord.h"
#include "lineage/lineagereader.h"

#include <QJsonArray>
#include <QJsonObject>

// The CLI's JSON shapes: stable keys for scripts.
QJsonObject jobToJson(const Job &job);
QJsonObject recordToJson(const HistoryRecord &record);
// A record's sources or derivatives: each its id (the server's, else the local row number that
// `show` also takes), row, kind and prompt.
QJsonArray lineageToJson(const QList<LineageEntry> &entries);
// The id `show` takes for a record: the server's, else its local row number.
QString recordKey(const HistoryRecord &record);
QJsonObject userToJson(const User &user);
QJsonObject characterToJson(const Character &character);
QString shortTime(qint64 msUtc); // local "yyyy-MM-dd HH:mm"
QString elide(const QString &text, int width);
