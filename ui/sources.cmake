target_sources(haip_ui PRIVATE
    MainWindow.cpp MainWindow.h
)
