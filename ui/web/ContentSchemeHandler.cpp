#include "web/ContentSchemeHandler.h"

#include <QBuffer>
#include <QUrl>
#include <QWebEngineUrlRequestJob>

namespace haip::ui {

ContentSchemeHandler::ContentSchemeHandler(QObject *parent) : QWebEngineUrlSchemeHandler(parent) { }

void ContentSchemeHandler::insert(const QString &path, const QByteArray &bytes, const QByteArray &mimeType)
{
    m_entries.insert(path, Entry {bytes, mimeType});
}

void ContentSchemeHandler::clear()
{
    m_entries.clear();
}

void ContentSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    if (job->requestMethod() != QByteArrayLiteral("GET")) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    if (url.host() != QLatin1String(kHost)) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    const auto it = m_entries.constFind(url.path());
    if (it == m_entries.constEnd()) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    // The job owns the buffer and reads it when the engine asks (the bytes are shared, not copied).
    auto *buffer = new QBuffer(job);
    buffer->setData(it->bytes);
    if (!buffer->open(QIODevice::ReadOnly)) {
        job->fail(QWebEngineUrlRequestJob::RequestFailed);
        return;
    }
    ++m_served;
    job->reply(it->mimeType, buffer);
}

} // namespace haip::ui
