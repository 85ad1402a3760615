-- Schema 5: what a job tells the user is stored as a message code and its arguments
-- (UserMessage::toStorage, e.g. {"args":[],"code":"jobs.serverFailed"}), put into words only
-- when shown, so a job stored today reads in the language of the day it is read. Rows written
-- before held the English sentence: a sentence the program still says with a fixed code gets
-- that code, "The server could not make this image (it said: ...)" gets its code with the
-- server's words as the argument, and any other sentence is kept as a plain message
-- (code "text", the sentence as its argument), which reads back as itself. The same goes for
-- the error of a job's gallery row (job_id set); server records keep the server's own text.

CREATE TEMP TABLE message_codes (sentence TEXT PRIMARY KEY, stored TEXT NOT NULL);

INSERT INTO message_codes (sentence, stored) VALUES
    ('Waiting for you to sign in again; the job is kept.', '{"args":[],"code":"jobs.waitingForSignIn"}'),
    ('Cancelled here. The server may still finish this job and charge for it; it will then appear in the history.', '{"args":[],"code":"jobs.cancelledAfterSending"}'),
    ('Cancelled before it was sent; nothing was charged.', '{"args":[],"code":"jobs.cancelledBeforeSending"}'),
    ('Checking with the server whether this job arrived before the program stopped.', '{"args":[],"code":"jobs.checkingAfterRestart"}'),
    ('The connection broke after the job was sent. Checking the history to see whether the server made the image; it will not be sent twice.', '{"args":[],"code":"jobs.connectionBrokeChecking"}'),
    ('Could not check the history yet to see whether the server made this image; trying again. It will not be sent twice.', '{"args":[],"code":"jobs.historyNotReadYet"}'),
    ('The server could not make this image and kept no record of it, so nothing was charged. Retry it, or change the prompt if it keeps failing.', '{"args":[],"code":"jobs.refusedUncharged"}'),
    ('The server never confirmed this job and its history has no record of it, so nothing was charged. Retry it when you like.', '{"args":[],"code":"jobs.neverConfirmedUncharged"}'),
    ('The model refused this prompt under its content policy. Change the prompt or the references and try again.', '{"args":[],"code":"jobs.contentPolicy"}'),
    ('The server could not make this image. Try again.', '{"args":[],"code":"jobs.serverFailed"}'),
    ('Sign in before sending a job.', '{"args":[],"code":"jobs.signInFirst"}'),
    ('Write a prompt first: it tells the model what to make.', '{"args":[],"code":"jobs.promptMissing"}'),
    ('An edit needs at least one image. Add the image to edit, then send again.', '{"args":[],"code":"jobs.editNeedsImage"}'),
    ('The resolution must be 1K, 2K or 4K.', '{"args":[],"code":"jobs.resolutionRefused"}');

UPDATE jobs SET user_message = coalesce(
    (SELECT stored FROM message_codes WHERE sentence = user_message),
    CASE WHEN user_message LIKE 'The server could not make this image (it said: %). Try again; if it keeps failing, change the prompt.' THEN json_object('args', json_array(substr(user_message, 48, length(user_message) - 100)), 'code', 'jobs.serverFailedSaying') END,
    json_object('args', json_array(user_message), 'code', 'text'))
WHERE user_message <> '' AND user_message NOT LIKE '{%';

UPDATE generated_images SET error = coalesce(
    (SELECT stored FROM message_codes WHERE sentence = error),
    CASE WHEN error LIKE 'The server could not make this image (it said: %). Try again; if it keeps failing, change the prompt.' THEN json_object('args', json_array(substr(error, 48, length(error) - 100)), 'code', 'jobs.serverFailedSaying') END,
    json_object('args', json_array(error), 'code', 'text'))
WHERE job_id IS NOT NULL AND error <> '' AND error NOT LIKE '{%';

DROP TABLE message_codes;
