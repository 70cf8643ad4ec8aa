// RFC 9180 section 4: LabeledExtract / LabeledExpand with the "HPKE-v1" version label and a
// suite_id ("KEM" || kem_id inside DHKEM, "HPKE" || kem_id || kdf_id || aead_id elsewhere).
#pragma once

#include "common/Result.h"
#include "crypto/HpkeSuite.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>

namespace haip::crypto::internal {

QByteArray kemSuiteId();
QByteArray hpkeSuiteId(AeadId aead);
// I2OSP(value, length): big-endian.
QByteArray i2osp(quint64 value, int length);

Result<SecureBuffer>
labeledExtract(QByteArrayView suiteId, QByteArrayView salt, QByteArrayView label, QByteArrayView ikm);
Result<SecureBuffer>
labeledExpand(QByteArrayView suiteId, QByteArrayView prk, QByteArrayView label, QByteArrayView info, qsizetype length);

} // namespace haip::crypto::internal
