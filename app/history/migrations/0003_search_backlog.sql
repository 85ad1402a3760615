-- Schema 3: a first sync indexes prompts for search in a few large statements instead of one
-- per record. FTS5 writes an index segment at the end of every statement that touches it and
-- merges the segments as they pile up; indexing 100,000 records in a handful of statements
-- costs a third of what a trigger firing inside each write costs.
--
-- While search_backlog holds a row, records with a row id from from_row_id on are not in the
-- search index yet (HistoryStore::indexSearchBacklog adds them and empties the table). Row ids
-- only grow, so every record inserted meanwhile is one of them; the triggers below leave them
-- alone, and every older record keeps its index entry up to date as before.

CREATE TABLE search_backlog (
    from_row_id INTEGER NOT NULL,
    started_at INTEGER NOT NULL
);

DROP TRIGGER generated_images_fts_insert;
DROP TRIGGER generated_images_fts_delete;
DROP TRIGGER generated_images_fts_update;

CREATE TRIGGER generated_images_fts_insert AFTER INSERT ON generated_images
WHEN NOT EXISTS (SELECT 1 FROM search_backlog) BEGIN
    INSERT INTO images_fts (rowid, prompt)
    VALUES (new.row_id, replace(replace(replace(new.prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), ''));
END;

CREATE TRIGGER generated_images_fts_delete AFTER DELETE ON generated_images
WHEN old.row_id < coalesce((SELECT min(from_row_id) FROM search_backlog), 9223372036854775807)
BEGIN
    INSERT INTO images_fts (images_fts, rowid, prompt)
    VALUES ('delete', old.row_id, replace(replace(replace(old.prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), ''));
END;

CREATE TRIGGER generated_images_fts_update AFTER UPDATE OF prompt ON generated_images
WHEN old.prompt IS NOT new.prompt
    AND old.row_id < coalesce((SELECT min(from_row_id) FROM search_backlog), 9223372036854775807)
BEGIN
    INSERT INTO images_fts (images_fts, rowid, prompt)
    VALUES ('delete', old.row_id, replace(replace(replace(old.prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), ''));
    INSERT INTO images_fts (rowid, prompt)
    VALUES (new.row_id, replace(replace(replace(new.prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), ''));
END;
