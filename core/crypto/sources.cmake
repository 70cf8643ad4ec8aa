# core/crypto sources, one block per area so parallel work merges cleanly.

# Shared OpenSSL plumbing
target_sources(haip_core PRIVATE
    crypto/internal/OpenSslPtr.h
)

# Envelope: HPKE (RFC 9180), chunked streaming seal, response keys, secure buffers

# Signatures and certificates: catalog JWS, X.509 helpers, TLS pinning

# TLS policy and TOTP (platform-auth)
target_sources(haip_core PRIVATE
    crypto/TlsPolicy.cpp
    crypto/TlsPolicy.h
    crypto/Totp.cpp
    crypto/Totp.h
)
