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
    dicom/DicomFile.cpp dicom/DicomFile.h
    dicom/internal/DatasetParser.cpp dicom/internal/DatasetParser.h
    dicom/internal/DatasetValues.cpp dicom/internal/DatasetValues.h
    dicom/internal/DisplayInfoReader.cpp
    dicom/internal/FrameNormaliser.cpp dicom/internal/FrameNormaliser.h
    dicom/internal/ImageAttributes.h
    dicom/internal/InstanceInfoReader.cpp
    dicom/internal/OpenJpegCodec.cpp dicom/internal/OpenJpegCodec.h
    dicom/internal/OpenJpegDecoder.cpp dicom/internal/OpenJpegDecoder.h
    dicom/internal/OverlayReader.cpp
    dicom/internal/PixelModule.cpp dicom/internal/PixelModule.h
    dicom/internal/PlaneReader.cpp
    dicom/internal/RawFrameReader.cpp dicom/internal/RawFrameReader.h
)

# Text: character sets
target_sources(haip_core PRIVATE
    dicom/CharsetDecoder.cpp dicom/CharsetDecoder.h
    dicom/internal/CharacterSets.cpp dicom/internal/CharacterSets.h
    dicom/internal/PlatformCodecs.cpp dicom/internal/PlatformCodecs.h
    dicom/internal/JisX0208Table.cpp
    dicom/internal/SingleByteTables.cpp
)

# Series assembly
target_sources(haip_core PRIVATE
    dicom/SeriesAssembler.cpp dicom/SeriesAssembler.h
)

# Scanning, DICOMDIR, local index, import
target_sources(haip_core PRIVATE
    dicom/DicomDirReader.cpp dicom/DicomDirReader.h
    dicom/FileScanner.cpp dicom/FileScanner.h
    dicom/ImageIndex.cpp dicom/ImageIndex.h dicom/ImageIndexQueries.cpp dicom/ImageIndexResults.cpp
    dicom/internal/ImageIndexImpl.h
    dicom/IndexGeometry.cpp dicom/IndexGeometry.h
    dicom/IndexWriter.cpp dicom/internal/IndexWriter.h
    dicom/IndexLocation.cpp dicom/IndexLocation.h
    dicom/IndexSchema.cpp dicom/IndexSchema.h
    dicom/Importer.cpp dicom/Importer.h
    dicom/SqlExec.cpp dicom/SqlExec.h
    dicom/ThumbnailMaker.cpp dicom/ThumbnailMaker.h
)
# The index schema lives in haip_core itself, so every program linking it can open an index.
qt_add_resources(haip_core haip_index_schema
    PREFIX "/sql"
    BASE ${PROJECT_SOURCE_DIR}/resources/sql
    FILES
        ${PROJECT_SOURCE_DIR}/resources/sql/index-schema-v1.sql
        ${PROJECT_SOURCE_DIR}/resources/sql/index-upgrade-v2.sql
        ${PROJECT_SOURCE_DIR}/resources/sql/index-upgrade-v3.sql
)

# Phantom studies and the series loader
target_sources(haip_core PRIVATE
    dicom/Phantom.cpp dicom/Phantom.h
    dicom/internal/ChestPhantom.cpp
    dicom/internal/HeadPhantom.cpp
    dicom/internal/PhantomModel.h
    dicom/internal/PhantomPainter.h
    dicom/internal/PhantomRandom.h
    dicom/internal/PhantomWriter.cpp dicom/internal/PhantomWriter.h
    dicom/SeriesLoader.cpp dicom/SeriesLoader.h
    dicom/SliceStore.cpp dicom/SliceStore.h
)

# Display: window/level rendering, ROI statistics
target_sources(haip_core PRIVATE
    dicom/RoiStatistics.cpp dicom/RoiStatistics.h
    dicom/WindowLevelRenderer.cpp dicom/WindowLevelRenderer.h
    dicom/WindowPresets.cpp dicom/WindowPresets.h
)

# De-identification: PS3.15 Annex E table, keyed UIDs/pseudonyms/date offsets, the de-identifier
target_sources(haip_core PRIVATE
    dicom/DeidOptions.cpp dicom/DeidOptions.h
    dicom/DeidTable.cpp dicom/DeidTable.h dicom/DeidTableRows.cpp
    dicom/Deidentifier.cpp dicom/Deidentifier.h
    dicom/internal/FileFormatBytes.cpp dicom/internal/FileFormatBytes.h
    dicom/ReidentificationStore.cpp dicom/ReidentificationStore.h
    dicom/internal/DatasetDeidentifier.cpp dicom/internal/DatasetDeidentifier.h
    dicom/internal/DeidKeys.cpp dicom/internal/DeidKeys.h
    dicom/internal/DeidText.cpp dicom/internal/DeidText.h
)

# Sending and results: lossless re-encoding for the payload, re-linking results to the original
target_sources(haip_core PRIVATE
    dicom/LosslessTranscoder.cpp dicom/LosslessTranscoder.h
    dicom/ResultRelinker.cpp dicom/ResultRelinker.h
    dicom/TagNames.cpp dicom/TagNames.h
)

# Results: segmentations (DICOM SEG reading and placement on a series)
target_sources(haip_core PRIVATE
    dicom/Segmentation.h
    dicom/SegmentationColours.cpp dicom/SegmentationColours.h
    dicom/SegmentationReader.cpp dicom/SegmentationReader.h
    dicom/SegmentPlacement.cpp dicom/SegmentPlacement.h
)
target_link_libraries(haip_core PRIVATE DCMTK::dcmseg DCMTK::dcmfg DCMTK::dcmiod)

# Results: structured reports (TID 1500 findings for the findings list)
target_sources(haip_core PRIVATE
    dicom/StructuredReport.h
    dicom/StructuredReportReader.cpp dicom/StructuredReportReader.h
    dicom/internal/WholeFile.cpp dicom/internal/WholeFile.h
)
target_link_libraries(haip_core PRIVATE DCMTK::dcmsr)

# Results: presentation states (GSPS graphics, window and spatial transformation)
target_sources(haip_core PRIVATE
    dicom/PresentationState.cpp dicom/PresentationState.h
    dicom/PresentationStateReader.cpp dicom/PresentationStateReader.h
    dicom/internal/PresentationStateGraphics.cpp dicom/internal/PresentationStateParsing.h
)
