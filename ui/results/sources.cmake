# ui/results: AI results beside the images
target_sources(haip_ui PRIVATE
    results/FindingsPanel.cpp results/FindingsPanel.h
    results/SegmentPanel.cpp results/SegmentPanel.h
)
