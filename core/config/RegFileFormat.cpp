#include "config/RegFileFormat.h"

#include "config/PolicyStore.h"

#include <QIODevice>
#include <QStringDecoder>

#include <mutex>

namespace haip::config {

namespace {

QString decode(const QByteArray &bytes)
{
    if (bytes.startsWith("\xff\xfe"))
        return QStringDecoder(QStringDecoder::Utf16LE).decode(bytes.mid(2));
    if (bytes.startsWith("\xef\xbb\xbf"))
        return QString::fromUtf8(bytes.mid(3));
    return QString::fromUtf8(bytes);
}

// "a\"b\\c" → a"b\c; returns the position after the closing quote, -1 when unterminated.
qsizetype readQuoted(const QString &line, qsizetype from, QString *out)
{
    out->clear();
    for (qsizetype i = from + 1; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == u'\\' && i + 1 < line.size()) {
            out->append(line[++i]);
        } else if (c == u'"') {
            return i + 1;
        } else {
            out->append(c);
        }
    }
    return -1;
}

Result<QByteArray> hexBytes(const QString &text)
{
    QByteArray out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const uint b = part.trimmed().toUInt(&ok, 16);
        if (!ok || b > 0xff)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("bad hex byte \"%1\"").arg(part.trimmed()));
        out.append(char(b));
    }
    return out;
}

QStringList multiString(const QByteArray &utf16)
{
    const QString all = QStringDecoder(QStringDecoder::Utf16LE).decode(utf16);
    QStringList out = all.split(QChar(0));
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

bool readRegFile(QIODevice &device, QSettings::SettingsMap &map)
{
    Result<QVariantMap> values = parseRegExport(device.readAll(), windowsPolicyKey());
    if (!values)
        return false;
    for (auto it = values->cbegin(); it != values->cend(); ++it)
        map.insert(it.key(), it.value());
    return true;
}

bool refuseWrite(QIODevice &, const QSettings::SettingsMap &)
{
    return false; // policy is read, never written by the workstation
}

} // namespace

Result<QVariantMap> parseRegExport(const QByteArray &bytes, const QString &key)
{
    const QString text = decode(bytes);
    QStringList lines;
    // Join continuation lines (a trailing backslash in hex data).
    QString pending;
    for (QString line : text.split(u'\n')) {
        line = line.trimmed();
        if (line.endsWith(u'\\')) {
            pending += line.chopped(1);
            continue;
        }
        lines.append(pending + line);
        pending.clear();
    }
    if (lines.isEmpty() || (lines.first() != u"Windows Registry Editor Version 5.00" && lines.first() != u"REGEDIT4"))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("not a registry export (.reg)"));

    QVariantMap out;
    bool inKey = false;
    for (qsizetype n = 1; n < lines.size(); ++n) {
        const QString &line = lines[n];
        if (line.isEmpty() || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            inKey = line.endsWith(u']') && line.mid(1, line.size() - 2).compare(key, Qt::CaseInsensitive) == 0;
            continue;
        }
        if (!inKey || !line.startsWith(u'"'))
            continue; // another key, or the default value (@=)
        QString name;
        const qsizetype end = readQuoted(line, 0, &name);
        if (end < 0 || end >= line.size() || line[end] != u'=')
            return Error(ErrorCode::InvalidArgument, QStringLiteral("line %1: expected \"name\"=value").arg(n + 1));
        const QString data = line.mid(end + 1).trimmed();
        if (data.startsWith(u'"')) {
            QString value;
            if (readQuoted(data, 0, &value) < 0)
                return Error(ErrorCode::InvalidArgument, QStringLiteral("line %1: unterminated string").arg(n + 1));
            out.insert(name, value);
        } else if (data.startsWith(u"dword:", Qt::CaseInsensitive)) {
            bool ok = false;
            const uint v = data.mid(6).toUInt(&ok, 16);
            if (!ok || data.size() != 14)
                return Error(ErrorCode::InvalidArgument, QStringLiteral("line %1: bad dword").arg(n + 1));
            out.insert(name, int(v));
        } else if (data.startsWith(u"hex(7):", Qt::CaseInsensitive) ||
                   data.startsWith(u"hex(2):", Qt::CaseInsensitive)) {
            Result<QByteArray> raw = hexBytes(data.mid(7));
            if (!raw)
                return Error(ErrorCode::InvalidArgument,
                             QStringLiteral("line %1: %2").arg(n + 1).arg(raw.error().detail()));
            const QStringList strings = multiString(*raw);
            if (data.at(4) == u'7')
                out.insert(name, strings);
            else
                out.insert(name, strings.value(0));
        }
        // Other types (binary, qword) carry no policy of ours: skipped.
    }
    return out;
}

QSettings::Format regFileFormat()
{
    static QSettings::Format format = QSettings::InvalidFormat;
    static std::once_flag once;
    std::call_once(once, [] {
        format = QSettings::registerFormat(QStringLiteral("reg"), readRegFile, refuseWrite, Qt::CaseInsensitive);
    });
    return format;
}

} // namespace haip::config
