# core/card sources, one block per area so parallel work merges cleanly.

# APDUs and BER-TLV (shared by the PIV client and haip-vcard)
target_sources(haip_core PRIVATE
    card/Apdu.cpp card/Apdu.h
    card/BerTlv.cpp card/BerTlv.h
)
