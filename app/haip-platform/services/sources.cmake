# Reference AI services: algorithms, their catalog entries, and the result writers.
target_sources(haip_services PRIVATE
    # Contract and registry
    services/ServiceBundle.h
    services/ReferenceService.h
    services/CatalogEntry.cpp services/CatalogEntry.h
    services/ServiceRegistry.cpp services/ServiceRegistry.h
    services/ServiceSupport.cpp services/ServiceSupport.h
    services/ChestNoduleService.cpp services/ChestNoduleService.h
    services/HeadHyperdensityService.cpp services/HeadHyperdensityService.h
    services/AnomalyHeatmapService.cpp services/AnomalyHeatmapService.h
    # Input
    services/ImageVolume.cpp services/ImageVolume.h
    services/VolumeReader.cpp services/VolumeReader.h
    # Image processing
    services/VoxelGrid.h
    services/DistanceTransform.cpp services/DistanceTransform.h
    services/ConnectedComponents.cpp services/ConnectedComponents.h
    services/GaussianFilter.cpp services/GaussianFilter.h
    services/BodyOutline.cpp services/BodyOutline.h
    # Algorithms
    services/LungSegmentation.cpp services/LungSegmentation.h
    services/NoduleDetector.cpp services/NoduleDetector.h
    services/HyperdensityDetector.cpp services/HyperdensityDetector.h
    services/AnomalyMap.cpp services/AnomalyMap.h
    # Results
    services/AnalysisResult.h
    services/CodedConcept.h
    services/ResultIdentity.cpp services/ResultIdentity.h
    services/BundleBuilder.cpp services/BundleBuilder.h
    services/SegmentationWriter.cpp services/SegmentationWriter.h
    services/MeasurementReportWriter.cpp services/MeasurementReportWriter.h
    services/PresentationStateWriter.cpp services/PresentationStateWriter.h
    services/HtmlReportWriter.cpp services/HtmlReportWriter.h
    services/KeyImageRenderer.cpp services/KeyImageRenderer.h
    services/FindingsJson.cpp services/FindingsJson.h
    services/internal/DicomBytes.cpp services/internal/DicomBytes.h
)
target_link_libraries(haip_services PRIVATE DCMTK::cmr DCMTK::dcmsr DCMTK::dcmpstat Qt6::Concurrent Qt6::Gui)

# Catalog entries (JSON) and their detail pages (HTML), compiled in.
qt_add_resources(haip_services haip_services_catalog
    PREFIX /haip/services
    BASE services
    FILES
        services/catalog/chest-ct-nodule.json
        services/catalog/chest-ct-nodule.ja.html
        services/catalog/chest-ct-nodule.en.html
        services/catalog/head-ct-hyperdensity.json
        services/catalog/head-ct-hyperdensity.ja.html
        services/catalog/head-ct-hyperdensity.en.html
        services/catalog/anomaly-heatmap.json
        services/catalog/anomaly-heatmap.ja.html
        services/catalog/anomaly-heatmap.en.html
)
