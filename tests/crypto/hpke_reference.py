#!/usr/bin/python3
"""Independent HPKE (RFC 9180) reference for the X25519 suites, built on Debian's
python3-cryptography primitives (X25519, HMAC-SHA256, AES-GCM, ChaCha20-Poly1305) rather than
on OpenSSL's EVP calls our C++ uses. TestHpke runs it to cross-check what the RFC has no vector
for (AES-256-GCM with X25519) and the envelope's byte layout.

  hpke_reference.py check FILE      verify every value of a vector file (RFC 9180 Appendix A
                                    form) and exit 0, or print the first difference and exit 1
  hpke_reference.py compute         read one JSON object (mode, aead_id, info, ikmE, ikmR,
                                    ikmS?, psk?, psk_id?, plaintexts[], aads[], exports[]) on
                                    stdin, print the derived values as JSON on stdout
  hpke_reference.py seal-envelope   read {recipient_public, info, aead_id, chunk_size, ikmE,
                                    key_id, plaintext} and print the envelope bytes (hex) built
                                    by docs/api/envelope.md section "Request envelope"
  hpke_reference.py open-response   read the same object plus "response" (hex) and print the
                                    plaintext (hex) of that response envelope, opened as the
                                    requester would (section "Response envelope")
  hpke_reference.py open-envelope   read {recipient_private, info, envelope} and print the
                                    plaintext (hex), or an error and exit 1
  hpke_reference.py seal-response   read {recipient_private, info, envelope, response_nonce,
                                    chunk_size, plaintext}: open the request's header as the
                                    service would and print a response envelope (hex)
"""
import hashlib
import hmac
import json
import struct
import sys

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

KEM_ID = 0x0020
KDF_ID = 0x0001
# aead_id: (Nk, Nn, constructor)
AEADS = {1: (16, 12, AESGCM), 2: (32, 12, AESGCM), 3: (32, 12, ChaCha20Poly1305), 0xFFFF: (0, 0, None)}


def extract(salt, ikm):
    return hmac.new(salt if salt else b"\0" * 32, ikm, hashlib.sha256).digest()


def expand(prk, info, length):
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def labeled_extract(suite_id, salt, label, ikm):
    return extract(salt, b"HPKE-v1" + suite_id + label + ikm)


def labeled_expand(suite_id, prk, label, info, length):
    return expand(prk, struct.pack(">H", length) + b"HPKE-v1" + suite_id + label + info, length)


KEM_SUITE = b"KEM" + struct.pack(">H", KEM_ID)


def derive_key_pair(ikm):
    prk = labeled_extract(KEM_SUITE, b"", b"dkp_prk", ikm)
    sk = labeled_expand(KEM_SUITE, prk, b"sk", b"", 32)
    pk = X25519PrivateKey.from_private_bytes(sk).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return sk, pk


def dh(sk, pk):
    return X25519PrivateKey.from_private_bytes(sk).exchange(X25519PublicKey.from_public_bytes(pk))


def extract_and_expand(dh_value, kem_context):
    prk = labeled_extract(KEM_SUITE, b"", b"eae_prk", dh_value)
    return labeled_expand(KEM_SUITE, prk, b"shared_secret", kem_context, 32)


def public_of(sk):
    return X25519PrivateKey.from_private_bytes(sk).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def encap(pk_r, sk_e, sk_s=None):
    pk_e = public_of(sk_e)
    if sk_s is None:
        return extract_and_expand(dh(sk_e, pk_r), pk_e + pk_r), pk_e
    return extract_and_expand(dh(sk_e, pk_r) + dh(sk_s, pk_r), pk_e + pk_r + public_of(sk_s)), pk_e


def key_schedule(mode, aead_id, shared_secret, info, psk=b"", psk_id=b""):
    suite_id = b"HPKE" + struct.pack(">HHH", KEM_ID, KDF_ID, aead_id)
    psk_id_hash = labeled_extract(suite_id, b"", b"psk_id_hash", psk_id)
    info_hash = labeled_extract(suite_id, b"", b"info_hash", info)
    ksc = bytes([mode]) + psk_id_hash + info_hash
    secret = labeled_extract(suite_id, shared_secret, b"secret", psk)
    nk, nn, _ = AEADS[aead_id]
    key = labeled_expand(suite_id, secret, b"key", ksc, nk) if nk else b""
    base_nonce = labeled_expand(suite_id, secret, b"base_nonce", ksc, nn) if nn else b""
    exporter_secret = labeled_expand(suite_id, secret, b"exp", ksc, 32)
    return dict(suite_id=suite_id, ksc=ksc, secret=secret, key=key, base_nonce=base_nonce,
                exporter_secret=exporter_secret)


def nonce_for(base_nonce, seq):
    return bytes(a ^ b for a, b in zip(base_nonce, seq.to_bytes(len(base_nonce), "big")))


def seal(aead_id, key, nonce, aad, pt):
    return AEADS[aead_id][2](key).encrypt(nonce, pt, aad)


def export(ctx, exporter_context, length):
    return labeled_expand(ctx["suite_id"], ctx["exporter_secret"], b"sec", exporter_context, length)


def setup(v, mode, aead_id, info):
    sk_e, pk_e = derive_key_pair(bytes.fromhex(v["ikmE"]))
    sk_r, pk_r = derive_key_pair(bytes.fromhex(v["ikmR"]))
    sk_s = derive_key_pair(bytes.fromhex(v["ikmS"]))[0] if mode in (2, 3) else None
    shared, enc = encap(pk_r, sk_e, sk_s)
    psk = bytes.fromhex(v.get("psk", "")) if mode in (1, 3) else b""
    psk_id = bytes.fromhex(v.get("psk_id", "")) if mode in (1, 3) else b""
    return (sk_e, pk_e, sk_r, pk_r, sk_s, shared, enc), key_schedule(mode, aead_id, shared, info, psk, psk_id)


def check(path):
    with open(path) as f:
        vectors = json.load(f)
    for v in vectors:
        mode, aead_id, info = v["mode"], v["aead_id"], bytes.fromhex(v["info"])
        (sk_e, pk_e, sk_r, pk_r, sk_s, shared, enc), ctx = setup(v, mode, aead_id, info)
        got = dict(skEm=sk_e, pkEm=pk_e, skRm=sk_r, pkRm=pk_r, enc=enc, shared_secret=shared,
                   key_schedule_context=ctx["ksc"], secret=ctx["secret"], key=ctx["key"],
                   base_nonce=ctx["base_nonce"], exporter_secret=ctx["exporter_secret"])
        if sk_s is not None:
            got["skSm"], got["pkSm"] = sk_s, public_of(sk_s)
        for name, value in got.items():
            if value.hex() != v[name]:
                print("%s %s: computed %s, file has %s" % (v["section"], name, value.hex(), v[name]))
                return 1
        for e in v["encryptions"]:
            ct = seal(aead_id, ctx["key"], nonce_for(ctx["base_nonce"], e["seq"]), bytes.fromhex(e["aad"]),
                      bytes.fromhex(e["pt"]))
            if ct.hex() != e["ct"]:
                print("%s ct seq %d: computed %s, file has %s" % (v["section"], e["seq"], ct.hex(), e["ct"]))
                return 1
        for x in v["exports"]:
            value = export(ctx, bytes.fromhex(x["exporter_context"]), x["L"])
            if value.hex() != x["exported_value"]:
                print("%s export %s: computed %s" % (v["section"], x["exporter_context"], value.hex()))
                return 1
    print("%d vectors verified" % len(vectors))
    return 0


def compute():
    v = json.load(sys.stdin)
    mode, aead_id, info = v["mode"], v["aead_id"], bytes.fromhex(v["info"])
    (sk_e, pk_e, sk_r, pk_r, sk_s, shared, enc), ctx = setup(v, mode, aead_id, info)
    out = dict(skRm=sk_r.hex(), pkRm=pk_r.hex(), enc=enc.hex(), shared_secret=shared.hex(),
               key=ctx["key"].hex(), base_nonce=ctx["base_nonce"].hex(),
               exporter_secret=ctx["exporter_secret"].hex(), ciphertexts=[], exports=[])
    for seq, (pt, aad) in enumerate(zip(v["plaintexts"], v["aads"])):
        out["ciphertexts"].append(
            seal(aead_id, ctx["key"], nonce_for(ctx["base_nonce"], seq), bytes.fromhex(aad), bytes.fromhex(pt)).hex())
    for x in v["exports"]:
        out["exports"].append(export(ctx, bytes.fromhex(x), 32).hex())
    json.dump(out, sys.stdout)
    return 0


def request_context(v):
    aead_id, chunk_size = v["aead_id"], v["chunk_size"]
    key_id = bytes.fromhex(v.get("key_id", ""))
    flags = 0x01 if key_id else 0x00
    prefix = b"HAIP" + bytes([0x01, 0x01]) + struct.pack(">HHH", KEM_ID, KDF_ID, aead_id) + bytes([0x00, flags])
    prefix += struct.pack(">I", chunk_size) + key_id
    pk_r = bytes.fromhex(v["recipient_public"])
    sk_e = derive_key_pair(bytes.fromhex(v["ikmE"]))[0]
    shared, enc = encap(pk_r, sk_e)
    ctx = key_schedule(0, aead_id, shared, prefix + bytes.fromhex(v["info"]))
    return prefix, enc, ctx


def seal_envelope():
    """The request envelope of docs/api/envelope.md, written from the document alone."""
    v = json.load(sys.stdin)
    aead_id, chunk_size = v["aead_id"], v["chunk_size"]
    prefix, enc, ctx = request_context(v)
    confirm = export(ctx, b"HAIP envelope v1 confirm", 16)
    out = prefix + enc + confirm
    pt = bytes.fromhex(v["plaintext"])
    chunks = [pt[i:i + chunk_size] for i in range(0, len(pt), chunk_size)] or [b""]
    for index, chunk in enumerate(chunks):
        final = 1 if index == len(chunks) - 1 else 0
        aad = struct.pack(">QB", index, final)
        out += seal(aead_id, ctx["key"], nonce_for(ctx["base_nonce"], index), aad, chunk)
    sys.stdout.write(out.hex())
    return 0


def open_response():
    """Opens a response envelope as the requester, from docs/api/envelope.md alone."""
    v = json.load(sys.stdin)
    aead_id = v["aead_id"]
    _, enc, ctx = request_context(v)
    secret = export(ctx, b"HAIP envelope v1 response", 32)
    data = bytes.fromhex(v["response"])
    prefix, nonce = data[:12], data[12:44]
    if prefix[:6] != b"HAIP\x02\x01" or struct.unpack(">H", prefix[6:8])[0] != aead_id:
        print("not a response envelope for this AEAD", file=sys.stderr)
        return 1
    chunk_size = struct.unpack(">I", prefix[8:12])[0]
    prk = extract(enc + nonce, secret)
    nk, nn, aead = AEADS[aead_id]
    key = expand(prk, b"key" + prefix, nk)
    base_nonce = expand(prk, b"nonce" + prefix, nn)
    body = data[44:]
    wire = chunk_size + 16
    chunks = [body[i:i + wire] for i in range(0, len(body), wire)]
    out = b""
    for index, chunk in enumerate(chunks):
        final = 1 if index == len(chunks) - 1 else 0
        out += aead(key).decrypt(nonce_for(base_nonce, index), chunk, struct.pack(">QB", index, final))
    sys.stdout.write(out.hex())
    return 0


def decap_request(v):
    """Parses a request header (section "Request envelope") and sets up the recipient context."""
    data = bytes.fromhex(v["envelope"])
    if data[:6] != b"HAIP\x01\x01":
        raise ValueError("not a version 1 request envelope")
    kem_id, kdf_id, aead_id = struct.unpack(">HHH", data[6:12])
    mode, flags = data[12], data[13]
    chunk_size = struct.unpack(">I", data[14:18])[0]
    if (kem_id, kdf_id, mode) != (KEM_ID, KDF_ID, 0) or aead_id not in (1, 2, 3) or flags & 0xFE:
        raise ValueError("unsupported header")
    prefix_size = 18 + (8 if flags & 1 else 0)
    prefix = data[:prefix_size]
    enc = data[prefix_size:prefix_size + 32]
    confirm = data[prefix_size + 32:prefix_size + 48]
    sk_r = bytes.fromhex(v["recipient_private"])
    pk_r = public_of(sk_r)
    if flags & 1 and prefix[18:26] != hashlib.sha256(pk_r).digest()[:8]:
        raise ValueError("key id of another key")
    shared = extract_and_expand(dh(sk_r, enc), enc + pk_r)
    ctx = key_schedule(0, aead_id, shared, prefix + bytes.fromhex(v["info"]))
    if export(ctx, b"HAIP envelope v1 confirm", 16) != confirm:
        raise ValueError("key confirmation failed")
    return aead_id, chunk_size, enc, ctx, data[prefix_size + 48:]


def open_envelope():
    v = json.load(sys.stdin)
    try:
        aead_id, chunk_size, _, ctx, body = decap_request(v)
    except ValueError as e:
        print(e, file=sys.stderr)
        return 1
    wire = chunk_size + 16
    chunks = [body[i:i + wire] for i in range(0, len(body), wire)]
    out = b""
    for index, chunk in enumerate(chunks):
        final = 1 if index == len(chunks) - 1 else 0
        out += AEADS[aead_id][2](ctx["key"]).decrypt(nonce_for(ctx["base_nonce"], index), chunk,
                                                      struct.pack(">QB", index, final))
    sys.stdout.write(out.hex())
    return 0


def seal_response():
    v = json.load(sys.stdin)
    aead_id, _, enc, ctx, _ = decap_request(v)
    secret = export(ctx, b"HAIP envelope v1 response", 32)
    chunk_size = v["chunk_size"]
    nonce = bytes.fromhex(v["response_nonce"])
    prefix = b"HAIP\x02\x01" + struct.pack(">HI", aead_id, chunk_size)
    prk = extract(enc + nonce, secret)
    nk, nn, _ = AEADS[aead_id]
    key = expand(prk, b"key" + prefix, nk)
    base_nonce = expand(prk, b"nonce" + prefix, nn)
    pt = bytes.fromhex(v["plaintext"])
    chunks = [pt[i:i + chunk_size] for i in range(0, len(pt), chunk_size)] or [b""]
    out = prefix + nonce
    for index, chunk in enumerate(chunks):
        final = 1 if index == len(chunks) - 1 else 0
        out += seal(aead_id, key, nonce_for(base_nonce, index), struct.pack(">QB", index, final), chunk)
    sys.stdout.write(out.hex())
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    if len(sys.argv) == 2 and sys.argv[1] == "compute":
        sys.exit(compute())
    if len(sys.argv) == 2 and sys.argv[1] == "seal-envelope":
        sys.exit(seal_envelope())
    if len(sys.argv) == 2 and sys.argv[1] == "open-response":
        sys.exit(open_response())
    if len(sys.argv) == 2 and sys.argv[1] == "open-envelope":
        sys.exit(open_envelope())
    if len(sys.argv) == 2 and sys.argv[1] == "seal-response":
        sys.exit(seal_response())
    print(__doc__, file=sys.stderr)
    sys.exit(2)
