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
    dicom/FileScanner.h
    dicom/ImageIndex.h
    dicom/Importer.h
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
    dicom/WindowLevelRenderer.h
)
