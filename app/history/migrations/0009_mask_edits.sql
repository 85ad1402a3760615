-- Schema 10: brush edits (issue 14). A job keeps its mask (a grey PNG in the profile's
-- references, white = change) and whether the original's unmarked pixels are put back into
-- the result, so retry and regenerate send the same thing. When they are, the record's
-- local_file is the combined image and server_local_file the server's own result, kept too.

ALTER TABLE jobs ADD COLUMN mask_path TEXT;
ALTER TABLE jobs ADD COLUMN keep_unmasked INTEGER NOT NULL DEFAULT 1;
ALTER TABLE jobs ADD COLUMN server_image_path TEXT;
ALTER TABLE generated_images ADD COLUMN server_local_file TEXT;
