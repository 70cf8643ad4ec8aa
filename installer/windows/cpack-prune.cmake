# cpack-prune.cmake (CPACK_PRE_BUILD_SCRIPTS): the MSI is for clinicians' desktops, so the demo
# and test programs the install tree also holds (the reference platform, the virtual card) are
# taken out of CPack's staging folder before WiX collects the files.
foreach(program haip-platform haip-vcard haip-audit-appender haip-fuzz-seeds)
    file(GLOB_RECURSE found "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/${program}.exe"
        "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/${program}.pdb")
    if(found)
        file(REMOVE ${found})
    endif()
endforeach()
