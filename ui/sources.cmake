# Shell: main window, study browser, theme, shared small widgets
target_sources(haip_ui PRIVATE
    MainWindow.cpp MainWindow.h
    browser/DisplayText.cpp browser/DisplayText.h
    browser/IndexSnapshot.cpp browser/IndexSnapshot.h
    browser/InitialSeries.cpp browser/InitialSeries.h
    browser/StudyBrowser.cpp browser/StudyBrowser.h
    browser/StudyBrowserModel.cpp browser/StudyBrowserModel.h
    browser/StudyFilterModel.cpp browser/StudyFilterModel.h
    browser/StudyOpener.cpp browser/StudyOpener.h
    common/AboutDialog.cpp common/AboutDialog.h
    common/AppSettings.cpp common/AppSettings.h
    common/OpenDialogs.cpp common/OpenDialogs.h
    common/ProblemsPanel.cpp common/ProblemsPanel.h
    common/ProgressStatus.cpp common/ProgressStatus.h
    common/SettingsDialog.cpp common/SettingsDialog.h
    common/ShellActions.cpp common/ShellActions.h
    common/WelcomePage.cpp common/WelcomePage.h
    common/WindowCover.cpp common/WindowCover.h
    theme/SvgIconEngine.cpp theme/SvgIconEngine.h
    theme/Theme.cpp theme/Theme.h
    theme/ThemedIcon.cpp theme/ThemedIcon.h
)

# Display: the image viewer (ui/viewer)
target_sources(haip_ui PRIVATE
    viewer/AnnotationPainter.cpp viewer/AnnotationPainter.h
    viewer/AnnotationText.cpp viewer/AnnotationText.h
    viewer/ImageView.cpp viewer/ImageView.h viewer/ImageViewInput.cpp viewer/ImageViewPaint.cpp
    viewer/LoaderSliceSource.cpp viewer/LoaderSliceSource.h
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

# Login: the sign-in page and the lock screen (core/auth underneath)
target_sources(haip_ui PRIVATE
    auth/ClinicianSession.cpp auth/ClinicianSession.h
    auth/EmergencyAccessForm.cpp auth/EmergencyAccessForm.h
    auth/LockScreen.cpp auth/LockScreen.h
    auth/LoginScreen.cpp auth/LoginScreen.h
    auth/PinInput.cpp auth/PinInput.h
)

# Catalog and web view (ui/catalog, ui/web): one sources.cmake per folder
include(${CMAKE_CURRENT_LIST_DIR}/web/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/catalog/sources.cmake)

# AI jobs: the jobs panel and the send confirmation (core/workflow underneath)
target_sources(haip_ui PRIVATE
    jobs/AiWorkflow.cpp jobs/AiWorkflow.h
    jobs/AnalysisController.cpp jobs/AnalysisController.h
    jobs/JobProgressDelegate.cpp jobs/JobProgressDelegate.h
    jobs/JobsModel.cpp jobs/JobsModel.h
    jobs/JobsPanel.cpp jobs/JobsPanel.h
    jobs/ResultListing.cpp jobs/ResultListing.h
    jobs/ResultPresenter.cpp jobs/ResultPresenter.h
    jobs/SendConfirmation.cpp jobs/SendConfirmation.h
    jobs/StudyAccessAudit.cpp jobs/StudyAccessAudit.h
)

# Results: segmentations (SEG and heat-map overlays on the viewer, the per-segment panel)
target_sources(haip_ui PRIVATE
    viewer/ColourBar.cpp viewer/ColourBar.h
    viewer/HeatmapColourMap.cpp viewer/HeatmapColourMap.h
    viewer/SegmentOverlay.cpp viewer/SegmentOverlay.h
)
include(results/sources.cmake)

# Anonymised display and series dragged onto a service
target_sources(haip_ui PRIVATE
    browser/OpenSeriesThen.cpp browser/OpenSeriesThen.h
    common/AnonymisedBadge.cpp common/AnonymisedBadge.h
)

# Results: presentation states (GSPS graphics on the viewer, the graphics-only switch)
target_sources(haip_ui PRIVATE
    viewer/GraphicOverlay.cpp viewer/GraphicOverlay.h
    viewer/PresentationStateActions.cpp viewer/PresentationStateActions.h
)
