# Compiler strictness shared by every target of the project (see STYLE: KeePassXC's flags).
# haip_set_strict(<target>) applies them; third-party headers come in as SYSTEM includes
# through their imported targets, so their warnings never reach us.

# gcc's -Wshadow=local; clang (the fuzz preset) spells it differently.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set(_haip_shadow_local -Wshadow-uncaptured-local)
else()
    set(_haip_shadow_local -Wshadow=local)
endif()

function(haip_set_strict target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8 /guard:cf /Zc:__cplusplus)
        if(HAIP_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wformat=2 -Wnon-virtual-dtor -Wold-style-cast
            -Woverloaded-virtual ${_haip_shadow_local} -Wcast-qual -Wimplicit-fallthrough
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

if(HAIP_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "HAIP_FUZZ needs clang (libFuzzer): configure with the fuzz preset (package clang).")
    endif()
    # Every object gets coverage instrumentation and the sanitizers; only the fuzz executables
    # link libFuzzer's main (-fsanitize=fuzzer, tests/fuzz/CMakeLists.txt).
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
