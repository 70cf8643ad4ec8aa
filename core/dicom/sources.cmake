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
    dicom/ImageIndex.h
    dicom/Importer.h
)

# Phantom studies and the series loader
target_sources(haip_core PRIVATE
    dicom/Phantom.h
    dicom/SeriesLoader.h
)

# Display: window/level rendering, ROI statistics
target_sources(haip_core PRIVATE
    dicom/RoiStatistics.cpp dicom/RoiStatistics.h
    dicom/WindowLevelRenderer.cpp dicom/WindowLevelRenderer.h
    dicom/WindowPresets.cpp dicom/WindowPresets.h
)
