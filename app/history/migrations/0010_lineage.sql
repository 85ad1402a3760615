-- Schema 10: lineage (issue 14). Every image knows what it was made from: lineage_links holds
-- one row per pair of gallery rows, the image made (to_row) and a record it was made from
-- (from_row), with the kind of link (LineageKind: edit, brushEdit, reference, regeneration).
-- Links are derived when a record arrives (its originImageUrl / referenceImageUrls matched to
-- records by address) and when a local job's result is stored (its reference copies matched
-- to records' files by content hash); app/lineage/lineagestore.cpp.

CREATE TABLE lineage_links (
    account_id TEXT NOT NULL,
    from_row INTEGER NOT NULL,
    to_row INTEGER NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (from_row, to_row)
) WITHOUT ROWID;

-- "Made from" reads by to_row; "Edits of this image" by from_row (the key).
CREATE INDEX lineage_links_to ON lineage_links (to_row, from_row);

-- A record's input address that names no record yet: history pages come newest first, so an
-- edit arrives before its source. When a record with that address arrives, the link is made
-- and the row goes. Uploaded references (/uploads/.../references/) stay here for good.
CREATE TABLE lineage_wanted (
    account_id TEXT NOT NULL,
    url_path TEXT NOT NULL,
    to_row INTEGER NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (account_id, url_path, to_row)
) WITHOUT ROWID;

CREATE INDEX lineage_wanted_row ON lineage_wanted (to_row);

-- Set once the links of the rows written before schema 10 were derived (LineageBackfill). A
-- salvaged database starts without it, so its links are derived again.
CREATE TABLE lineage_backfill (finished_at INTEGER NOT NULL);

-- The content hash a record's file carries in its name (ImageStore keeps images as
-- images/ab/<sha256>.<ext>), for matching a job's reference copies (refs/<sha256>.<ext>).
-- Virtual: computed when read, stored only in the partial index below.
ALTER TABLE generated_images ADD COLUMN file_name TEXT
    GENERATED ALWAYS AS (replace(local_file, rtrim(local_file, replace(local_file, '/', '')), '')) VIRTUAL;

ALTER TABLE generated_images ADD COLUMN file_sha256 TEXT
    GENERATED ALWAYS AS (CASE WHEN substr(file_name, 65, 1) = '.' AND substr(file_name, 1, 64) NOT GLOB '*[^0-9a-f]*' THEN substr(file_name, 1, 64) END) VIRTUAL;

CREATE INDEX generated_images_file_sha256
    ON generated_images (account_id, file_sha256) WHERE file_sha256 IS NOT NULL;

-- Input addresses are matched to records' image_url.
CREATE INDEX generated_images_image_url
    ON generated_images (account_id, image_url) WHERE image_url IS NOT NULL;

-- A job row folded into its server record (mergeJobRowInto: the survivor took its job id
-- first) hands its links and wanted addresses to the survivor; any other deleted row takes
-- its links along.
CREATE TRIGGER lineage_row_deleted AFTER DELETE ON generated_images BEGIN
    UPDATE OR IGNORE lineage_links SET from_row = (SELECT row_id FROM generated_images
            WHERE account_id = old.account_id AND job_id = old.job_id LIMIT 1)
        WHERE from_row = old.row_id AND old.job_id IS NOT NULL AND EXISTS (SELECT 1
            FROM generated_images WHERE account_id = old.account_id AND job_id = old.job_id);
    UPDATE OR IGNORE lineage_links SET to_row = (SELECT row_id FROM generated_images
            WHERE account_id = old.account_id AND job_id = old.job_id LIMIT 1)
        WHERE to_row = old.row_id AND old.job_id IS NOT NULL AND EXISTS (SELECT 1
            FROM generated_images WHERE account_id = old.account_id AND job_id = old.job_id);
    UPDATE OR IGNORE lineage_wanted SET to_row = (SELECT row_id FROM generated_images
            WHERE account_id = old.account_id AND job_id = old.job_id LIMIT 1)
        WHERE to_row = old.row_id AND old.job_id IS NOT NULL AND EXISTS (SELECT 1
            FROM generated_images WHERE account_id = old.account_id AND job_id = old.job_id);
    DELETE FROM lineage_links WHERE from_row = old.row_id OR to_row = old.row_id
        OR from_row = to_row;
    DELETE FROM lineage_wanted WHERE to_row = old.row_id;
END;
