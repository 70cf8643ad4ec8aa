// haip-cli phantom: write a synthetic CT study with ground truth.
//   haip-cli phantom --kind chest-ct|head-ct --out DIR [--slices N] [--seed S]
//                    [--rows R --columns C] [--spacing MM] [--threads T] [--no-lesions]
// Prints one JSON line {files, directory, ground_truth, study_instance_uid, series_instance_uid}.
#include "CliOutput.h"
#include "Commands.h"
#include "dicom/Phantom.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonObject>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runPhantom(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption kind(u"kind"_s, u"chest-ct (default) or head-ct"_s, u"kind"_s, u"chest-ct"_s);
    const QCommandLineOption out(u"out"_s, u"output folder (created if missing)"_s, u"dir"_s);
    const QCommandLineOption slices(u"slices"_s, u"number of slices (default: chest 300, head 160)"_s, u"n"_s);
    const QCommandLineOption seed(u"seed"_s, u"seed for noise and identifiers (default 1)"_s, u"s"_s, u"1"_s);
    const QCommandLineOption rows(u"rows"_s, u"rows per image (default 512)"_s, u"r"_s, u"512"_s);
    const QCommandLineOption columns(u"columns"_s, u"columns per image (default 512)"_s, u"c"_s, u"512"_s);
    const QCommandLineOption spacing(u"spacing"_s, u"slice spacing in mm (default: scan range / slices)"_s, u"mm"_s);
    const QCommandLineOption threads(u"threads"_s, u"worker threads (default: one per core)"_s, u"n"_s, u"0"_s);
    const QCommandLineOption noLesions(u"no-lesions"_s, u"the same anatomy without lesions (a normal study)"_s);
    parser.addOptions({kind, out, slices, seed, rows, columns, spacing, threads, noLesions});
    if (!parser.parse(QStringList {u"haip-cli phantom"_s} + arguments))
        return output.usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return output.usage(u"phantom: unexpected argument '%1'"_s.arg(parser.positionalArguments().front()));

    dicom::PhantomOptions options;
    const QString kindName = parser.value(kind);
    if (kindName == u"chest-ct")
        options.kind = dicom::PhantomKind::ChestCt;
    else if (kindName == u"head-ct")
        options.kind = dicom::PhantomKind::HeadCt;
    else
        return output.usage(u"phantom: --kind must be chest-ct or head-ct, not '%1'"_s.arg(kindName));
    if (!parser.isSet(out))
        return output.usage(u"phantom: --out DIR is required"_s);
    options.outputDir = parser.value(out);
    options.lesions = !parser.isSet(noLesions);

    // Numeric options: a value that does not parse is a usage error, not a silent default.
    bool ok = true;
    auto integer = [&](const QCommandLineOption &o, int fallback) {
        if (!parser.isSet(o))
            return fallback;
        bool good = false;
        const int v = parser.value(o).toInt(&good);
        ok = ok && good;
        return v;
    };
    options.slices = integer(slices, 0);
    options.rows = integer(rows, 512);
    options.columns = integer(columns, 512);
    options.threads = integer(threads, 0);
    bool seedOk = false;
    options.seed = parser.value(seed).toULongLong(&seedOk);
    bool spacingOk = true;
    if (parser.isSet(spacing))
        options.sliceSpacing = parser.value(spacing).toDouble(&spacingOk);
    if (!ok || !seedOk || !spacingOk || (parser.isSet(slices) && options.slices < 1) || options.threads < 0)
        return output.usage(u"phantom: --slices, --rows, --columns, --threads, --seed and --spacing take numbers"_s);

    const Result<dicom::PhantomResult> result = dicom::PhantomGenerator::generate(options);
    if (!result) {
        if (result.error().code() == ErrorCode::InvalidArgument)
            return output.usage(u"phantom: "_s + result.error().detail());
        output.json(CliOutput::errorObject(result.error()));
        return 1;
    }
    output.json({{u"files"_s, result->files.size()},
                 {u"directory"_s, QDir(options.outputDir).absolutePath()},
                 {u"ground_truth"_s, result->groundTruthPath},
                 {u"study_instance_uid"_s, result->studyInstanceUid},
                 {u"series_instance_uid"_s, result->seriesInstanceUid}});
    return 0;
}

} // namespace haip::cli
