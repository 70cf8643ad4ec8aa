// The catalog panel with the reference catalog (plus an approved MR service derived from it):
// model rows and icons, search and filters, eligibility marks and reasons for the open series,
// sorting, "Analyse with…", the refused/offline banner, a dropped series, the detail page
// rendered in the locked-down view in the UI language, and screenshots (English and Japanese)
// left in test-artifacts for people to look at.
#include "CatalogTestKit.h"
#include "TestSupport.h"
#include "catalog/CatalogDelegate.h"
#include "catalog/CatalogFilterModel.h"
#include "catalog/CatalogModel.h"
#include "catalog/CatalogPanel.h"
#include "theme/Theme.h"
#include "web/SafeWebView.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeZone>
#include <QtTest>

using namespace haip;
using namespace haip::ui;
using namespace Qt::StringLiterals;

namespace {

const QString kNodule = u"chest-ct-nodule"_s;
const QString kHead = u"head-ct-hyperdensity"_s;
const QString kHeat = u"anomaly-heatmap"_s;
const QString kMr = u"mr-brain-approved"_s;

// The reference catalog and one approved MR service (a different modality and badge).
platform::Catalog testCatalog()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject payload = test::referenceCatalogPayload(now, now.addDays(1));
    QJsonArray services = payload.value(QLatin1String("services")).toArray();
    QJsonObject mr = test::variantEntry(payload, kNodule, kMr, {u"MR"_s}, u"pmda-approved"_s);
    mr.insert(u"bodyParts"_s, QJsonArray {u"HEAD"_s, u"BRAIN"_s});
    services.append(mr);
    payload.insert(u"services"_s, services);
    Result<platform::Catalog> c = platform::Catalog::parse(payload, now);
    if (!c)
        qFatal("test catalog: %s", qPrintable(c.error().detail()));
    return *c;
}

platform::SeriesFacts ctSeries(int slices = 120, double mm = 1.0)
{
    platform::SeriesFacts f;
    f.seriesInstanceUid = u"1.2.826.0.1.3680043.8.498.1"_s;
    f.modality = u"CT"_s;
    f.sliceCount = slices;
    f.sliceThicknessMm = mm;
    f.sliceSpacingMm = mm;
    return f;
}

QStringList ids(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r, 0).data(CatalogModel::ServiceIdRole).toString());
    return out;
}

int countNear(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) < 6 && qAbs(c.green() - colour.green()) < 6 &&
                qAbs(c.blue() - colour.blue()) < 6)
                ++n;
        }
    }
    return n;
}

} // namespace

class TestCatalogPanel : public QObject
{
    Q_OBJECT

private:
    platform::Catalog m_catalog = testCatalog();

    // Waits until the panel's detail view has loaded a page with `title`.
    static bool waitForTitle(CatalogPanel &panel, const QString &title)
    {
        return QTest::qWaitFor([&] { return panel.detailView()->title() == title; }, 20000);
    }

private slots:
    void modelRowsInBothLanguages()
    {
        CatalogModel model;
        model.setCatalog(m_catalog);
        QCOMPARE(model.rowCount(), 4);
        const QModelIndex nodule = model.index(model.rowOf(kNodule));
        model.setLanguage(u"en"_s);
        QCOMPARE(nodule.data().toString(), u"Chest CT solid-nodule candidates (reference algorithm)"_s);
        model.setLanguage(u"ja_JP"_s);
        QCOMPARE(nodule.data().toString(), u"胸部CT 充実性結節候補検出（参照アルゴリズム）"_s);
        QCOMPARE(nodule.data(CatalogModel::VendorRole).toString(), u"HAIP reference"_s);
        QCOMPARE(nodule.data(CatalogModel::VersionRole).toString(), u"1.0.0"_s);
        QCOMPARE(nodule.data(CatalogModel::ModalitiesRole).toStringList(), QStringList {u"CT"_s});
        QCOMPARE(nodule.data(CatalogModel::BodyPartsRole).toStringList(), (QStringList {u"CHEST"_s, u"LUNG"_s}));
        QCOMPARE(nodule.data(CatalogModel::RegulatoryStatusRole).toString(), u"research-use-only"_s);
        QVERIFY(nodule.data(CatalogModel::RegulatoryTextRole).toString().startsWith(u"研究用途限定"_s));
        QCOMPARE(nodule.data(CatalogModel::TurnaroundRole).toInt(), 60);
        QCOMPARE(nodule.data(CatalogModel::FitRole).toInt(), int(CatalogModel::Fit::Unknown));
        QCOMPARE(model.modalities(), (QStringList {u"CR"_s, u"CT"_s, u"DX"_s, u"MR"_s}));
        QVERIFY(model.bodyParts().contains(u"BRAIN"_s));
    }

    void turnaroundText_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("30 s") << 30 << u"about 30 s"_s;
        QTest::newRow("60 s") << 60 << u"about 60 s"_s;
        QTest::newRow("5 min") << 300 << u"about 5 min"_s;
        QTest::newRow("2 h") << 7200 << u"about 2 h"_s;
        QTest::newRow("unknown") << 0 << QString();
    }

    void turnaroundText()
    {
        QFETCH(int, seconds);
        QFETCH(QString, text);
        QCOMPARE(CatalogModel::turnaroundText(seconds), text);
    }

    void iconsPerServiceThenPerOutputKind()
    {
        CatalogModel model;
        model.setCatalog(m_catalog);
        const auto pixels = [](const QIcon &icon) {
            return icon.pixmap(48, 48).toImage();
        };
        const QImage own = pixels(QIcon(u":/icons/services/chest-ct-nodule.svg"_s));
        QVERIFY(!own.isNull());
        QCOMPARE(pixels(model.index(model.rowOf(kNodule)).data(Qt::DecorationRole).value<QIcon>()), own);
        // The derived MR service has no icon of its own: the SEG output kind's tile.
        QCOMPARE(pixels(model.index(model.rowOf(kMr)).data(Qt::DecorationRole).value<QIcon>()),
                 pixels(QIcon(u":/icons/services/kind-seg.svg"_s)));
        QVERIFY(pixels(QIcon(u":/icons/services/generic.svg"_s)) != own);
    }

    void searchAndFilters_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("modality");
        QTest::addColumn<QString>("bodyPart");
        QTest::addColumn<QString>("regulatory");
        QTest::addColumn<QStringList>("expected");
        const QString any;
        QTest::newRow("everything") << any << any << any << any << QStringList {kNodule, kHead, kHeat, kMr};
        QTest::newRow("english word") << u"nodule"_s << any << any << any << QStringList {kNodule, kMr};
        QTest::newRow("japanese phrase") << u"高吸収域"_s << any << any << any << QStringList {kHead};
        QTest::newRow("two words, any case") << u"HEAT map"_s << any << any << any << QStringList {kHeat};
        QTest::newRow("vendor") << u"haip reference"_s << any << any << any << QStringList {kNodule, kHead, kHeat, kMr};
        QTest::newRow("no match") << u"mammography"_s << any << any << any << QStringList {};
        QTest::newRow("modality MR") << any << u"MR"_s << any << any << QStringList {kMr};
        QTest::newRow("modality DX") << any << u"DX"_s << any << any << QStringList {kHeat};
        QTest::newRow("body part HEAD") << any << any << u"HEAD"_s << any << QStringList {kHead, kHeat, kMr};
        QTest::newRow("approved") << any << any << any << u"pmda-approved"_s << QStringList {kMr};
        QTest::newRow("research, CT, head")
            << any << u"CT"_s << u"HEAD"_s << u"research-use-only"_s << QStringList {kHead, kHeat};
    }

    void searchAndFilters()
    {
        QFETCH(QString, search);
        QFETCH(QString, modality);
        QFETCH(QString, bodyPart);
        QFETCH(QString, regulatory);
        QFETCH(QStringList, expected);
        CatalogModel model;
        model.setLanguage(u"en"_s);
        model.setCatalog(m_catalog);
        CatalogFilterModel filter;
        filter.setSourceModel(&model);
        filter.setSearchText(search);
        filter.setModality(modality);
        filter.setBodyPart(bodyPart);
        filter.setRegulatoryStatus(regulatory);
        // Sorted by English name when no series is open.
        QCOMPARE(ids(filter), expected);
    }

    void eligibilityMarksAndSorts()
    {
        CatalogModel model;
        model.setLanguage(u"en"_s);
        model.setCatalog(m_catalog);
        CatalogFilterModel filter;
        filter.setSourceModel(&model);
        // A 12-slice CT: every reference service refuses (too few); the MR one refuses twice.
        model.setSeriesFacts(ctSeries(12));
        const QModelIndex mr = model.index(model.rowOf(kMr));
        QCOMPARE(mr.data(CatalogModel::FitRole).toInt(), int(CatalogModel::Fit::Refused));
        QCOMPARE(mr.data(CatalogModel::ReasonsRole).toStringList(),
                 (QStringList {u"wrong modality: needs MR, this series is CT"_s,
                               u"too few slices: needs ≥ 20, this series has 12"_s}));
        QCOMPARE(mr.data(Qt::ToolTipRole).toString(),
                 u"wrong modality: needs MR, this series is CT\ntoo few slices: needs ≥ 20, this series has 12"_s);
        // A thin 120-slice CT: the three CT services accept and come first; the MR one last.
        model.setSeriesFacts(ctSeries(120));
        QCOMPARE(ids(filter), (QStringList {kNodule, kHead, kHeat, kMr}));
        for (const QString &id : {kHeat, kNodule, kHead})
            QCOMPARE(model.index(model.rowOf(id)).data(CatalogModel::FitRole).toInt(),
                     int(CatalogModel::Fit::Accepted));
        // 5 mm slices: the head and heat-map services (≤ 5 mm) still accept; the others sink below.
        model.setSeriesFacts(ctSeries(60, 5.0));
        QCOMPARE(ids(filter), (QStringList {kHead, kHeat, kNodule, kMr}));
        QCOMPARE(model.index(model.rowOf(kNodule)).data(CatalogModel::ReasonsRole).toStringList(),
                 QStringList {u"slices too thick: needs ≤ 2.5 mm, this series has 5 mm"_s});
        model.clearSeriesFacts();
        QCOMPARE(mr.data(CatalogModel::FitRole).toInt(), int(CatalogModel::Fit::Unknown));
    }

    void analyseOnlyForAnEligibleService()
    {
        CatalogPanel panel;
        panel.setLanguage(u"en"_s);
        panel.setCatalog(m_catalog, QDateTime::currentDateTimeUtc(), false);
        auto *analyse = panel.findChild<QPushButton *>(u"catalogAnalyse"_s);
        QVERIFY(analyse);
        QSignalSpy requested(&panel, &CatalogPanel::analyseRequested);

        QVERIFY(panel.selectService(kNodule));
        QVERIFY(!analyse->isEnabled()); // no series open
        panel.setSeriesFacts(ctSeries(120));
        QCOMPARE(panel.selectedServiceId(), kNodule);
        QVERIFY(analyse->isEnabled());
        QVERIFY2(analyse->text().startsWith(u"Analyse with Chest CT solid-nodule"_s), qPrintable(analyse->text()));
        QCOMPARE(analyse->toolTip(), u"Chest CT solid-nodule candidates (reference algorithm)"_s);
        analyse->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), kNodule);

        QVERIFY(panel.selectService(kMr));
        QVERIFY(!analyse->isEnabled());
        QVERIFY(analyse->toolTip().contains(u"wrong modality: needs MR, this series is CT"_s));
        analyse->click(); // disabled: nothing
        QCOMPARE(requested.size(), 1);
    }

    void filterWidgetsDriveTheList()
    {
        CatalogPanel panel;
        panel.setLanguage(u"en"_s);
        panel.setCatalog(m_catalog, QDateTime::currentDateTimeUtc(), false);
        auto *search = panel.findChild<QLineEdit *>(u"catalogSearch"_s);
        auto *modality = panel.findChild<QComboBox *>(u"catalogModalityFilter"_s);
        auto *regulatory = panel.findChild<QComboBox *>(u"catalogRegulatoryFilter"_s);
        QVERIFY(search && modality && regulatory);
        QCOMPARE(modality->count(), 5); // all + CR CT DX MR
        QTest::keyClicks(search, u"reference"_s);
        QCOMPARE(panel.filterModel()->rowCount(), 4);
        modality->setCurrentIndex(modality->findData(u"MR"_s));
        QCOMPARE(ids(*panel.filterModel()), QStringList {kMr});
        regulatory->setCurrentIndex(regulatory->findData(u"research-use-only"_s));
        QCOMPARE(panel.filterModel()->rowCount(), 0);
        modality->setCurrentIndex(0);
        QCOMPARE(panel.filterModel()->rowCount(), 3);
    }

    void bannerForRefusedAndOfflineCatalogs()
    {
        CatalogPanel panel;
        panel.setLanguage(u"en"_s);
        panel.setCatalog(m_catalog, QDateTime::currentDateTimeUtc(), false);
        QVERIFY(panel.bannerText().isEmpty());

        // A refused catalog is never shown: the list empties and the banner says why.
        const Error refused(ErrorCode::SignatureInvalid, u"bad signature"_s);
        panel.setCatalogError(refused);
        QCOMPARE(panel.model()->rowCount(), 0);
        QCOMPARE(panel.bannerText(), u"Catalog refused: %1"_s.arg(refused.message()));

        // The offline copy then: shown, and both facts stay visible.
        const QDateTime fetched(QDate(2026, 11, 20), QTime(9, 30), QTimeZone::utc());
        panel.setCatalog(m_catalog, fetched, true);
        QCOMPARE(panel.model()->rowCount(), 4);
        QVERIFY(panel.bannerText().contains(u"Catalog refused: "_s));
        QVERIFY(panel.bannerText().contains(u"Offline — showing the catalog of %1"_s.arg(
            QLocale().toString(fetched.toLocalTime(), QLocale::ShortFormat))));

        // A fresh catalog clears the banner.
        panel.setCatalog(m_catalog, QDateTime::currentDateTimeUtc(), false);
        QVERIFY(panel.bannerText().isEmpty());
    }

    void seriesDroppedOnAService()
    {
        CatalogPanel panel;
        panel.resize(900, 900);
        panel.setLanguage(u"en"_s);
        panel.setCatalog(m_catalog, QDateTime::currentDateTimeUtc(), false);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *list = panel.findChild<QListView *>(u"catalogList"_s);
        QVERIFY(list);
        QSignalSpy dropped(&panel, &CatalogPanel::seriesDropped);
        const QModelIndex second = panel.filterModel()->index(1, 0);
        const QPoint at = list->viewport()->mapTo(&panel, list->visualRect(second).center());

        const auto drop = [&](const QByteArray &uid) {
            QMimeData mime;
            mime.setData(QLatin1String(CatalogPanel::kSeriesMimeType), uid);
            QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(&panel, &enter);
            QDropEvent event(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(&panel, &event);
            return enter.isAccepted();
        };
        QVERIFY(drop("1.2.840.113619.2.55.3"));
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.first().at(0).toString(), u"1.2.840.113619.2.55.3"_s);
        QCOMPARE(dropped.first().at(1).toString(), second.data(CatalogModel::ServiceIdRole).toString());
        drop("<script>not a uid</script>"); // refused: not a UID
        QCOMPARE(dropped.size(), 1);
    }

    void detailPageInTheUiLanguage()
    {
        CatalogPanel panel;
        panel.resize(900, 900);
        panel.setLanguage(u"en"_s);
        panel.setCatalog(m_catalog, QDateTime::currentDateTimeUtc(), false);
        panel.show();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(panel.selectService(kHead));
        QVERIFY(waitForTitle(panel, u"Head CT intracranial hyperdensity"_s));
        qInfo("first detail page (engine start) shown %lld ms after selection", qint64(clock.elapsed()));
        QCOMPARE(panel.detailView()->url(), panel.detailView()->documentUrl());
        QCOMPARE(panel.detailView()->url().scheme(), u"haip"_s);
        clock.restart();
        panel.setLanguage(u"ja"_s);
        QVERIFY(waitForTitle(panel, u"頭部CT 頭蓋内高吸収域検出"_s));
        qInfo("next detail page shown %lld ms after the language switch", qint64(clock.elapsed()));
        clock.restart();
        QVERIFY(panel.selectService(kNodule));
        QVERIFY(waitForTitle(panel, u"胸部CT 充実性結節候補検出"_s));
        qInfo("next detail page shown %lld ms after selection", qint64(clock.elapsed()));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("ja") << u"ja"_s;
    }

    void screenshots()
    {
        QFETCH(QString, language);
        Theme::applyFonts(language);
        CatalogPanel panel;
        panel.resize(1000, 1100);
        panel.setLanguage(language);
        panel.setCatalog(m_catalog, QDateTime(QDate(2026, 11, 26), QTime(8, 15), QTimeZone::utc()), true);
        panel.setSeriesFacts(ctSeries(120));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.selectService(kNodule));
        const QString title =
            language == u"ja"_s ? u"胸部CT 充実性結節候補検出"_s : u"Chest CT solid-nodule candidates"_s;
        QVERIFY(waitForTitle(panel, title));
        // Let the page paint before grabbing: its red notice box appears in the view.
        QTRY_VERIFY_WITH_TIMEOUT(countNear(panel.detailView()->grab().toImage(), QColor(0xc6, 0x28, 0x28)) > 200,
                                 20000);
        const QImage shot = panel.grab().toImage();
        QVERIFY(shot.save(test::artifactsDir() + u"/catalog-panel-%1.png"_s.arg(language)));
        // The research badges of the accepted rows in their colour; the approved MR service is
        // refused for this CT, so its badge is greyed (no pixel of the full colour).
        const QColor research = CatalogDelegate::badgeColour(u"research-use-only"_s);
        const QColor approved = CatalogDelegate::badgeColour(u"pmda-approved"_s);
        QVERIFY(countNear(shot, research) > 300);
        QCOMPARE(countNear(shot, approved), 0);
        // An MR series turns it round: the approved badge in full colour, the research ones greyed.
        platform::SeriesFacts mr = ctSeries(40);
        mr.modality = u"MR"_s;
        panel.setSeriesFacts(mr);
        const QImage mrShot = panel.grab().toImage();
        QVERIFY(countNear(mrShot, approved) > 100);
        QCOMPARE(countNear(mrShot, research), 0);
    }
};

int main(int argc, char *argv[])
{
    SafeWebView::registerScheme();
    QApplication app(argc, argv);
    Theme(ThemeKind::Dark).apply(app); // as haip-workstation starts
    TestCatalogPanel test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestCatalogPanel.moc"
