-- Schema 1: the mirror of GET /nanobanana/images plus local columns, the indexes the gallery
-- queries need, and the prompt index. Statements end with ';' at the end of a line; a trigger
-- body ends with a line 'END;'.

CREATE TABLE generated_images (
    row_id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    id TEXT,
    user_id TEXT,
    task_id TEXT,
    prompt TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('generate', 'edit', 'other')),
    image_url TEXT,
    origin_image_url TEXT,
    reference_image_urls TEXT NOT NULL DEFAULT '[]',
    character_ids TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
    error TEXT,
    created_at INTEGER NOT NULL,
    completed_at INTEGER,
    favorite INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    local_file TEXT,
    file_size INTEGER,
    width INTEGER,
    height INTEGER,
    job_id INTEGER,
    last_seen_on_server INTEGER,
    gone_from_server INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, id)
);

-- Keyset pages, newest or oldest first: (created_at, row_id) is the cursor. The trailing
-- filter columns let a filtered page skip rows, and a count run, without reading the table.
CREATE INDEX generated_images_newest
    ON generated_images (account_id, created_at DESC, row_id DESC, hidden, favorite, status, kind);

-- The server's taskId is unique; a local job row and the server record meet on it.
CREATE UNIQUE INDEX generated_images_task
    ON generated_images (account_id, task_id) WHERE task_id IS NOT NULL;

CREATE INDEX generated_images_status
    ON generated_images (account_id, status, created_at DESC, row_id DESC, hidden, favorite, kind);

-- Favourites are few: a partial index keeps "favourites only" pages instant.
CREATE INDEX generated_images_favorite
    ON generated_images (account_id, created_at DESC, row_id DESC) WHERE favorite = 1;

CREATE INDEX generated_images_job
    ON generated_images (account_id, job_id) WHERE job_id IS NOT NULL;

-- External content: the prompt is stored once, in generated_images. The triggers index a
-- normalised prompt (Arabic yeh/kaf as Persian, no zero-width non-joiner) so that the ways
-- people type Persian all match; queries normalise their terms the same way.
CREATE VIRTUAL TABLE images_fts USING fts5(
    prompt,
    content = 'generated_images',
    content_rowid = 'row_id',
    -- No per-row token counts: they only serve bm25 ranking, which the gallery does not use
    -- (it orders by time), and cost an extra write per record.
    columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER generated_images_fts_insert AFTER INSERT ON generated_images BEGIN
    INSERT INTO images_fts (rowid, prompt)
    VALUES (new.row_id, replace(replace(replace(new.prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), ''));
END;

CREATE TRIGGER generated_images_fts_delete AFTER DELETE ON generated_images BEGIN
    INSERT INTO images_fts (images_fts, rowid, prompt)
    VALUES ('delete', old.row_id, replace(replace(replace(old.prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), ''));
END;

CREATE TRIGGER generated_images_fts_update AFTER UPDATE OF prompt ON generated_images
WHEN old.prompt IS NOT new.prompt BEGIN
    INSERT INTO images_fts (images_fts, rowid, prompt)
    VALUES ('delete', old.row_id, replace(replace(replace(old.prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), ''));
    INSERT INTO images_fts (rowid, prompt)
    VALUES (new.row_id, replace(replace(replace(new.prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), ''));
END;
