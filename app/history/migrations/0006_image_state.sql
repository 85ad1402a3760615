-- Schema 6: what the offline image mirror knows about each record's image. image_misses counts
-- the downloads that found no image where the record says one is (the real server answers a
-- missing upload with 200 text/html, its web app's page); image_gone = 1 once a miss was
-- verified (ImageMirror's rule), so the mirror does not ask again on every start and the
-- gallery says "gone from the server" instead of "waiting". Storing the file clears both.

ALTER TABLE generated_images ADD COLUMN image_misses INTEGER NOT NULL DEFAULT 0;

ALTER TABLE generated_images ADD COLUMN image_gone INTEGER NOT NULL DEFAULT 0;

-- The mirror's backlog, newest first. Partial: it holds only the records still to fetch, so it
-- shrinks to nothing as the library is saved, and a finished mirror's look at it is instant.
-- Queries name it (INDEXED BY): without statistics SQLite prefers generated_images_status and
-- reads every completed row of the table (0.12 s at 100,000 records, here 0.0003 s).
CREATE INDEX generated_images_image_backlog
    ON generated_images (account_id, created_at DESC, row_id DESC)
    WHERE status = 'completed' AND local_file IS NULL AND image_gone = 0 AND image_url IS NOT NULL;

-- The few records whose image is gone, for the mirror's counts.
CREATE INDEX generated_images_image_gone ON generated_images (account_id) WHERE image_gone = 1;
