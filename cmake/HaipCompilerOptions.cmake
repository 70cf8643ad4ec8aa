# Compiler strictness shared by every target of the project (see STYLE: KeePassXC's flags).
# haip_set_strict(<target>) applies them; third-party headers come in as SYSTEM includes
# through their imported targets, so their warnings never reach us.

function(haip_set_strict target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8 /guard:cf /Zc:__cplusplus)
        if(HAIP_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wformat=2 -Wnon-virtual-dtor -Wold-style-cast
            -Woverloaded-virtual -Wshadow=local -Wcast-qual -Wimplicit-fallthrough
            -fstack-protector-strong)
        if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
            target_compile_definitions(${target} PRIVATE _FORTIFY_SOURCE=2)
        endif()
        if(HAIP_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()

if(HAIP_SANITIZE)
    string(REPLACE ";" "," _haip_sanitizers "${HAIP_SANITIZE}")
    add_compile_options(-fsanitize=${_haip_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=${_haip_sanitizers})
endif()
