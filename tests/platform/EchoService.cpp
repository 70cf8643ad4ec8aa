#include "EchoService.h"

#include "crypto/PrivateKey.h"
#include "crypto/VerifyingKey.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace haip::test {

using namespace Qt::StringLiterals;

namespace {
Result<void> write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return Error(ErrorCode::WriteFailed, f.errorString(), path);
    return {};
}
} // namespace

Result<void> installEchoService(const QString &state)
{
    const QString id = QLatin1String(kEchoService);
    Result<crypto::PrivateKey> key = crypto::PrivateKey::generate();
    if (!key)
        return key.error();
    if (Result<void> r = write(state + u"/services/%1/key"_s.arg(id), key->toBase64().toLatin1()); !r)
        return r;
    if (Result<void> r = write(state + u"/services/%1/key.pub"_s.arg(id), key->publicKey().toBase64().toLatin1()); !r)
        return r;
    const QJsonObject entry {
        {u"id"_s, id},
        {u"name"_s, QJsonObject {{u"ja"_s, u"適合性エコー"_s}, {u"en"_s, u"Conformance echo"_s}}},
        {u"vendor"_s, u"HAIP reference"_s},
        {u"version"_s, u"1.0.0"_s},
        {u"intended_use"_s,
         QJsonObject {{u"ja"_s, u"封筒の適合性試験（診療用ではない）"_s},
                      {u"en"_s, u"Envelope conformance (not clinical)"_s}}},
        {u"modalities"_s, QJsonArray {u"CT"_s, u"MR"_s, u"OT"_s}},
        {u"body_parts"_s, QJsonArray {u"ANY"_s}},
        {u"input"_s, QJsonObject {{u"modalities"_s, QJsonArray {u"CT"_s, u"MR"_s, u"OT"_s}}, {u"min_slices"_s, 1}}},
        {u"output_kinds"_s, QJsonArray {u"HTML"_s, u"JSON"_s}},
        {u"regulatory"_s,
         QJsonObject {{u"status"_s, u"research-use-only"_s},
                      {u"text"_s, QJsonObject {{u"ja"_s, u"研究用途限定"_s}, {u"en"_s, u"Research use only"_s}}}}},
        {u"expected_turnaround_seconds"_s, 5},
        {u"detail_html"_s,
         QJsonObject {{u"ja"_s, u"<h1>適合性エコー</h1>"_s}, {u"en"_s, u"<h1>Conformance echo</h1>"_s}}},
    };
    return write(state + u"/catalog/entries/%1.json"_s.arg(id), QJsonDocument(entry).toJson());
}

} // namespace haip::test
