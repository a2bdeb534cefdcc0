-- Interviews that enter from Recall.ai or a URL: the ids Recall gives them, so a redelivered webhook
-- finds the interview it created instead of creating another. A recording.done and a bot.done of the
-- same meeting name the same bot, so both ids are unique.
ALTER TABLE interviews ADD COLUMN recall_recording_id text;
ALTER TABLE interviews ADD COLUMN recall_bot_id text;
CREATE UNIQUE INDEX interviews_recall_recording_key ON interviews (recall_recording_id) WHERE recall_recording_id IS NOT NULL;
CREATE UNIQUE INDEX interviews_recall_bot_key ON interviews (recall_bot_id) WHERE recall_bot_id IS NOT NULL;
