// haip-cli import PATH... [--db FILE]: index files, folders and DICOMDIRs into the local
// database (default: the workstation's, see dicom/IndexLocation.h). One JSON line per error
// as it happens, then a summary line. Exit 0, 1 if any file failed, 2 on usage errors.
#include "CliOutput.h"
#include "Commands.h"
#include "dicom/Importer.h"
#include "dicom/IndexLocation.h"

#include <QJsonArray>

namespace haip::cli {

int runImport(const QStringList &arguments, CliOutput &output)
{
    QString database;
    QStringList paths;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--db")) {
            if (i + 1 >= arguments.size())
                return output.usage(QStringLiteral("import: --db needs a file name"));
            database = arguments[++i];
        } else if (a.startsWith(QLatin1String("--db="))) {
            database = a.mid(5);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            output.message(QStringLiteral("usage: haip-cli import PATH... [--db FILE]\n"
                                          "Indexes files, folders and DICOMDIRs; default database: %1")
                               .arg(dicom::defaultIndexPath()));
            return 0;
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            return output.usage(QStringLiteral("import: unknown option '%1'").arg(a));
        } else {
            paths.append(a);
        }
    }
    if (paths.isEmpty())
        return output.usage(QStringLiteral("usage: haip-cli import PATH... [--db FILE]"));
    if (database.isEmpty())
        database = dicom::defaultIndexPath();

    dicom::Importer importer(database);
    QObject::connect(&importer, &dicom::Importer::fileFailed, [&output](const Error &error) {
        output.json(CliOutput::errorObject(error));
    });
    const dicom::ImportSummary summary = importer.run(paths);

    output.json({
        {QStringLiteral("database"), database},
        {QStringLiteral("files"), summary.files},
        {QStringLiteral("instances"), summary.instances},
        {QStringLiteral("added"), summary.added},
        {QStringLiteral("updated"), summary.updated},
        {QStringLiteral("unchanged"), summary.unchanged},
        {QStringLiteral("skipped"), summary.skipped},
        {QStringLiteral("thumbnails"), summary.thumbnails},
        {QStringLiteral("errors"), int(summary.errors.size())},
        {QStringLiteral("studies"), QJsonArray::fromStringList(summary.studyInstanceUids)},
    });
    return summary.errors.isEmpty() ? 0 : 1;
}

} // namespace haip::cli
