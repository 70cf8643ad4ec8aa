# core/config: IT policy over user settings over defaults (issue 5, "IT policy").
target_sources(haip_core PRIVATE
    config/ConfigKey.cpp
    config/ConfigKey.h
    config/EffectiveConfig.cpp
    config/EffectiveConfig.h
    config/PolicyStore.cpp
    config/PolicyStore.h
    config/RegFileFormat.cpp
    config/RegFileFormat.h
)
