-- Schema 11: the per-day count index (issue 12). The gallery spans the whole history from its
-- first paint: it needs the number of rows a filter leaves (the scroll bar's range) and, for a
-- jump, how many fall on each day. Counting them walks an index entry per row, 20-60 ms at
-- 100,000 rows and ten times that at 1,000,000; this table holds the same figures kept
-- current by triggers, so both are a sum over a few rows per day (HistoryReader::count and
-- ::buckets read it when the query has no search). Days are UTC, as HistoryBucket::lengthMs.

CREATE TABLE history_day_counts (
    account_id TEXT NOT NULL,
    day INTEGER NOT NULL, -- created_at / 86400000
    hidden INTEGER NOT NULL,
    favorite INTEGER NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (account_id, day, hidden, favorite, status, kind)
) WITHOUT ROWID;

INSERT INTO history_day_counts (account_id, day, hidden, favorite, status, kind, n)
SELECT account_id, created_at / 86400000, hidden, favorite, status, kind, count(*)
FROM generated_images
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER history_day_counts_insert AFTER INSERT ON generated_images
BEGIN
    INSERT INTO history_day_counts (account_id, day, hidden, favorite, status, kind, n)
    VALUES (new.account_id, new.created_at / 86400000, new.hidden, new.favorite, new.status,
            new.kind, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Rows whose count falls to 0 stay (the readers skip them): a row that comes and goes, a job
-- merging into its server record, reuses them.
CREATE TRIGGER history_day_counts_delete AFTER DELETE ON generated_images
BEGIN
    UPDATE history_day_counts SET n = n - 1
    WHERE account_id = old.account_id AND day = old.created_at / 86400000
      AND hidden = old.hidden AND favorite = old.favorite AND status = old.status
      AND kind = old.kind;
END;

CREATE TRIGGER history_day_counts_update
AFTER UPDATE OF account_id, created_at, hidden, favorite, status, kind ON generated_images
WHEN old.account_id IS NOT new.account_id
  OR old.created_at / 86400000 IS NOT new.created_at / 86400000
  OR old.hidden IS NOT new.hidden OR old.favorite IS NOT new.favorite
  OR old.status IS NOT new.status OR old.kind IS NOT new.kind
BEGIN
    UPDATE history_day_counts SET n = n - 1
    WHERE account_id = old.account_id AND day = old.created_at / 86400000
      AND hidden = old.hidden AND favorite = old.favorite AND status = old.status
      AND kind = old.kind;
    INSERT INTO history_day_counts (account_id, day, hidden, favorite, status, kind, n)
    VALUES (new.account_id, new.created_at / 86400000, new.hidden, new.favorite, new.status,
            new.kind, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
