# core/card sources, one block per area so parallel work merges cleanly.

# APDUs and BER-TLV (shared by the PIV client and haip-vcard)
target_sources(haip_core PRIVATE
    card/Apdu.cpp card/Apdu.h
    card/BerTlv.cpp card/BerTlv.h
)

# PIV client over PC/SC
target_sources(haip_core PRIVATE
    card/ApduTransport.h
    card/Token.h
    card/PcscCard.cpp card/PcscCard.h
    card/PivClient.cpp card/PivClient.h
    card/PivToken.cpp card/PivToken.h
    card/ReaderMonitor.cpp card/ReaderMonitor.h
)

# PKCS#11 token backend: vendor middleware loaded by path. Only p11-kit's header is used (the
# OASIS PKCS#11 API); p11-kit itself is not linked.
if(WIN32)
    # No pkg-config there: point CMAKE_INCLUDE_PATH at a p11-kit source tree's headers.
    find_path(HAIP_P11KIT_INCLUDE_DIR p11-kit/pkcs11.h REQUIRED)
    target_include_directories(haip_core SYSTEM PRIVATE ${HAIP_P11KIT_INCLUDE_DIR})
else()
    pkg_check_modules(P11KIT REQUIRED p11-kit-1)
    target_include_directories(haip_core SYSTEM PRIVATE ${P11KIT_INCLUDE_DIRS})
endif()
target_sources(haip_core PRIVATE
    card/Pkcs11Module.cpp card/Pkcs11Module.h
    card/Pkcs11Token.cpp card/Pkcs11Token.h
    card/internal/Pkcs11Api.h card/internal/Pkcs11Errors.cpp
    card/internal/Pkcs11Session.cpp card/internal/Pkcs11Session.h
    card/internal/SignatureForms.cpp card/internal/SignatureForms.h
)
