# core/crypto sources, one block per area so parallel work merges cleanly.

# Shared OpenSSL plumbing
target_sources(haip_core PRIVATE
    crypto/internal/OpenSslPtr.h
)

# Envelope: HPKE (RFC 9180), chunked streaming seal, response keys, secure buffers
target_sources(haip_core PRIVATE
    crypto/SecureBuffer.cpp crypto/SecureBuffer.h
    crypto/HpkeSuite.cpp crypto/HpkeSuite.h
    crypto/PublicKey.cpp crypto/PublicKey.h
    crypto/PrivateKey.cpp crypto/PrivateKey.h
    crypto/HpkeContext.cpp crypto/HpkeContext.h
    crypto/Hpke.cpp crypto/Hpke.h
    crypto/Envelope.h
    crypto/EnvelopeWriter.cpp crypto/EnvelopeWriter.h
    crypto/EnvelopeReader.cpp crypto/EnvelopeReader.h
    crypto/ResponseKey.cpp crypto/ResponseKey.h
    crypto/ResponseWriter.cpp crypto/ResponseWriter.h
    crypto/ResponseReader.cpp crypto/ResponseReader.h
    crypto/internal/AeadCipher.cpp crypto/internal/AeadCipher.h
    crypto/internal/ChunkReader.cpp crypto/internal/ChunkReader.h
    crypto/internal/ChunkWriter.cpp crypto/internal/ChunkWriter.h
    crypto/internal/EnvelopeFormat.cpp crypto/internal/EnvelopeFormat.h
    crypto/internal/Hkdf.cpp crypto/internal/Hkdf.h
    crypto/internal/HpkeLabels.cpp crypto/internal/HpkeLabels.h
    crypto/internal/OpenSslErrors.cpp crypto/internal/OpenSslErrors.h
    crypto/internal/ResponseKeys.cpp crypto/internal/ResponseKeys.h
    crypto/internal/StreamPump.cpp crypto/internal/StreamPump.h
    crypto/internal/X25519.cpp crypto/internal/X25519.h
)

# Signatures and certificates: catalog JWS, X.509 helpers, TLS pinning
target_sources(haip_core PRIVATE
    crypto/Base64.cpp crypto/Base64.h
    crypto/Jws.cpp crypto/Jws.h
    crypto/SigningKey.cpp crypto/SigningKey.h
    crypto/SpkiPin.cpp crypto/SpkiPin.h
    crypto/VerifyingKey.cpp crypto/VerifyingKey.h
    crypto/internal/SignatureKeys.cpp crypto/internal/SignatureKeys.h
)


# TLS policy and TOTP (platform-auth)
target_sources(haip_core PRIVATE
    crypto/TlsPolicy.cpp
    crypto/TlsPolicy.h
    crypto/Totp.cpp
    crypto/Totp.h
)

# Keys kept by the OS (Secret Service / DPAPI) and small files encrypted at rest under them
target_sources(haip_core PRIVATE
    crypto/OsKeyStore.cpp crypto/OsKeyStore.h
    crypto/SealedFile.cpp crypto/SealedFile.h
)
if(NOT WIN32)
    target_link_libraries(haip_core PRIVATE PkgConfig::LIBSECRET)
else()
    target_link_libraries(haip_core PRIVATE crypt32)
endif()
