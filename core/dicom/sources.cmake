# core/dicom sources, one block per area so parallel work merges cleanly.

# Value types shared by every area
target_sources(haip_core PRIVATE
    dicom/DecodedSlice.h
    dicom/DisplayInfo.h
    dicom/Frame.h
    dicom/ImagePlane.h
    dicom/InstanceInfo.h
    dicom/OverlayPlane.h
    dicom/PixelFormat.h
    dicom/Series.h
    dicom/Tag.h
)

# Parsing and decoding: DicomFile, codecs, OpenJPEG, pixel normalisation
target_sources(haip_core PRIVATE
    dicom/DicomFile.h
)

# Text: character sets
target_sources(haip_core PRIVATE
    dicom/CharsetDecoder.cpp dicom/CharsetDecoder.h
)

# Series assembly
target_sources(haip_core PRIVATE
    dicom/SeriesAssembler.h
)

# Scanning, DICOMDIR, local index, import
target_sources(haip_core PRIVATE
    dicom/DicomDirReader.cpp dicom/DicomDirReader.h
    dicom/FileScanner.cpp dicom/FileScanner.h
    dicom/ImageIndex.cpp dicom/ImageIndex.h dicom/ImageIndexQueries.cpp dicom/internal/ImageIndexImpl.h
    dicom/IndexGeometry.cpp dicom/IndexGeometry.h
    dicom/IndexLocation.cpp dicom/IndexLocation.h
    dicom/IndexSchema.cpp dicom/IndexSchema.h
    dicom/Importer.h
    dicom/SqlExec.cpp dicom/SqlExec.h
)
# The index schema lives in haip_core itself, so every program linking it can open an index.
qt_add_resources(haip_core haip_index_schema
    PREFIX "/sql"
    BASE ${PROJECT_SOURCE_DIR}/resources/sql
    FILES
        ${PROJECT_SOURCE_DIR}/resources/sql/index-schema-v1.sql
        ${PROJECT_SOURCE_DIR}/resources/sql/index-upgrade-v2.sql
)

# Phantom studies and the series loader
target_sources(haip_core PRIVATE
    dicom/Phantom.h
    dicom/SeriesLoader.h
)

# Display: window/level rendering, ROI statistics
target_sources(haip_core PRIVATE
    dicom/WindowLevelRenderer.cpp dicom/WindowLevelRenderer.h
)
