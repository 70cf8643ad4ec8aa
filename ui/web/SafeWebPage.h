// SafeWebPage: the page of a SafeWebView. It navigates only where the view sends it — the one
// pending load of the app's own content; link clicks, form posts, meta refreshes, redirects,
// back/forward, reloads and frames are refused (link clicks reported by linkRefused so the app
// may offer to open them elsewhere). In-page anchors (#section) still scroll. No new windows, no
// file choosers, no JavaScript dialogs (JavaScript is off anyway).
#pragma once

#include <QUrl>
#include <QWebEnginePage>

namespace haip::ui {

class SafeWebPage : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit SafeWebPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    // The next main-frame navigation to exactly `url` is allowed (once).
    void expectNavigation(const QUrl &url);
    int refusedNavigations() const { return m_refused; }

signals:
    void linkRefused(const QUrl &url);
    void navigationRefused(const QUrl &url, QWebEnginePage::NavigationType type);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    QStringList
    chooseFiles(FileSelectionMode mode, const QStringList &oldFiles, const QStringList &acceptedMimeTypes) override;
    void javaScriptAlert(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptConfirm(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptPrompt(const QUrl &securityOrigin,
                          const QString &msg,
                          const QString &defaultValue,
                          QString *result) override;

private:
    QUrl m_expected;
    QUrl m_current;
    int m_refused = 0;
};

} // namespace haip::ui
