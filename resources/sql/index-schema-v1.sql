-- The local image index, schema version 1: patients, studies, series and instances as the
-- study browser lists them, with everything needed to re-open a series without re-reading
-- its files. Applied in one transaction to an empty database; later versions are reached by
-- the index-upgrade-v<N>.sql scripts, each in its own transaction, in order.
-- Script rules (the loader splits on them): one statement per ';' at the end of a line,
-- comments on their own lines starting with '--'.

CREATE TABLE schema_version (
    version INTEGER NOT NULL
);
INSERT INTO schema_version (version) VALUES (1);

-- Patient ID alone is no key: it is empty on anonymised files and reused across hospitals.
CREATE TABLE patient (
    id INTEGER PRIMARY KEY,
    patient_id TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    birth_date TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '',
    UNIQUE (patient_id, patient_name)
);

-- Dates and times as stored in DICOM (DA, TM); last_opened in ms since the epoch (UTC),
-- NULL when never opened in the viewer.
CREATE TABLE study (
    study_uid TEXT PRIMARY KEY,
    patient INTEGER NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    study_date TEXT NOT NULL DEFAULT '',
    study_time TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    accession_number TEXT NOT NULL DEFAULT '',
    study_id TEXT NOT NULL DEFAULT '',
    referring_physician TEXT NOT NULL DEFAULT '',
    last_opened INTEGER
);
CREATE INDEX study_by_patient ON study (patient);

-- thumbnail: PNG of the series' middle image, about 128 pixels.
CREATE TABLE series (
    series_uid TEXT PRIMARY KEY,
    study_uid TEXT NOT NULL REFERENCES study (study_uid) ON DELETE CASCADE,
    modality TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    series_number INTEGER NOT NULL DEFAULT 0,
    body_part TEXT NOT NULL DEFAULT '',
    institution_name TEXT NOT NULL DEFAULT '',
    thumbnail BLOB
);
CREATE INDEX series_by_study ON series (study_uid);

-- One row per SOP instance. path, file_size and file_mtime (ms since the epoch) tell a
-- re-import whether the file is unchanged. geometry: JSON with the plane of frame 0 and, for
-- enhanced multi-frame instances, one plane per frame.
CREATE TABLE instance (
    sop_instance_uid TEXT PRIMARY KEY,
    series_uid TEXT NOT NULL REFERENCES series (series_uid) ON DELETE CASCADE,
    path TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    file_mtime INTEGER NOT NULL,
    sop_class_uid TEXT NOT NULL DEFAULT '',
    frame_of_reference_uid TEXT NOT NULL DEFAULT '',
    transfer_syntax_uid TEXT NOT NULL DEFAULT '',
    specific_character_set TEXT NOT NULL DEFAULT '',
    acquisition_number INTEGER NOT NULL DEFAULT 0,
    instance_number INTEGER NOT NULL DEFAULT 0,
    has_pixel_data INTEGER NOT NULL DEFAULT 0,
    rows INTEGER NOT NULL DEFAULT 0,
    columns INTEGER NOT NULL DEFAULT 0,
    number_of_frames INTEGER NOT NULL DEFAULT 0,
    samples_per_pixel INTEGER NOT NULL DEFAULT 0,
    bits_allocated INTEGER NOT NULL DEFAULT 0,
    bits_stored INTEGER NOT NULL DEFAULT 0,
    pixel_representation INTEGER NOT NULL DEFAULT 0,
    photometric_interpretation TEXT NOT NULL DEFAULT '',
    slice_location REAL,
    geometry TEXT NOT NULL
);
CREATE INDEX instance_by_series ON instance (series_uid);
CREATE INDEX instance_by_path ON instance (path);
