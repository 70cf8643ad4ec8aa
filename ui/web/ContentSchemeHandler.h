// ContentSchemeHandler: serves the app's own scheme (haip://content/…) from bytes the application
// hands it — a report or a detail page and the images it references. The browser engine never
// fetches anything itself: the app downloads remote content over its pinned TLS session and
// passes the bytes here. Unknown paths fail with UrlNotFound; only GET is served.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QWebEngineUrlSchemeHandler>

namespace haip::ui {

class ContentSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    // The scheme and host of every URL this handler serves: haip://content/<path>.
    static constexpr char kScheme[] = "haip";
    static constexpr char kHost[] = "content";

    explicit ContentSchemeHandler(QObject *parent = nullptr);

    // `path` starts with '/', e.g. "/3/index.html"; `mimeType` e.g. "image/png".
    void insert(const QString &path, const QByteArray &bytes, const QByteArray &mimeType);
    void clear();
    int servedCount() const { return m_served; }

    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    struct Entry
    {
        QByteArray bytes;
        QByteArray mimeType;
    };
    QHash<QString, Entry> m_entries;
    int m_served = 0;
};

} // namespace haip::ui
