// services::ServiceRegistry and CatalogEntry: the three reference services with complete
// catalog entries (every field the issue lists, research use only, both languages, detail
// pages without scripts or remote resources), a JSON round trip, and refusal of an entry
// that lacks a required field.
#include "services/CatalogEntry.h"
#include "services/ServiceRegistry.h"

#include <QJsonArray>
#include <QtTest>

using namespace haip;
using namespace haip::services;
using namespace Qt::StringLiterals;

class TestServiceCatalog : public QObject
{
    Q_OBJECT

private slots:
    void registryHoldsTheThreeServices();
    void entriesAreComplete_data();
    void entriesAreComplete();
    void jsonRoundTrip();
    void refusesIncompleteEntry_data();
    void refusesIncompleteEntry();

private:
    ServiceRegistry m_registry;
};

void TestServiceCatalog::registryHoldsTheThreeServices()
{
    QVERIFY(m_registry.valid());
    // The same ids haip-platform init creates envelope keys for (PlatformState::serviceIds).
    QCOMPARE(m_registry.ids(), (QStringList {u"chest-ct-nodule"_s, u"head-ct-hyperdensity"_s, u"anomaly-heatmap"_s}));
    QCOMPARE(m_registry.services().size(), 3);
    QVERIFY(m_registry.find(u"no-such-service"_s) == nullptr);
    for (const ReferenceService *s : m_registry.services())
        QCOMPARE(s->catalogEntry().id, s->id());
}

void TestServiceCatalog::entriesAreComplete_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("modality");
    QTest::addColumn<bool>("singleImages");
    QTest::newRow("chest") << u"chest-ct-nodule"_s << u"CT"_s << false;
    QTest::newRow("head") << u"head-ct-hyperdensity"_s << u"CT"_s << false;
    QTest::newRow("heat map") << u"anomaly-heatmap"_s << u"DX"_s << true;
}

void TestServiceCatalog::entriesAreComplete()
{
    QFETCH(QString, id);
    QFETCH(QString, modality);
    QFETCH(bool, singleImages);
    const ReferenceService *service = m_registry.find(id);
    QVERIFY(service != nullptr);
    const CatalogEntry &e = service->catalogEntry();
    QVERIFY(!e.name.ja.isEmpty() && !e.name.en.isEmpty());
    QVERIFY(e.name.ja != e.name.en);
    QVERIFY(!e.vendor.isEmpty());
    QVERIFY(!e.version.isEmpty());
    QVERIFY(!e.intendedUse.ja.isEmpty() && !e.intendedUse.en.isEmpty());
    QVERIFY(e.modalities.contains(modality));
    QVERIFY(!e.bodyParts.isEmpty());
    QVERIFY(e.input.modalities.contains(modality));
    QVERIFY(e.input.minSlices >= 1);
    QVERIFY(e.input.maxSlices >= e.input.minSlices);
    QVERIFY(e.input.maxSliceThicknessMm > 0.0);
    QCOMPARE(e.input.acceptsSingleImages, singleImages);
    QCOMPARE(e.outputKinds, (QStringList {u"SEG"_s, u"SR"_s, u"HTML"_s, u"JSON"_s}));
    QCOMPARE(e.regulatoryStatus, u"research-use-only"_s);
    QVERIFY(e.regulatoryText.en.contains(u"Research use only"_s));
    QVERIFY(e.regulatoryText.ja.contains(u"研究用途"_s));
    QVERIFY(e.approvalNumber.isEmpty());
    QVERIFY(e.expectedTurnaroundSeconds > 0);
    for (const QString &page : {e.detailHtml.ja, e.detailHtml.en}) {
        QVERIFY(page.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(!page.contains(u"<script"_s, Qt::CaseInsensitive));
        QVERIFY(!page.contains(u"http://"_s) && !page.contains(u"https://"_s));
    }
    QVERIFY(e.detailHtml.en.contains(u"Research use only"_s));
    QVERIFY(e.detailHtml.ja.contains(u"研究用途"_s));
}

void TestServiceCatalog::jsonRoundTrip()
{
    for (const ReferenceService *s : m_registry.services()) {
        const QJsonObject json = s->catalogEntry().toJson();
        QCOMPARE(json.value(u"regulatory"_s).toObject().value(u"status"_s).toString(), u"research-use-only"_s);
        const Result<CatalogEntry> back = CatalogEntry::fromJson(json);
        QVERIFY(back);
        QCOMPARE(back->toJson(), json);
    }
}

void TestServiceCatalog::refusesIncompleteEntry_data()
{
    QTest::addColumn<QString>("field");
    for (const char *field : {"id",
                              "name",
                              "vendor",
                              "version",
                              "intended_use",
                              "modalities",
                              "input",
                              "output_kinds",
                              "regulatory",
                              "expected_turnaround_seconds"})
        QTest::newRow(field) << QString::fromLatin1(field);
}

void TestServiceCatalog::refusesIncompleteEntry()
{
    QFETCH(QString, field);
    QJsonObject json = m_registry.find(u"chest-ct-nodule"_s)->catalogEntry().toJson();
    json.remove(field);
    const Result<CatalogEntry> r = CatalogEntry::fromJson(json);
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(r.error().message().contains(field) || r.error().detail().contains(field), qPrintable(r.error().detail()));
}

QTEST_GUILESS_MAIN(TestServiceCatalog)
#include "TestServiceCatalog.moc"
