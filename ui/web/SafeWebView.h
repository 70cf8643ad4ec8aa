// SafeWebView: the locked-down web view for AI-service detail pages and result reports. The HTML
// and everything it references come from the application as bytes (fetched over the pinned TLS
// session), served through the app's own scheme haip://content/…; the engine itself reaches
// nothing else: off-the-record profile owned by the view, a request interceptor that blocks every
// other scheme, JavaScript, plugins, local-file and remote access off, downloads refused, no
// navigation away from the document shown (link clicks reported by linkRefused), no new windows,
// no context menu. Reports can be exported to PDF.
//
// Programs and tests must call SafeWebView::registerScheme() in main() BEFORE constructing
// QApplication (QWebEngineUrlScheme::registerScheme is only valid then). When run as root, the
// Chromium sandbox needs QTWEBENGINE_DISABLE_SANDBOX=1 (set by the program, not here).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <QWebEngineView>

#include <memory>

namespace haip::ui {

class SafeWebPage;
class SafeWebProfile;

// A file the document references by a relative URL, e.g. <img src="key-image-1.png">.
struct WebResource
{
    QString name; // relative path, e.g. "key-image-1.png" or "img/1.png"
    QByteArray bytes;
    QByteArray mimeType; // e.g. "image/png"
};

class SafeWebView : public QWebEngineView
{
    Q_OBJECT
public:
    // Registers the haip: scheme with the engine. Call once in main() before QApplication.
    static void registerScheme();

    explicit SafeWebView(QWidget *parent = nullptr);
    ~SafeWebView() override;

    // Shows an HTML document (UTF-8) with the resources it references. Replaces what was shown;
    // each document gets a fresh URL haip://content/<n>/index.html.
    void showDocument(const QByteArray &html, const QList<WebResource> &resources = {});
    void showDocument(const QString &html, const QList<WebResource> &resources = {});
    void clearDocument();
    QUrl documentUrl() const { return m_documentUrl; }

    // Prints the document shown to a PDF file (A4, 15 mm margins); pdfExported reports the end.
    void exportPdf(const QString &filePath);

    SafeWebPage *safePage() const { return m_page.get(); }
    SafeWebProfile *safeProfile() const { return m_profile.get(); }
    // Requests the interceptor blocked since the view was made (for tests and diagnostics).
    int blockedRequestCount() const;

signals:
    void linkRefused(const QUrl &url);
    void requestBlocked(const QUrl &url);
    void pdfExported(const QString &filePath, bool ok);

private:
    // Declared before m_page: destroyed after it (a page must not outlive its profile).
    std::unique_ptr<SafeWebProfile> m_profile;
    std::unique_ptr<SafeWebPage> m_page;
    QUrl m_documentUrl;
    int m_generation = 0;
};

} // namespace haip::ui
