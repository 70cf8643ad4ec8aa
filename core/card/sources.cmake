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
