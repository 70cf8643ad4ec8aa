// SafeWebProfile: the off-the-record browser profile behind every SafeWebView — nothing is written
// to disk (no cache, cookies, history or storage), the only scheme served is the app's own
// (ContentSchemeHandler), every other request is blocked (LocalOnlyInterceptor), downloads are
// refused, and the default page settings turn off JavaScript, plugins, local-file and remote
// access. One profile per view, owned by it.
#pragma once

#include <QWebEngineProfile>

class QWebEngineDownloadRequest;

namespace haip::ui {

class ContentSchemeHandler;
class LocalOnlyInterceptor;

class SafeWebProfile : public QWebEngineProfile
{
    Q_OBJECT
public:
    explicit SafeWebProfile(QObject *parent = nullptr);
    ~SafeWebProfile() override;

    ContentSchemeHandler *content() const { return m_content; }
    LocalOnlyInterceptor *interceptor() const { return m_interceptor; }
    int refusedDownloads() const { return m_refusedDownloads; }

    // The locked-down settings, applied to the profile's defaults and to each page.
    static void lockDown(QWebEngineSettings *settings);

signals:
    void downloadRefused(const QUrl &url);

private:
    void refuseDownload(QWebEngineDownloadRequest *download);

    ContentSchemeHandler *m_content = nullptr;
    LocalOnlyInterceptor *m_interceptor = nullptr;
    int m_refusedDownloads = 0;
};

} // namespace haip::ui
