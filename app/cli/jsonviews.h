#pragma once

#include "domain/job.h"
#include "domain/records.h"
#include "history/historyrecord.h"

#include <QJsonObject>

// The CLI's JSON shapes: stable keys for scripts.
QJsonObject jobToJson(const Job &job);
QJsonObject recordToJson(const HistoryRecord &record);
QJsonObject userToJson(const User &user);
QJsonObject characterToJson(const Character &character);
QString shortTime(qint64 msUtc); // local "yyyy-MM-dd HH:mm"
QString elide(const QString &text, int width);
