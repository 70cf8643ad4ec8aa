#include "web/SafeWebProfile.h"

#include "web/ContentSchemeHandler.h"
#include "web/LocalOnlyInterceptor.h"

#include <QWebEngineDownloadRequest>
#include <QWebEngineSettings>

namespace haip::ui {

namespace {

// Every switch of QWebEngineSettings that matters for hostile HTML, and its value here.
struct Switch
{
    QWebEngineSettings::WebAttribute attribute;
    bool on;
};
constexpr Switch kSettings[] = {
    {QWebEngineSettings::AutoLoadImages, true}, // images served by the app (haip:) only
    {QWebEngineSettings::JavascriptEnabled, false},
    {QWebEngineSettings::JavascriptCanOpenWindows, false},
    {QWebEngineSettings::JavascriptCanAccessClipboard, false},
    {QWebEngineSettings::JavascriptCanPaste, false},
    {QWebEngineSettings::AllowWindowActivationFromJavaScript, false},
    {QWebEngineSettings::LocalStorageEnabled, false},
    {QWebEngineSettings::LocalContentCanAccessRemoteUrls, false},
    {QWebEngineSettings::LocalContentCanAccessFileUrls, false},
    {QWebEngineSettings::XSSAuditingEnabled, true},
    {QWebEngineSettings::HyperlinkAuditingEnabled, false}, // <a ping>
    {QWebEngineSettings::ErrorPageEnabled, false}, // no engine error pages with their own links
    {QWebEngineSettings::PluginsEnabled, false},
    {QWebEngineSettings::PdfViewerEnabled, false},
    {QWebEngineSettings::FullScreenSupportEnabled, false},
    {QWebEngineSettings::ScreenCaptureEnabled, false},
    {QWebEngineSettings::WebGLEnabled, false},
    {QWebEngineSettings::Accelerated2dCanvasEnabled, false},
    {QWebEngineSettings::AutoLoadIconsForPage, false}, // favicon requests
    {QWebEngineSettings::TouchIconsEnabled, false},
    {QWebEngineSettings::AllowRunningInsecureContent, false},
    {QWebEngineSettings::AllowGeolocationOnInsecureOrigins, false},
    {QWebEngineSettings::WebRTCPublicInterfacesOnly, true},
    {QWebEngineSettings::DnsPrefetchEnabled, false},
    {QWebEngineSettings::NavigateOnDropEnabled, false}, // a dropped file or link must not load
    {QWebEngineSettings::FocusOnNavigationEnabled, false},
    {QWebEngineSettings::PrintElementBackgrounds, true}, // badges and notices keep their colours in PDF
};

} // namespace

SafeWebProfile::SafeWebProfile(QObject *parent)
    : QWebEngineProfile(parent) // no storage name: off the record
    , m_content(new ContentSchemeHandler(this))
    , m_interceptor(new LocalOnlyInterceptor(this))
{
    setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    setSpellCheckEnabled(false);
    setUrlRequestInterceptor(m_interceptor);
    installUrlSchemeHandler(ContentSchemeHandler::kScheme, m_content);
    lockDown(settings());
    connect(this, &QWebEngineProfile::downloadRequested, this, &SafeWebProfile::refuseDownload);
}

SafeWebProfile::~SafeWebProfile()
{
    removeAllUrlSchemeHandlers();
    setUrlRequestInterceptor(nullptr);
}

void SafeWebProfile::lockDown(QWebEngineSettings *settings)
{
    for (const Switch &s : kSettings)
        settings->setAttribute(s.attribute, s.on);
    settings->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);
}

void SafeWebProfile::refuseDownload(QWebEngineDownloadRequest *download)
{
    ++m_refusedDownloads;
    emit downloadRefused(download->url());
    download->cancel();
}

} // namespace haip::ui
