#include "ReferenceDecoder.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace haip::test {

ReferenceDecoder::ReferenceDecoder()
    : m_gdcmconv(findTool(QStringLiteral("gdcmconv")))
    , m_python(QStringLiteral("/usr/bin/python3"))
    , m_script(QDir(QStringLiteral(HAIP_SOURCE_DIR)).filePath(QStringLiteral("tests/dicom/pixel_reference.py")))
{ }

QString ReferenceDecoder::missingTools() const
{
    QStringList missing;
    if (m_gdcmconv.isEmpty())
        missing << QStringLiteral("gdcmconv (Debian package libgdcm-tools)");
    if (!QFileInfo(m_python).isExecutable())
        missing << QStringLiteral("/usr/bin/python3 with python3-pydicom and python3-numpy");
    if (!QFileInfo::exists(m_script))
        missing << m_script;
    if (!m_dir.isValid())
        missing << QStringLiteral("a temporary folder");
    return missing.join(QStringLiteral(", "));
}

QString ReferenceDecoder::gdcmRaw(const QString &path, QString *error)
{
    const QString out = m_dir.filePath(QStringLiteral("gdcm-%1.dcm").arg(++m_counter));
    const ProcessResult r = haip::test::run(m_gdcmconv, {QStringLiteral("--raw"), path, out}, 60000);
    if (r.exitCode != 0 || !QFileInfo::exists(out)) {
        *error = QStringLiteral("gdcmconv --raw %1 failed (%2): %3")
                     .arg(path)
                     .arg(r.exitCode)
                     .arg(QString::fromUtf8(r.err).left(300));
        return {};
    }
    return out;
}

void ReferenceDecoder::add(const QString &key, const QString &path)
{
    m_keys.append(key);
    m_inputs.insert(key, path);
}

QString ReferenceDecoder::run()
{
    QByteArray jobs;
    QHash<QString, QString> outputs;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        const QString out = m_dir.filePath(QStringLiteral("ref-%1.raw").arg(i));
        outputs.insert(m_inputs.value(m_keys[i]), out);
        const QJsonObject job {{QStringLiteral("path"), m_inputs.value(m_keys[i])}, {QStringLiteral("out"), out}};
        jobs += QJsonDocument(job).toJson(QJsonDocument::Compact) + '\n';
    }
    QProcess python;
    python.start(m_python, {m_script});
    if (!python.waitForStarted(30000))
        return QStringLiteral("cannot start %1: %2").arg(m_python, python.errorString());
    python.write(jobs);
    python.closeWriteChannel();
    if (!python.waitForFinished(300000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        return QStringLiteral("pixel_reference.py failed: %1").arg(QString::fromUtf8(python.readAllStandardError()));

    QHash<QString, ReferencePixels> byInput;
    const QList<QByteArray> lines = python.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        ReferencePixels r;
        r.ok = o.value(QStringLiteral("ok")).toBool();
        r.error = o.value(QStringLiteral("error")).toString();
        r.frames = o.value(QStringLiteral("frames")).toInt();
        r.rows = o.value(QStringLiteral("rows")).toInt();
        r.columns = o.value(QStringLiteral("columns")).toInt();
        r.samples = o.value(QStringLiteral("samples")).toInt();
        r.bytesPerSample = o.value(QStringLiteral("bytes_per_sample")).toInt();
        const QString input = o.value(QStringLiteral("path")).toString();
        if (r.ok) {
            QFile f(outputs.value(input));
            if (!f.open(QIODevice::ReadOnly))
                return QStringLiteral("reference output missing for %1").arg(input);
            r.data = f.readAll();
        }
        byInput.insert(input, r);
    }
    for (const QString &key : std::as_const(m_keys)) {
        if (!byInput.contains(m_inputs.value(key)))
            return QStringLiteral("pixel_reference.py gave no answer for %1").arg(key);
        m_results.insert(key, byInput.value(m_inputs.value(key)));
    }
    return {};
}

ReferencePixels ReferenceDecoder::result(const QString &key) const
{
    return m_results.value(key);
}

} // namespace haip::test
