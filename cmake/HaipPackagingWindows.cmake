# HaipPackagingWindows: the Windows MSI through CPack's WIX generator (WiX toolset 3), from the
# same WiX pieces the Linux test builds with wixl (installer/windows, tests/installer). On
# Windows: cmake --preset msvc; cmake --build --preset msvc; cpack -G WIX --config
# build/msvc/CPackConfig.cmake (docs/windows-build.md). Elsewhere this file only records the
# version and the UpgradeCode so both builds share them.

set(HAIP_WIX_DIR ${PROJECT_SOURCE_DIR}/installer/windows)
# Ties every version of the MSI together for major upgrades: never change it.
set(HAIP_MSI_UPGRADE_CODE 86D196C5-E01D-447C-B2E5-7A2D0982186E)

if(NOT WIN32)
    return()
endif()

# The Group Policy templates travel with the program (IT copies them to the central store).
install(FILES ${HAIP_WIX_DIR}/policy/haip-workstation.admx DESTINATION policy)
install(FILES ${HAIP_WIX_DIR}/policy/en-US/haip-workstation.adml DESTINATION policy/en-US)
install(FILES ${HAIP_WIX_DIR}/policy/ja-JP/haip-workstation.adml DESTINATION policy/ja-JP)

# Qt's DLLs, plugins (platforms, styles, sqldrivers, tls) and QtWebEngineProcess next to the
# programs: windeployqt on the installed executables, in the install step CPack runs.
get_target_property(_haip_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(_haip_qt_bin "${_haip_qmake}" DIRECTORY)
find_program(HAIP_WINDEPLOYQT windeployqt HINTS "${_haip_qt_bin}" REQUIRED)
install(CODE "
    execute_process(
        COMMAND \"${HAIP_WINDEPLOYQT}\" --release --no-compiler-runtime --translations en,ja
                --dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\"
                \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/haip-workstation.exe\"
                \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/haip-cli.exe\"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR \"windeployqt failed: \${result}\")
    endif()
")

# The other DLLs (DCMTK, OpenSSL 3, OpenJPEG, CharLS, libcurl, zlib from vcpkg or their own
# installers): resolved from the executables, searched in the folders of the imported targets
# and PATH; Windows' own DLLs (System32, WinSxS) stay out — vcpkg's x64-windows folders do not.
set(HAIP_RUNTIME_DLL_DIRS "" CACHE STRING "Extra folders holding the third-party DLLs to ship")
install(CODE "
    file(GET_RUNTIME_DEPENDENCIES
        EXECUTABLES \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/haip-workstation.exe\"
                    \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/haip-cli.exe\"
        DIRECTORIES ${HAIP_RUNTIME_DLL_DIRS} \$ENV{PATH}
        PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\" \"^Qt6\"
        POST_EXCLUDE_REGEXES \"[Ww][Ii][Nn][Dd][Oo][Ww][Ss].[Ss][Yy][Ss][Tt][Ee][Mm]32\"
                             \"[Ww][Ii][Nn][Dd][Oo][Ww][Ss].[Ww][Ii][Nn][Ss][Xx][Ss]\"
        RESOLVED_DEPENDENCIES_VAR haip_dlls
        UNRESOLVED_DEPENDENCIES_VAR haip_missing)
    if(haip_missing)
        message(FATAL_ERROR \"DLLs not found (add their folder to HAIP_RUNTIME_DLL_DIRS): \${haip_missing}\")
    endif()
    file(INSTALL \${haip_dlls} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
")
# The MSVC runtime (vcruntime140.dll, msvcp140.dll) inside the MSI, so no separate redistributable.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)

set(CPACK_GENERATOR WIX)
# The install rules name components for the .deb (workstation, reference); the MSI stays one
# feature holding everything, the reference programs pruned by cpack-prune.cmake as before.
set(CPACK_MONOLITHIC_INSTALL ON)
set(CPACK_PACKAGE_NAME "HAIP Clinician Workstation")
set(CPACK_PACKAGE_VENDOR "HAIP")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION}) # the one version of every artefact
set(CPACK_PACKAGE_FILE_NAME haip-workstation-${PROJECT_VERSION}-x64)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "HAIP/Clinician Workstation") # as HaipProduct.wxs
set(CPACK_WIX_ARCHITECTURE x64)
set(CPACK_WIX_UPGRADE_GUID ${HAIP_MSI_UPGRADE_CODE})
# CPACK_WIX_PRODUCT_GUID stays unset: a new ProductCode per package, every version a major upgrade.
set(CPACK_WIX_TEMPLATE ${HAIP_WIX_DIR}/WIX.template.in)
set(CPACK_WIX_PATCH_FILE ${HAIP_WIX_DIR}/cpack-patch.xml)
set(CPACK_WIX_EXTRA_SOURCES ${HAIP_WIX_DIR}/HaipPolicy.wxs ${HAIP_WIX_DIR}/HaipShell.wxs
    ${HAIP_WIX_DIR}/HaipWindowsToolset.wxs)
set(CPACK_WIX_EXTENSIONS WixUtilExtension) # util:CloseApplication
set(CPACK_WIX_CANDLE_EXTRA_FLAGS "-I${HAIP_WIX_DIR}") # <?include HaipProperties.wxi?>
# ICE38/43/57 want HKCU key paths for components in the Start menu and desktop folders, in case
# the package is installed per user; this one is per-machine only (ALLUSERS=1), so those are the
# all-users folders and the key paths stay in HKLM (nothing is written to HKCU).
set(CPACK_WIX_LIGHT_EXTRA_FLAGS "-sice:ICE38" "-sice:ICE43" "-sice:ICE57")
set(CPACK_PRE_BUILD_SCRIPTS ${HAIP_WIX_DIR}/cpack-prune.cmake)
include(CPack)
