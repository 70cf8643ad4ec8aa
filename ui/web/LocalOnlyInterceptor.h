// LocalOnlyInterceptor: the profile's request interceptor — every request whose scheme is not the
// app's own (haip://content) is blocked before it leaves the engine: http(s), ws(s), ftp, file
// and anything else (inline data: URLs make no request and never reach it; the platform's reports
// embed their key images that way). A second wall behind the page settings and navigation rules,
// so a bug in one does not reach the network. Blocked URLs are reported for the log and tests.
#pragma once

#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

#include <atomic>

namespace haip::ui {

class LocalOnlyInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    explicit LocalOnlyInterceptor(QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;
    int blockedCount() const { return m_blocked.load(); }

signals:
    // Emitted on the thread the engine calls from (the UI thread in Qt 6); connect queued if unsure.
    void requestBlocked(const QUrl &url);

private:
    std::atomic<int> m_blocked {0};
};

} // namespace haip::ui
