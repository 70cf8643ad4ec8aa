target_sources(haip_ui PRIVATE
    MainWindow.cpp MainWindow.h
)

# Display: the image viewer (ui/viewer)
target_sources(haip_ui PRIVATE
    viewer/ViewerWidget.cpp viewer/ViewerWidget.h
)
