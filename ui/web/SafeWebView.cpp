#include "web/SafeWebView.h"

#include "web/ContentSchemeHandler.h"
#include "web/LocalOnlyInterceptor.h"
#include "web/SafeWebPage.h"
#include "web/SafeWebProfile.h"

#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QWebEngineUrlScheme>

namespace haip::ui {

void SafeWebView::registerScheme()
{
    if (!QWebEngineUrlScheme::schemeByName(ContentSchemeHandler::kScheme).name().isEmpty())
        return;
    QWebEngineUrlScheme scheme(ContentSchemeHandler::kScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure: a potentially trustworthy origin like https, so it may show its own images. Not
    // LocalScheme: a local page may not display resources of a local scheme, its own included,
    // without LocalAccessAllowed — and that flag would open file: URLs to it. As a non-local
    // origin it can never load file: URLs; everything else meets the interceptor.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

SafeWebView::SafeWebView(QWidget *parent)
    : QWebEngineView(parent)
    , m_profile(std::make_unique<SafeWebProfile>())
    , m_page(std::make_unique<SafeWebPage>(m_profile.get()))
{
    setPage(m_page.get());
    setContextMenuPolicy(Qt::NoContextMenu);
    setAcceptDrops(false);
    connect(m_page.get(), &SafeWebPage::linkRefused, this, &SafeWebView::linkRefused);
    connect(m_profile->interceptor(), &LocalOnlyInterceptor::requestBlocked, this, &SafeWebView::requestBlocked);
    connect(m_page.get(), &QWebEnginePage::pdfPrintingFinished, this, &SafeWebView::pdfExported);
}

SafeWebView::~SafeWebView()
{
    // Unbind the page before it goes (QWebEngineView does not own it), then page, then profile.
    setPage(nullptr);
}

void SafeWebView::showDocument(const QByteArray &html, const QList<WebResource> &resources)
{
    ContentSchemeHandler *content = m_profile->content();
    content->clear();
    const QString folder = QStringLiteral("/%1/").arg(++m_generation);
    content->insert(folder + QStringLiteral("index.html"), html, QByteArrayLiteral("text/html;charset=utf-8"));
    for (const WebResource &r : resources)
        content->insert(folder + r.name, r.bytes, r.mimeType);
    m_documentUrl.setScheme(QLatin1String(ContentSchemeHandler::kScheme));
    m_documentUrl.setHost(QLatin1String(ContentSchemeHandler::kHost));
    m_documentUrl.setPath(folder + QStringLiteral("index.html"));
    m_page->expectNavigation(m_documentUrl);
    m_page->load(m_documentUrl);
}

void SafeWebView::showDocument(const QString &html, const QList<WebResource> &resources)
{
    showDocument(html.toUtf8(), resources);
}

void SafeWebView::clearDocument()
{
    showDocument(QByteArrayLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>"));
}

void SafeWebView::exportPdf(const QString &filePath)
{
    const QPageLayout layout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    m_page->printToPdf(filePath, layout);
}

int SafeWebView::blockedRequestCount() const
{
    return m_profile->interceptor()->blockedCount();
}

} // namespace haip::ui
