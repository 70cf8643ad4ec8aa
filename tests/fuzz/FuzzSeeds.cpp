// haip-fuzz-seeds: writes the seeds of the fuzz targets that the project's own code produces
// (tests/fuzz/make-seeds.sh checks them in under seeds/<target>/): a small chest phantom and the
// chest-ct-nodule service's SEG, SR and GSPS over it (dicom_file, result_bundle), that result
// bundle as a multipart entity (multipart), request and reply envelopes sealed with the fixed
// keys of FuzzKeys.h (envelope), and the reference catalog signed with the fixed catalog key
// (catalog). Usage: haip-fuzz-seeds <output folder>. Built in the ordinary build only.
#include "CatalogTestKit.h"
#include "FuzzKeys.h"
#include "common/Library.h"
#include "crypto/EnvelopeWriter.h"
#include "crypto/ResponseWriter.h"
#include "crypto/SigningKey.h"
#include "dicom/Phantom.h"
#include "platform/MultipartWriter.h"
#include "services/ServiceRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>

using namespace haip;
using namespace Qt::StringLiterals;

namespace {

bool save(const QString &dir, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(dir);
    QFile file(dir + u"/"_s + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "haip-fuzz-seeds: cannot write %s\n", qPrintable(file.fileName()));
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A request envelope (control byte 0: EnvelopeReader, cut in the middle) of `payload`.
QByteArray request(const QByteArray &payload, quint8 control)
{
    crypto::EnvelopeOptions options;
    options.chunkSize = crypto::envelope::MinChunkSize; // several chunks from a small payload
    Result<crypto::EnvelopeWriter> writer =
        crypto::EnvelopeWriter::create(fuzz::envelopeKey().publicKey(), fuzz::envelopeInfo(), options);
    QByteArray out(1, char(control));
    if (!writer || !writer->update(payload, out) || !writer->finish(out))
        return {};
    return out;
}

// A reply envelope (control byte odd: ResponseReader) of `payload`.
QByteArray reply(const QByteArray &payload, quint8 control)
{
    Result<crypto::ResponseWriter> writer =
        crypto::ResponseWriter::create(fuzz::responseKey(), crypto::envelope::MinChunkSize);
    QByteArray out(1, char(control | 1));
    if (!writer || !writer->update(payload, out) || !writer->finish(out))
        return {};
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    LibraryScope library;
    if (argc != 2) {
        std::fprintf(stderr, "usage: haip-fuzz-seeds <output folder>\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QTemporaryDir work;

    // The service's result over a small chest phantom with its lesions.
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.rows = o.columns = 64;
    o.slices = 40;
    o.sliceSpacing = 2.5; // the thickest slices the service accepts
    o.outputDir = work.filePath(QStringLiteral("phantom"));
    Result<dicom::PhantomResult> phantom = dicom::PhantomGenerator::generate(o);
    services::ServiceRegistry registry;
    const services::ReferenceService *service = registry.find(QStringLiteral("chest-ct-nodule"));
    if (!phantom || service == nullptr) {
        std::fprintf(stderr, "haip-fuzz-seeds: no phantom or service\n");
        return 1;
    }
    Result<services::ServiceBundle> bundle = service->analyse(phantom->files, nullptr, {});
    if (!bundle || bundle->structuredReport.isEmpty()) {
        std::fprintf(
            stderr, "haip-fuzz-seeds: the service failed: %s\n", bundle ? "" : qPrintable(bundle.error().detail()));
        return 1;
    }
    const QByteArray slice = readFile(phantom->files.value(phantom->files.size() / 2));
    const QByteArray findings = QJsonDocument(bundle->findings).toJson(QJsonDocument::Compact);
    bool ok = save(out + u"/dicom_file"_s, QStringLiteral("phantom-ct-slice.dcm"), slice) &&
        save(out + u"/result_bundle"_s, QStringLiteral("sr-tid1500.dcm"), bundle->structuredReport);
    if (!bundle->segmentation.isEmpty())
        ok = ok && save(out + u"/result_bundle"_s, QStringLiteral("seg-binary.dcm"), bundle->segmentation) &&
            save(out + u"/dicom_file"_s, QStringLiteral("seg-binary.dcm"), bundle->segmentation);
    if (!bundle->presentationState.isEmpty())
        ok = ok && save(out + u"/result_bundle"_s, QStringLiteral("gsps.dcm"), bundle->presentationState);

    // The bundle as the workstation receives it inside the reply envelope (a fixed boundary
    // keeps the seed stable).
    QList<platform::MultipartPart> parts;
    parts.append(
        {{QByteArray(platform::multipart::DicomType), QByteArrayLiteral("<sr@haip>"), QStringLiteral("sr.dcm"), {}, -1},
         bundle->structuredReport});
    parts.append({{QByteArray(platform::multipart::JsonType),
                   QByteArrayLiteral("<findings@haip>"),
                   QStringLiteral("findings.json"),
                   QStringLiteral("findings"),
                   findings.size()},
                  findings});
    parts.append({{QByteArray(platform::multipart::HtmlType), {}, QStringLiteral("report.html"), {}, -1},
                  QByteArrayLiteral("<!doctype html><html><body><p>結節 nodule</p></body></html>")});
    const QByteArray entity =
        platform::MultipartWriter::write(parts, platform::multipart::DicomType, true, QByteArrayLiteral("haip-fuzz"));
    parts.removeFirst(); // without the SR: a small bundle for the envelope seeds
    const QByteArray small =
        platform::MultipartWriter::write(parts, platform::multipart::JsonType, true, QByteArrayLiteral("haip-fuzz"));
    ok = ok && save(out + u"/multipart"_s, QStringLiteral("result-bundle.mime"), entity) &&
        save(out + u"/multipart"_s, QStringLiteral("findings-only.mime"), small) &&
        save(out + u"/envelope"_s, QStringLiteral("request-empty.env"), request({}, 0x00)) &&
        save(out + u"/envelope"_s, QStringLiteral("request-findings.env"), request(small, 0x80)) &&
        save(out + u"/envelope"_s, QStringLiteral("reply-empty.env"), reply({}, 0x00)) &&
        save(out + u"/envelope"_s, QStringLiteral("reply-findings.env"), reply(small, 0x80));

    // The reference catalog, signed with the fixed key, and its payload alone.
    Result<crypto::SigningKey> key = crypto::SigningKey::fromPem(fuzz::catalogSigningKeyPem());
    if (!key) {
        std::fprintf(stderr, "haip-fuzz-seeds: the catalog key does not load\n");
        return 1;
    }
    const QJsonObject payload =
        test::referenceCatalogPayload(fuzz::catalogNow().addDays(-30), fuzz::catalogNow().addDays(30));
    ok = ok &&
        save(out + u"/catalog"_s,
             QStringLiteral("signed-catalog.json"),
             QJsonDocument(test::signCatalog(payload, *key)).toJson(QJsonDocument::Compact)) &&
        save(out + u"/catalog"_s,
             QStringLiteral("catalog-payload.json"),
             QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return ok ? 0 : 1;
}
