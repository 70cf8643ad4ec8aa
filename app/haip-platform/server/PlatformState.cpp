#include "PlatformState.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace haip::server {

PlatformState::PlatformState(QString root) : m_root(QDir(root).absolutePath()) { }

QString PlatformState::path(const QString &relative) const
{
    return QDir(m_root).filePath(relative);
}

const QStringList &PlatformState::serviceIds()
{
    static const QStringList ids {
        QStringLiteral("chest-ct-nodule"),
        QStringLiteral("head-ct-hyperdensity"),
        QStringLiteral("anomaly-heatmap"),
    };
    return ids;
}

Result<void> PlatformState::makePrivateDir(const QString &path)
{
    QDir dir(path);
    if (!dir.exists() && !QDir().mkpath(path))
        return Error(ErrorCode::WriteFailed, QStringLiteral("cannot create the folder"), path);
    if (!QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return Error(ErrorCode::WriteFailed, QStringLiteral("cannot restrict the folder to its owner"), path);
    return {};
}

Result<void> PlatformState::writeFile(const QString &path, const QByteArray &bytes, bool secret)
{
    if (Result<void> dir = makePrivateDir(QFileInfo(path).absolutePath()); !dir)
        return dir;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    // Restrict before any secret byte is written (QSaveFile writes a temporary file first).
    const QFile::Permissions perms = secret
        ? (QFile::ReadOwner | QFile::WriteOwner)
        : (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    if (!file.setPermissions(perms) || file.write(bytes) != bytes.size() || !file.commit())
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    return {};
}

Result<QByteArray> PlatformState::readFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    if (file.size() > maxBytes)
        return Error(ErrorCode::FileTooLarge, {}, path);
    return file.readAll();
}

} // namespace haip::server
