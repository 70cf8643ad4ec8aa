#include "web/SafeWebPage.h"

#include "web/SafeWebProfile.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWebNavigation, "haip.ui.web.navigation")

namespace haip::ui {

SafeWebPage::SafeWebPage(QWebEngineProfile *profile, QObject *parent) : QWebEnginePage(profile, parent)
{
    SafeWebProfile::lockDown(settings());
}

void SafeWebPage::expectNavigation(const QUrl &url)
{
    m_expected = url;
}

bool SafeWebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (isMainFrame && !m_expected.isEmpty() && url == m_expected) {
        m_expected.clear();
        m_current = url;
        return true;
    }
    // Scrolling to an anchor of the document shown stays on the page.
    if (isMainFrame && url.hasFragment() && !m_current.isEmpty() &&
        url.adjusted(QUrl::RemoveFragment) == m_current.adjusted(QUrl::RemoveFragment) &&
        type == NavigationTypeLinkClicked)
        return true;
    ++m_refused;
    qCInfo(lcWebNavigation).noquote() << "refused, type" << int(type) << (isMainFrame ? "main frame" : "sub frame")
                                      << url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString();
    if (type == NavigationTypeLinkClicked)
        emit linkRefused(url);
    emit navigationRefused(url, type);
    return false;
}

QWebEnginePage *SafeWebPage::createWindow(WebWindowType)
{
    return nullptr;
}

QStringList SafeWebPage::chooseFiles(FileSelectionMode, const QStringList &, const QStringList &)
{
    return {};
}

void SafeWebPage::javaScriptAlert(const QUrl &, const QString &) { }

bool SafeWebPage::javaScriptConfirm(const QUrl &, const QString &)
{
    return false;
}

bool SafeWebPage::javaScriptPrompt(const QUrl &, const QString &, const QString &, QString *)
{
    return false;
}

} // namespace haip::ui
