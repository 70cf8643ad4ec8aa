// The WebEngine containment test the issue requires: a detail page and a report that try every
// way HTML has to reach out — remote and file: images, scripts, iframes, stylesheets, CSS url(),
// @import, fonts, media, objects, prefetch and icon links, <a ping>, a meta refresh, a form post,
// links clicked with a synthetic mouse, target=_blank, file:// URLs — make no connection to a
// listener this test runs on 127.0.0.1, and the page never leaves its document. What the app
// serves itself (haip:) does render (an image's pixels are grabbed), scripts do not run, downloads
// are refused, and a report exports to PDF.
#include "TestSupport.h"
#include "web/ContentSchemeHandler.h"
#include "web/SafeWebPage.h"
#include "web/SafeWebProfile.h"
#include "web/SafeWebView.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QtTest>

using namespace haip;
using namespace haip::ui;

namespace {

QByteArray png(const QColor &colour, int size)
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// Pixels of `image` close to `colour` (the engine may blend edges).
int countColour(const QImage &image, const QColor &colour, const QRect &area = {})
{
    const QRect r = area.isNull() ? image.rect() : area.intersected(image.rect());
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) < 24 && qAbs(c.green() - colour.green()) < 24 &&
                qAbs(c.blue() - colour.blue()) < 24)
                ++n;
        }
    }
    return n;
}

const QColor kMagenta(255, 0, 255); // what any forbidden content would paint
const QColor kGreen(0, 200, 0); // the allowed haip: image
const QColor kBlue(0, 0, 255); // the link areas
// An inline data: image (the platform's reports embed their key images so): no request at all,
// so it is allowed and renders.
const QColor kOrange(255, 140, 0);

} // namespace

class TestWebContainment : public QObject
{
    Q_OBJECT

private:
    QTcpServer m_listener;
    QList<QByteArray> m_received; // first bytes of each connection, for the failure message
    int m_connections = 0;
    QTemporaryDir m_dir;
    QString m_localImage; // a magenta PNG on disk, referenced by file:// URLs
    // Main-frame navigations the page refused (URL, type), recorded from the view's creation on.
    QList<QPair<QUrl, int>> m_refusals;

    void recordRefusals(SafeWebView *view)
    {
        m_refusals.clear();
        connect(view->safePage(),
                &SafeWebPage::navigationRefused,
                this,
                [this](const QUrl &url, QWebEnginePage::NavigationType type) {
                    m_refusals.append({url, int(type)});
                });
    }
    bool refused(const char *path, QWebEnginePage::NavigationType type) const
    {
        return m_refusals.contains(qMakePair(QUrl(remote(path)), int(type)));
    }

    QString remote(const char *path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_listener.serverPort()).arg(QLatin1String(path));
    }
    QString fileUrl() const { return QUrl::fromLocalFile(m_localImage).toString(); }

    // Every reach-out a page can try without JavaScript, plus a script that would paint the page
    // magenta and rename it if it ran, and an inline data: image (allowed: no request). Link areas sit at fixed places
    // for the synthetic clicks.
    QString hostilePage(const QString &title) const
    {
        QString h = QStringLiteral(R"(<!DOCTYPE html><html><head><meta charset="utf-8">
<title>%TITLE%</title>
<meta http-equiv="refresh" content="1;url=%R%refresh">
<link rel="stylesheet" href="%R%style.css">
<link rel="prefetch" href="%R%prefetch">
<link rel="preload" as="image" href="%R%preload.png">
<link rel="icon" href="%R%favicon.ico">
<link rel="dns-prefetch" href="%R%dns">
<style>@import url(%R%import.css);</style>
<style>
body { margin: 0; background: #ffffff url(%R%background.png); font-family: sans-serif; }
@font-face { font-family: Remote; src: url(%R%font.woff2); }
p.f { font-family: Remote; }
.local { background-image: url(%FILE%); width: 60px; height: 60px; }
a.area { position: absolute; display: block; width: 120px; height: 60px; background: #0000ff; }
</style>
<script src="%R%script.js"></script>
<script>document.title = 'script ran'; document.body.style.background = '#ff00ff';</script>
</head><body>
<a class="area" id="remote-link" href="%R%link" ping="%R%ping" style="left:10px;top:10px"></a>
<a class="area" id="file-link" href="%FILE%" style="left:10px;top:90px"></a>
<a class="area" id="blank-link" href="%R%blank" target="_blank" style="left:10px;top:170px"></a>
<a class="area" id="download-link" href="%R%download.zip" download style="left:10px;top:250px"></a>
<form action="%R%post" method="post" style="position:absolute;left:10px;top:330px">
<input type="hidden" name="patient" value="secret">
<input type="submit" value="Send" style="width:120px;height:40px;background:#0000ff;border:0">
</form>
<img src="green.png" width="120" height="120" style="position:absolute;left:400px;top:10px">
<img src="data:image/png;base64,%DATA%" width="30" height="30" style="position:absolute;left:600px;top:10px">
<div style="position:absolute;left:200px;top:200px">
<p class="f">remote font</p>
<img src="%R%image.png" width="50" height="50">
<img src="%FILE%" width="50" height="50">
<img srcset="%R%srcset.png 1x" width="50" height="50">
<input type="image" src="%R%input.png" width="50" height="50">
<iframe src="%R%frame" width="60" height="60"></iframe>
<iframe src="%FILE%" width="60" height="60"></iframe>
<iframe srcdoc="<img src='%R%srcdoc.png'>" width="60" height="60"></iframe>
<object data="%R%object" width="50" height="50"></object>
<embed src="%R%embed" width="50" height="50">
<video src="%R%video.mp4" poster="%R%poster.png" autoplay width="50" height="50"></video>
<audio src="%R%audio.mp3" autoplay></audio>
<div class="local"></div>
<svg width="50" height="50"><image href="%R%svg.png" width="50" height="50"/></svg>
</div>
</body></html>)");
        h.replace(QStringLiteral("%TITLE%"), title);
        h.replace(QStringLiteral("%R%"), remote(""));
        h.replace(QStringLiteral("%FILE%"), fileUrl());
        h.replace(QStringLiteral("%DATA%"), QString::fromLatin1(png(kOrange, 8).toBase64()));
        return h;
    }

    // Loads the page into a shown view and waits until the allowed image has been painted.
    std::unique_ptr<SafeWebView> showPage(const QString &html, QImage *shot)
    {
        auto view = std::make_unique<SafeWebView>();
        recordRefusals(view.get());
        view->resize(800, 600);
        view->show();
        QSignalSpy loaded(view.get(), &QWebEngineView::loadFinished);
        view->showDocument(html, {{QStringLiteral("green.png"), png(kGreen, 16), QByteArrayLiteral("image/png")}});
        if (!loaded.wait(20000))
            return nullptr;
        const bool ok = loaded.first().first().toBool();
        if (!ok)
            return nullptr;
        // Rendering is asynchronous: wait for the green image (120 × 120 at 400,10).
        if (!QTest::qWaitFor(
                [&] { return countColour(view->grab().toImage(), kGreen, QRect(400, 10, 120, 120)) > 10000; }, 20000)) {
            view->grab().save(test::artifactsDir() + QStringLiteral("/web-containment-failed.png"));
            qWarning() << "listener connections" << m_connections << "served"
                       << view->safeProfile()->content()->servedCount() << "blocked" << view->blockedRequestCount();
            return nullptr;
        }
        *shot = view->grab().toImage();
        return view;
    }

    void click(SafeWebView *view, const QPoint &at)
    {
        QWidget *target = view->focusProxy() ? view->focusProxy() : view;
        QTest::mouseClick(target, Qt::LeftButton, {}, at);
    }

    QString received() const
    {
        QStringList lines;
        for (const QByteArray &b : m_received)
            lines.append(QString::fromLatin1(b.left(80)));
        return lines.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_localImage = m_dir.filePath(QStringLiteral("local.png"));
        QFile f(m_localImage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(png(kMagenta, 64)) > 0);
        f.close();
        QVERIFY(m_listener.listen(QHostAddress::LocalHost));
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_listener.nextPendingConnection()) {
                ++m_connections;
                connect(s, &QTcpSocket::readyRead, this, [this, s] { m_received.append(s->readAll()); });
            }
        });
    }

    void hostileDetailPageStaysContained()
    {
        QImage shot;
        std::unique_ptr<SafeWebView> view = showPage(hostilePage(QStringLiteral("Containment")), &shot);
        QVERIFY(view);
        const QUrl document = view->documentUrl();
        QCOMPARE(view->url(), document);
        QSignalSpy links(view.get(), &SafeWebView::linkRefused);

        // The meta refresh (after 1 s) first: a click's navigation attempt would cancel it.
        QTRY_VERIFY_WITH_TIMEOUT(refused("refresh", QWebEnginePage::NavigationTypeRedirect), 20000);
        // Clicks on the remote link, the file: link, the target=_blank link, the download link
        // and the form's submit button.
        for (const QPoint &at : {QPoint(60, 40), QPoint(60, 120), QPoint(60, 200), QPoint(60, 280), QPoint(60, 350)})
            click(view.get(), at);
        // Each click reached the page and was refused: the link, the download link and the form
        // post. Then a moment more for any stray connection.
        QTRY_VERIFY_WITH_TIMEOUT(refused("link", QWebEnginePage::NavigationTypeLinkClicked) &&
                                     refused("download.zip", QWebEnginePage::NavigationTypeLinkClicked) &&
                                     refused("post", QWebEnginePage::NavigationTypeFormSubmitted),
                                 20000);
        QTest::qWait(1000);

        QVERIFY2(m_connections == 0, qPrintable(received()));
        QCOMPARE(view->url(), document);
        QCOMPARE(view->title(), QStringLiteral("Containment")); // the inline script did not run
        // The remote link's click was refused and reported (the engine may stop a file: link
        // itself before it asks the page).
        QVERIFY(!links.isEmpty());
        QCOMPARE(links.first().first().toUrl(), QUrl(remote("link")));
        QVERIFY2(view->blockedRequestCount() > 0, "the interceptor saw none of the remote requests");

        shot = view->grab().toImage();
        shot.save(test::artifactsDir() + QStringLiteral("/web-containment.png"));
        QVERIFY2(countColour(shot, kMagenta) == 0, "forbidden content (file: image or script) was painted");
        QVERIFY(countColour(shot, kOrange, QRect(600, 10, 30, 30)) > 600);
        QVERIFY(countColour(shot, kGreen, QRect(400, 10, 120, 120)) > 10000);
        QVERIFY(countColour(shot, kBlue, QRect(10, 10, 120, 60)) > 5000); // the page itself drew
    }

    void hostileReportStaysContained()
    {
        // The same attempts in a result report, a second document in the same view: also after
        // replacing a document, nothing reaches out and the old document's files are gone.
        SafeWebView view;
        recordRefusals(&view);
        view.resize(800, 600);
        view.show();
        QSignalSpy loaded(&view, &QWebEngineView::loadFinished);
        view.showDocument(QStringLiteral("<html><body>first</body></html>"));
        QVERIFY(loaded.wait(20000));
        const QUrl first = view.documentUrl();
        loaded.clear();
        view.showDocument(hostilePage(QStringLiteral("Report")),
                          {{QStringLiteral("green.png"), png(kGreen, 16), QByteArrayLiteral("image/png")}});
        QVERIFY(loaded.wait(20000));
        QVERIFY(loaded.first().first().toBool());
        QVERIFY(view.documentUrl() != first);
        QTRY_VERIFY_WITH_TIMEOUT(countColour(view.grab().toImage(), kGreen, QRect(400, 10, 120, 120)) > 10000, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(refused("refresh", QWebEnginePage::NavigationTypeRedirect), 20000);
        click(&view, QPoint(60, 40));
        click(&view, QPoint(60, 350));
        QTRY_VERIFY_WITH_TIMEOUT(refused("link", QWebEnginePage::NavigationTypeLinkClicked) &&
                                     refused("post", QWebEnginePage::NavigationTypeFormSubmitted),
                                 20000);
        QTest::qWait(1000);
        QVERIFY2(m_connections == 0, qPrintable(received()));
        QCOMPARE(view.url(), view.documentUrl());
        QCOMPARE(view.title(), QStringLiteral("Report"));
    }

    void settingsAreLockedDown()
    {
        SafeWebView view;
        QWebEngineSettings *s = view.page()->settings();
        QVERIFY(!s->testAttribute(QWebEngineSettings::JavascriptEnabled));
        QVERIFY(!s->testAttribute(QWebEngineSettings::PluginsEnabled));
        QVERIFY(!s->testAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls));
        QVERIFY(!s->testAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls));
        QVERIFY(!s->testAttribute(QWebEngineSettings::LocalStorageEnabled));
        QVERIFY(view.page()->profile()->isOffTheRecord());
        QCOMPARE(view.contextMenuPolicy(), Qt::NoContextMenu);
        QVERIFY(view.page()->profile() != QWebEngineProfile::defaultProfile());
    }

    void downloadsRefused()
    {
        SafeWebView view;
        QSignalSpy refused(view.safeProfile(), &SafeWebProfile::downloadRefused);
        QSignalSpy loaded(&view, &QWebEngineView::loadFinished);
        view.showDocument(
            QStringLiteral("<html><body>x</body></html>"),
            {{QStringLiteral("file.bin"), QByteArray(1000, 'x'), QByteArrayLiteral("application/octet-stream")}});
        QVERIFY(loaded.wait(20000));
        // A download the page or a user could start (save-as of a resource): refused and nothing written.
        view.page()->download(view.documentUrl().resolved(QUrl(QStringLiteral("file.bin"))),
                              m_dir.filePath(QStringLiteral("saved.bin")));
        QVERIFY(refused.wait(10000));
        QTest::qWait(300);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("saved.bin"))));
        QCOMPARE(view.safeProfile()->refusedDownloads(), 1);
    }

    void reportExportsToPdf()
    {
        SafeWebView view;
        view.resize(800, 600);
        QSignalSpy loaded(&view, &QWebEngineView::loadFinished);
        view.showDocument(
            QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>r</title></head>"
                           "<body><h1>Report 報告書</h1><img src=\"green.png\" width=\"100\"></body></html>"),
            {{QStringLiteral("green.png"), png(kGreen, 16), QByteArrayLiteral("image/png")}});
        QVERIFY(loaded.wait(20000));
        const QString pdf = test::artifactsDir() + QStringLiteral("/web-report.pdf");
        QFile::remove(pdf);
        QSignalSpy exported(&view, &SafeWebView::pdfExported);
        QElapsedTimer clock;
        clock.start();
        view.exportPdf(pdf);
        QVERIFY(exported.wait(30000));
        qInfo("PDF exported in %lld ms", qint64(clock.elapsed()));
        QCOMPARE(exported.first().at(0).toString(), pdf);
        QVERIFY(exported.first().at(1).toBool());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        // A4 (Chromium writes 594.96 × 841.92 points).
        QVERIFY(QRegularExpression(QStringLiteral(R"(/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\])"))
                    .match(QString::fromLatin1(bytes))
                    .hasMatch());
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    }

    void unknownHaipPathNotServed()
    {
        // Only what the app handed over is served: another document's path is not found.
        SafeWebView view;
        QSignalSpy loaded(&view, &QWebEngineView::loadFinished);
        view.showDocument(QStringLiteral("<html><body>one</body></html>"),
                          {{QStringLiteral("a.png"), png(kGreen, 4), QByteArrayLiteral("image/png")}});
        QVERIFY(loaded.wait(20000));
        const int served = view.safeProfile()->content()->servedCount();
        QVERIFY(served >= 1);
        loaded.clear();
        view.safePage()->expectNavigation(QUrl(QStringLiteral("haip://content/999/index.html")));
        view.page()->load(QUrl(QStringLiteral("haip://content/999/index.html")));
        QVERIFY(loaded.wait(20000));
        QVERIFY(!loaded.first().first().toBool());
        QCOMPARE(view.safeProfile()->content()->servedCount(), served);
    }
};

int main(int argc, char *argv[])
{
    SafeWebView::registerScheme();
    QApplication app(argc, argv);
    TestWebContainment test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestWebContainment.moc"
