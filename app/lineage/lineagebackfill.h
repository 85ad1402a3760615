#pragma once

#include "domain/result.h"

class HistoryDatabase;

// Derives the links of rows written before lineage existed (schema 10), or before a salvage
// rebuilt the database: every completed local job's result, and every record that names its
// inputs. Runs once per database (lineage_backfill remembers it); long on a large history,
// so the app runs it on a worker thread, after the integrity check.
class LineageBackfill final
{
public:
    explicit LineageBackfill(HistoryDatabase &database);

    // Whether the backfill has still to run.
    Result<bool> isNeeded();
    // Runs it when needed, a transaction per batch of records; how many links it stored.
    Result<int> runIfNeeded();

private:
    HistoryDatabase &m_database;
};
