-- Schema version 1 → 2.
-- Thumbnails move out of the series rows into their own table, so listing a study's series
-- no longer pages PNG blobs through SQLite's cache. Studies remember when they were last
-- imported (ms since the epoch, UTC), so a CD just read shows first among the recent studies;
-- NULL for studies imported before version 2. The loader sets schema_version in the same
-- transaction.

CREATE TABLE series_thumbnail (
    series_uid TEXT PRIMARY KEY REFERENCES series (series_uid) ON DELETE CASCADE,
    png BLOB NOT NULL
);
INSERT INTO series_thumbnail (series_uid, png)
    SELECT series_uid, thumbnail FROM series WHERE thumbnail IS NOT NULL;
ALTER TABLE series DROP COLUMN thumbnail;
ALTER TABLE study ADD COLUMN last_imported INTEGER;
