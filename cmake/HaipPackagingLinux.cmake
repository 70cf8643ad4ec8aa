# HaipPackagingLinux: the Debian package (haip-workstation_<version>_amd64.deb) through CPack's
# DEB generator, from the files of installer/linux. Build it from a configured and built tree:
#   cpack -G DEB --config build/ci/CPackConfig.cmake -B build/ci/deb
# tests/installer/TestDebPackage builds, lints, installs and removes it.
#
# Only the install component "workstation" goes into the package: the two programs clinicians
# and IT use, and what the desktop needs around them. haip-platform and haip-vcard (component
# "reference") are the reference platform and a virtual smart card for demos and tests: a
# clinical desktop has no use for them, and a listening server or a card that signs without
# hardware on that desktop would only add attack surface.

if(WIN32 OR APPLE)
    return()
endif()

set(HAIP_LINUX_DIR ${PROJECT_SOURCE_DIR}/installer/linux)
# The release date of PROJECT_VERSION (CHANGELOG.md, AppStream, man pages, Debian changelog):
# change it together with the version in the top CMakeLists.txt.
set(HAIP_RELEASE_DATE 2026-11-27)
set(HAIP_DEB_MAINTAINER "HAIP Workstation Team <workstation@haip.example.jp>")
set(HAIP_DEB_DOCDIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/haip-workstation)
execute_process(COMMAND date -u -R -d "${HAIP_RELEASE_DATE} 00:00:00"
    OUTPUT_VARIABLE HAIP_RELEASE_DATE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)

set(_deb_gen ${CMAKE_BINARY_DIR}/installer/linux)
configure_file(${HAIP_LINUX_DIR}/jp.example.haip.workstation.metainfo.xml.in
    ${_deb_gen}/jp.example.haip.workstation.metainfo.xml @ONLY)
configure_file(${HAIP_LINUX_DIR}/haip-workstation.1.in ${_deb_gen}/haip-workstation.1 @ONLY)
configure_file(${HAIP_LINUX_DIR}/haip-cli.1.in ${_deb_gen}/haip-cli.1 @ONLY)
configure_file(${HAIP_LINUX_DIR}/changelog.Debian.in ${_deb_gen}/changelog @ONLY)

# Desktop integration: menu entry (also the handler of DICOM files), AppStream, icons.
install(FILES ${HAIP_LINUX_DIR}/haip-workstation.desktop
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications COMPONENT workstation)
install(FILES ${_deb_gen}/jp.example.haip.workstation.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo COMPONENT workstation)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/app/haip.svg
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps
    RENAME haip-workstation.svg COMPONENT workstation)
# Bitmap sizes for menus and panels that do not draw SVG, rendered at build time by rsvg-convert
# (librsvg2-bin) when it is there; the scalable icon alone is a complete hicolor theme entry.
find_program(HAIP_RSVG_CONVERT rsvg-convert)
if(HAIP_RSVG_CONVERT)
    set(_deb_pngs)
    foreach(size 16 32 48 64 128 256)
        set(png ${_deb_gen}/icons/${size}/haip-workstation.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${_deb_gen}/icons/${size}
            COMMAND ${HAIP_RSVG_CONVERT} -w ${size} -h ${size} -o ${png}
                    ${PROJECT_SOURCE_DIR}/resources/icons/app/haip.svg
            DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/app/haip.svg VERBATIM)
        list(APPEND _deb_pngs ${png})
        install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${size}x${size}/apps
            COMPONENT workstation)
    endforeach()
    add_custom_target(haip-deb-icons ALL DEPENDS ${_deb_pngs})
else()
    add_custom_target(haip-deb-icons)
    message(STATUS "rsvg-convert not found: the .deb carries the scalable icon only")
endif()

# The machine policy: a commented template, a conffile (CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA below),
# so dpkg keeps an administrator's edits on upgrade and removes the file only on purge. The path
# is fixed (core/config/PolicyStore.cpp reads exactly this file), whatever the install prefix.
install(FILES ${HAIP_LINUX_DIR}/workstation.conf DESTINATION /etc/haip
    PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ COMPONENT workstation)

# Manual pages and the Debian documentation files (gzip -9n: what Debian policy and lintian ask).
set(_deb_gz)
foreach(pair "haip-workstation.1|${CMAKE_INSTALL_MANDIR}/man1" "haip-cli.1|${CMAKE_INSTALL_MANDIR}/man1"
             "changelog|${HAIP_DEB_DOCDIR}")
    string(REPLACE "|" ";" pair "${pair}")
    list(GET pair 0 name)
    list(GET pair 1 destination)
    add_custom_command(OUTPUT ${_deb_gen}/gz/${name}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${_deb_gen}/gz
        COMMAND sh -c "gzip -9n -c '${_deb_gen}/${name}' > '${_deb_gen}/gz/${name}.gz'"
        DEPENDS ${_deb_gen}/${name} VERBATIM)
    list(APPEND _deb_gz ${_deb_gen}/gz/${name}.gz)
    install(FILES ${_deb_gen}/gz/${name}.gz DESTINATION ${destination} COMPONENT workstation)
endforeach()
add_custom_target(haip-deb-files ALL DEPENDS ${_deb_gz})
add_dependencies(haip-deb-files haip-deb-icons)
install(FILES ${HAIP_LINUX_DIR}/copyright ${PROJECT_SOURCE_DIR}/CHANGELOG.md
    ${PROJECT_SOURCE_DIR}/docs/admin-guide.md ${PROJECT_SOURCE_DIR}/docs/admin-guide.ja.md
    ${PROJECT_SOURCE_DIR}/docs/policy.md ${PROJECT_SOURCE_DIR}/docs/audit.md
    DESTINATION ${HAIP_DEB_DOCDIR} COMPONENT workstation)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME haip-workstation)
set(CPACK_PACKAGE_VENDOR "HAIP")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION}) # the one version of every artefact
set(CPACK_PACKAGE_CONTACT "${HAIP_DEB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # the RelWithDebInfo build's debug info stays out of the package
# Only the workstation component, in one package (the build directory, project, component, /).
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};workstation;/")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # haip-workstation_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HAIP_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The synopsis (CPack puts the summary first; the project DESCRIPTION is too long for one
# Debian line) and the extended description.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "clinician workstation for the HAIP medical-AI platform")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "The HAIP Clinician Workstation lets doctors view DICOM studies and send them
to the medical-AI services of the HAIP platform. Images are de-identified on
the desktop and encrypted to the chosen service before they leave; results
come back as overlays, findings and reports next to the original images.
Sign-in uses a PC/SC smart card and a one-time password. Hospital IT sets the
machine policy in /etc/haip/workstation.conf.")
# Libraries the programs link to: dpkg-shlibdeps. What Qt loads at run time is not linked, so
# named here: the WebEngine helper process (reports, catalog pages), the SQLite driver of the
# image index. pcscd is the card daemon; Japanese needs a CJK font.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6webenginecore6-bin, libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "pcscd, fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "opensc-pkcs11, pcsc-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${HAIP_LINUX_DIR}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
