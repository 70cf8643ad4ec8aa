# Compiles through ccache when it is installed, so a clean clone (CI) reuses what an earlier build
# of the same sources compiled. Paths under the source tree are rewritten relative to the build
# directory and the working directory is left out of the hash: where the clone lies does not
# matter. (The debug info then names the paths of the build that filled the cache.)
option(HAIP_CCACHE "Compile through ccache when it is installed" ON)
find_program(HAIP_CCACHE_PROGRAM ccache)
if(HAIP_CCACHE AND HAIP_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(_haip_launcher ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${PROJECT_SOURCE_DIR} CCACHE_NOHASHDIR=1
        ${HAIP_CCACHE_PROGRAM})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${_haip_launcher})
    set(CMAKE_C_COMPILER_LAUNCHER ${_haip_launcher})
endif()
