target_sources(haip_ui PRIVATE
    MainWindow.cpp MainWindow.h
)

# Display: the image viewer (ui/viewer)
target_sources(haip_ui PRIVATE
    viewer/AnnotationPainter.cpp viewer/AnnotationPainter.h
    viewer/AnnotationText.cpp viewer/AnnotationText.h
    viewer/ImageView.cpp viewer/ImageView.h
    viewer/Measurement.cpp viewer/Measurement.h
    viewer/MeasurementPainter.cpp viewer/MeasurementPainter.h
    viewer/MeasurementSet.cpp viewer/MeasurementSet.h
    viewer/MemorySliceSource.cpp viewer/MemorySliceSource.h
    viewer/OverlayImage.cpp viewer/OverlayImage.h
    viewer/PatientOrientation.cpp viewer/PatientOrientation.h
    viewer/SliceImageCache.cpp viewer/SliceImageCache.h
    viewer/SliceSource.cpp viewer/SliceSource.h
    viewer/ViewTransform.cpp viewer/ViewTransform.h
    viewer/ViewerActions.cpp viewer/ViewerActions.h
    viewer/ViewerWidget.cpp viewer/ViewerWidget.h
)
