-- Schema version 2 → 3.
-- AI results kept with their study: one row per completed analysis job, so the study browser can
-- say a study has AI results and re-opening its series shows them again. The job store keeps the
-- job and its result files (encrypted records, workflow::JobStore); removing the job removes its
-- row. Rows are not tied to the study table: a result stays listed while its study is re-imported.
-- completed: ms since the epoch, UTC.

CREATE TABLE ai_result (
    job_id TEXT PRIMARY KEY,
    study_uid TEXT NOT NULL,
    series_uid TEXT NOT NULL,
    service_id TEXT NOT NULL,
    service_name TEXT NOT NULL,
    completed INTEGER NOT NULL
);
CREATE INDEX ai_result_by_study ON ai_result (study_uid, completed);
