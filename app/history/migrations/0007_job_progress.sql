-- Schema 7: what a job's attempt got to, so a restart goes on from there (issue 15, defect 5).
-- request_sent_at: when the last byte of the request body was handed to the network; a job
-- still `submitting` without it was never seen by the server and is sent again at once.
-- reconcile_*: where the search of the history for a job of unknown outcome stands.

ALTER TABLE jobs ADD COLUMN request_sent_at INTEGER;
ALTER TABLE jobs ADD COLUMN reconcile_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN reconcile_looks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN reconcile_server_answered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN reconcile_next_at INTEGER;

-- Older versions did not record the hand-over: a job they left in flight may have reached the
-- server, so it is reconciled as before, never resent.
UPDATE jobs SET request_sent_at = coalesce(submitted_at, updated_at)
    WHERE state IN ('submitting', 'pending', 'unknown');
