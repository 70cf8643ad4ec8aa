target_sources(haip_core PRIVATE
    common/Error.cpp common/Error.h
    common/FileLock.cpp common/FileLock.h
    common/Library.cpp common/Library.h
    common/LibraryVersions.cpp common/LibraryVersions.h
    common/Result.h
    common/Translations.cpp common/Translations.h
    common/Vec3.h
)
