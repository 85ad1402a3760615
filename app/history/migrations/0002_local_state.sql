-- Schema 2: the persistent job outbox, the character cache and per-account sync state.

CREATE TABLE jobs (
    job_id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    prompt TEXT NOT NULL,
    aspect_ratio TEXT NOT NULL,
    resolution TEXT NOT NULL,
    reference_paths TEXT NOT NULL DEFAULT '[]',
    character_ids TEXT NOT NULL DEFAULT '[]',
    character_image_urls TEXT NOT NULL DEFAULT '[]',
    template_id TEXT,
    task_id TEXT,
    image_id TEXT,
    image_url TEXT,
    local_image_path TEXT,
    error_kind TEXT,
    server_message TEXT,
    user_message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    submitted_at INTEGER,
    completed_at INTEGER,
    updated_at INTEGER NOT NULL
);

CREATE INDEX jobs_account_state ON jobs (account_id, state, created_at);

CREATE TABLE characters (
    account_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    json TEXT NOT NULL,
    created_at INTEGER,
    cached_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE sync_state (
    account_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (account_id, key)
);
