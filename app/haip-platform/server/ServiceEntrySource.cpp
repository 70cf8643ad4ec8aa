#include "ServiceEntrySource.h"

#include <QDir>
#include <QJsonDocument>

namespace haip::server {

ServiceEntrySource::ServiceEntrySource(const PlatformState &state, BuiltInEntries builtIn)
    : m_state(state), m_builtIn(std::move(builtIn))
{ }

QString ServiceEntrySource::envelopeInfo(const QString &serviceId)
{
    return QStringLiteral("HAIP job request v1; service=") + serviceId;
}

Result<ServiceDescription> ServiceEntrySource::find(const QString &serviceId) const
{
    if (serviceId.isEmpty() || serviceId.contains(u'/') || serviceId.startsWith(u'.'))
        return Error(ErrorCode::NotFound, {}, serviceId);
    Result<QByteArray> key = PlatformState::readFile(m_state.servicePublicKey(serviceId), 4096);
    if (!key)
        return Error(ErrorCode::NotFound, QStringLiteral("no envelope key"), serviceId);
    ServiceDescription d;
    d.id = serviceId;
    d.publicKeyBase64 = QString::fromLatin1(key->trimmed());
    Result<QByteArray> own = PlatformState::readFile(
        m_state.path(QStringLiteral("catalog/entries/%1.json").arg(serviceId)), 4 * 1024 * 1024);
    if (own) {
        const QJsonDocument doc = QJsonDocument::fromJson(*own);
        if (!doc.isObject())
            return Error(
                ErrorCode::InvalidArgument, QStringLiteral("the catalog entry is not a JSON object"), serviceId);
        d.entry = doc.object();
    } else if (m_builtIn) {
        d.entry = m_builtIn(serviceId);
    }
    if (d.entry.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no catalog entry"), serviceId);
    return d;
}

QList<ServiceDescription> ServiceEntrySource::services(QStringList *skipped) const
{
    QList<ServiceDescription> out;
    const QStringList ids =
        QDir(m_state.path(QStringLiteral("services"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &id : ids) {
        Result<ServiceDescription> d = find(id);
        if (d)
            out.append(std::move(d).value());
        else if (skipped)
            skipped->append(id);
    }
    return out;
}

} // namespace haip::server
