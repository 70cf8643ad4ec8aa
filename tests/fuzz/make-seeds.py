#!/usr/bin/python3
# Writes the hand-made seeds of the fuzz targets whose inputs are small formats (api_json: the
# API's JSON answers and problem documents; piv: scripted card sessions) and the libFuzzer
# dictionaries of the JSON targets, into tests/fuzz. Run by make-seeds.sh after haip-fuzz-seeds
# (which writes the seeds the project's own code produces). Needs Debian's python3-cryptography
# (for a card certificate): run with /usr/bin/python3.
import datetime
import gzip
import json
import os
import struct
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

here = os.path.dirname(os.path.abspath(__file__))


def save(target, name, data):
    folder = os.path.join(here, "seeds", target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def compact(o):
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"))


# --- api_json: answers as docs/api/openapi.yaml describes them ----------------------------
job = {
    "jobId": "0123456789abcdef0123456789abcdef",
    "serviceId": "chest-ct-nodule",
    "clientRequestId": "c0ffee",
    "state": "IN PROGRESS",
    "upsState": "IN PROGRESS",
    "progress": 40,
    "stage": "analysing",
    "upload": {"chunkSize": 8388608, "maxChunkSize": 67108864, "totalBytes": 1000, "receivedBytes": 1000,
               "committed": True},
}
save("api_json", "job-in-progress.json", compact(job))
done = dict(job, state="COMPLETED", upsState="COMPLETED", progress=100,
            result={"size": 123456, "sha256": "ab" * 32})
save("api_json", "job-completed.json", compact(done))
problem = {"type": "https://haip.example.jp/problems/rate-limited", "title": "Too many requests",
           "status": 429, "detail": "try later", "instance": "/v1/jobs", "retryAfterSeconds": 30}
failed = dict(job, state="FAILED", upsState="COMPLETED", failure=problem)
save("api_json", "job-failed.json", compact(failed))
save("api_json", "problem-rate-limited.json", "120\n" + compact(problem))
save("api_json", "problem-blank.json", compact({"type": "about:blank", "title": "Not Found", "status": 404}))
save("api_json", "login-card.json", compact({
    "loginId": "l-1", "clinician": {"id": "doc-0001", "nameJa": "山田 太郎", "nameRomaji": "YAMADA Taro",
                                    "profession": "physician"}}))
save("api_json", "nested.json", '{"a":[[[[{"b":[1.5e3,-0.0,true,null,"\\u00e9\\ud83d\\ude00"]}]]]]}')

# --- piv: a script of response APDUs (2-byte length + data + status word) ----------------------
key = ec.generate_private_key(ec.SECP256R1())
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "YAMADA Taro"),
                  x509.NameAttribute(NameOID.ORGANIZATION_NAME, "HAIP fuzz hospital")])
now = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(7).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=3650))
        .sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER))


def tlv(tag, value):
    t = tag.to_bytes((tag.bit_length() + 7) // 8, "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + n.to_bytes(2, "big")
    return t + length + value


def script(*answers):
    return b"".join(struct.pack(">H", len(a)) + a for a in answers)


OK = b"\x90\x00"
select = tlv(0x61, tlv(0x4F, bytes.fromhex("000010000100")) + tlv(0x79, tlv(0x4F, bytes.fromhex("A000000308")))) + OK
obj = tlv(0x53, tlv(0x70, cert) + tlv(0x71, b"\x00") + tlv(0xFE, b""))
# GET DATA answered in two parts (61xx, GET RESPONSE), as cards do beyond 256 bytes.
get_data = [obj[:256] + bytes([0x61, (len(obj) - 256) & 0xFF]), obj[256:] + OK]
ecc_sig = tlv(0x7C, tlv(0x82, bytes.fromhex("3044") + tlv(0x02, b"\x11" * 32) + tlv(0x02, b"\x22" * 32))) + OK
rsa_sig = [OK, tlv(0x7C, tlv(0x82, b"\x33" * 256)) + OK]  # command chaining: the first part gets 9000
save("piv", "session-ecc.bin", script(select, *get_data, b"\x63\xC3", OK, ecc_sig, *rsa_sig))
zobj = tlv(0x53, tlv(0x70, gzip.compress(cert, mtime=0)) + tlv(0x71, b"\x01") + tlv(0xFE, b""))
save("piv", "session-gzip.bin", script(select, zobj + OK, b"\x69\x83", b"\x63\xC0"))
save("piv", "session-no-certificate.bin", script(select, b"\x6A\x82", OK, b"\x69\x82"))
save("piv", "not-piv.bin", script(b"\x6A\x82"))

# --- dictionaries: the member names and tokens the parsers look for ---------------------------
def dictionary(target, words):
    with open(os.path.join(here, target + ".dict"), "w") as f:
        f.write("# libFuzzer dictionary of the %s target (written by make-seeds.py)\n" % target)
        for w in sorted(set(words)):
            escaped = "".join(c if " " <= c < "\x7f" and c not in '"\\' else "".join("\\x%02X" % b for b in c.encode())
                              for c in w)
            f.write('"%s"\n' % escaped)


def keys(o, out):
    if isinstance(o, dict):
        for k, v in o.items():
            out.add('"%s":' % k)
            keys(v, out)
    elif isinstance(o, list):
        for v in o:
            keys(v, out)
    return out


json_tokens = {"{", "}", "[", "]", ",", ":", "true", "false", "null", "-0", "1e999", "\\u0000", "\\ud800"}
api = keys([job, done, failed, problem], set()) | json_tokens
api |= {'"%s"' % s for s in ["SCHEDULED", "IN PROGRESS", "COMPLETED", "CANCELED", "FAILED", "about:blank",
                              "https://haip.example.jp/problems/"]}
dictionary("api_json", api)
catalog_seed = os.path.join(here, "seeds", "catalog", "catalog-payload.json")
catalog_words = set(json_tokens) | {'"jws":', '"signingKey":', '"kty":', '"crv":', '"x":', '"y":', '"EC"', '"P-256"',
                                    '"alg":', '"ES256"', '"typ":', '"haip-catalog+jws"', '"kid":', "."}
if os.path.exists(catalog_seed):
    with open(catalog_seed, encoding="utf-8") as f:
        catalog_words |= keys(json.load(f), set())
dictionary("catalog", catalog_words)
dictionary("multipart", ["Content-Type: ", "multipart/related", "; type=", "; boundary=", "; start=",
                         "Content-ID: ", "Content-Location: ", "Content-Description: ", "Content-Length: ",
                         "Content-Transfer-Encoding: binary", "MIME-Version: 1.0", "\r\n", "\r\n\r\n", "--",
                         "--haip-fuzz", "--haip-fuzz--", "application/dicom", "application/json",
                         "text/html; charset=utf-8", "\""])
print("make-seeds.py: api_json, piv seeds and dictionaries written")
