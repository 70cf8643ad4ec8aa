#include "web/LocalOnlyInterceptor.h"

#include "web/ContentSchemeHandler.h"

#include <QLoggingCategory>
#include <QWebEngineUrlRequestInfo>

Q_LOGGING_CATEGORY(lcWebBlocked, "haip.ui.web.blocked")

namespace haip::ui {

LocalOnlyInterceptor::LocalOnlyInterceptor(QObject *parent) : QWebEngineUrlRequestInterceptor(parent) { }

void LocalOnlyInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    if (url.scheme() == QLatin1String(ContentSchemeHandler::kScheme) &&
        url.host() == QLatin1String(ContentSchemeHandler::kHost))
        return;
    info.block(true);
    ++m_blocked;
    // The URL may come from hostile HTML: logged without its query (no data smuggled into logs).
    qCInfo(lcWebBlocked).noquote() << "blocked" << url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString();
    emit requestBlocked(url);
}

} // namespace haip::ui
