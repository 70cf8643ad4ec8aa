// TestPolicyTemplates: the Group Policy templates (installer/windows/policy) against what the
// workstation reads — every key of core/config and docs/policy.md has a machine policy under
// HKLM\SOFTWARE\Policies\HAIP\Workstation with the element its type needs, no policy names a
// value the workstation ignores, and every string and presentation the ADMX uses is defined in
// the en-US and ja-JP ADML. Well-formedness is checked by an independent parser (xmllint).
#include "TestSupport.h"
#include "config/ConfigKey.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;
using haip::config::ConfigType;

namespace {

const QString kPolicyKey = u"SOFTWARE\\Policies\\HAIP\\Workstation"_s;

QString policyDir()
{
    return QStringLiteral(HAIP_SOURCE_DIR "/installer/windows/policy");
}

struct AdmxPolicy
{
    QString key;
    QString valueName; // on the policy (yes/no policies) or on its one element
    QString element; // text, decimal, enum, multiText, or "boolean" (enabled/disabled values)
    QString className;
    QString minValue;
    QString maxValue;
    QStringList enumValues;
    bool enabledIsOne = false;
    bool disabledIsZero = false;
};

struct Admx
{
    QMap<QString, AdmxPolicy> policies; // by value name
    QSet<QString> stringIds; // $(string.X) used
    QSet<QString> presentationIds; // $(presentation.X) used
};

void collectRefs(const QString &text, Admx &admx)
{
    static const QRegularExpression ref(u"\\$\\((string|presentation)\\.([A-Za-z0-9_]+)\\)"_s);
    for (auto it = ref.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        (m.captured(1) == u"string" ? admx.stringIds : admx.presentationIds).insert(m.captured(2));
    }
}

Admx readAdmx(const QString &path)
{
    Admx admx;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return admx;
    QXmlStreamReader xml(&file);
    AdmxPolicy current;
    QString section; // enabledValue / disabledValue
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto attrs = xml.attributes();
            for (const auto &a : attrs)
                collectRefs(a.value().toString(), admx);
            const auto name = xml.name();
            if (name == u"policy") {
                current = AdmxPolicy();
                current.key = attrs.value(u"key"_s).toString();
                current.valueName = attrs.value(u"valueName"_s).toString();
                current.className = attrs.value(u"class"_s).toString();
            } else if (name == u"enabledValue" || name == u"disabledValue") {
                section = name.toString();
                current.element = u"boolean"_s;
            } else if (name == u"decimal" && !section.isEmpty()) {
                (section == u"enabledValue" ? current.enabledIsOne : current.disabledIsZero) =
                    attrs.value(u"value"_s) == (section == u"enabledValue" ? u"1"_s : u"0"_s);
            } else if (name == u"text" || name == u"decimal" || name == u"enum" || name == u"multiText" ||
                       name == u"list" || name == u"boolean") {
                current.element = name.toString();
                current.valueName = attrs.value(u"valueName"_s).toString();
                if (attrs.hasAttribute(u"key"_s))
                    current.key = attrs.value(u"key"_s).toString();
                current.minValue = attrs.value(u"minValue"_s).toString();
                current.maxValue = attrs.value(u"maxValue"_s).toString();
            } else if (name == u"string" && current.element == u"enum") {
                current.enumValues.append(xml.readElementText());
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == u"enabledValue" || xml.name() == u"disabledValue")
                section.clear();
            else if (xml.name() == u"policy")
                admx.policies.insert(current.valueName, current);
        }
    }
    if (xml.hasError())
        admx.policies.clear();
    return admx;
}

// The ids an ADML defines: string ids and presentation ids.
QPair<QSet<QString>, QSet<QString>> readAdml(const QString &path)
{
    QSet<QString> strings;
    QSet<QString> presentations;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"string") {
            const QString id = xml.attributes().value(u"id"_s).toString();
            if (!xml.readElementText().trimmed().isEmpty())
                strings.insert(id);
        } else if (xml.name() == u"presentation") {
            presentations.insert(xml.attributes().value(u"id"_s).toString());
        }
    }
    return {strings, presentations};
}

// The names of the settings table of docs/policy.md ("| `Name` | type | …").
QStringList docsPolicyKeys()
{
    QFile file(QStringLiteral(HAIP_SOURCE_DIR "/docs/policy.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression row(u"^\\| `([A-Za-z0-9]+)` \\|"_s, QRegularExpression::MultilineOption);
    QStringList names;
    const QString text = QString::fromUtf8(file.readAll());
    for (auto it = row.globalMatch(text); it.hasNext();)
        names.append(it.next().captured(1));
    return names;
}

QString expectedElement(ConfigType type)
{
    switch (type) {
    case ConfigType::Bool:
        return u"boolean"_s;
    case ConfigType::Integer:
        return u"decimal"_s;
    case ConfigType::Choice:
        return u"enum"_s;
    case ConfigType::List:
    case ConfigType::ChoiceList:
        return u"multiText"_s; // REG_MULTI_SZ under the value name, as PolicyStore reads it
    case ConfigType::Text:
    case ConfigType::HttpsUrl:
    case ConfigType::Sha256Hex:
    case ConfigType::Proxy:
        return u"text"_s;
    }
    return {};
}

} // namespace

class TestPolicyTemplates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!haip::test::findTool(u"xmllint"_s).isEmpty(), "xmllint missing: install libxml2-utils");
        m_admx = readAdmx(policyDir() + u"/haip-workstation.admx"_s);
        QVERIFY2(!m_admx.policies.isEmpty(), "haip-workstation.admx unreadable");
    }

    void wellFormed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("admx") << u"haip-workstation.admx"_s;
        QTest::newRow("en-US") << u"en-US/haip-workstation.adml"_s;
        QTest::newRow("ja-JP") << u"ja-JP/haip-workstation.adml"_s;
    }
    void wellFormed()
    {
        QFETCH(QString, file);
        const auto result = haip::test::run(haip::test::findTool(u"xmllint"_s),
                                            {u"--noout"_s, u"--encode"_s, u"UTF-8"_s, policyDir() + u'/' + file});
        QVERIFY2(result.finished && result.exitCode == 0, result.err.constData());
    }

    void everyDocumentedKeyHasAPolicy()
    {
        const QStringList documented = docsPolicyKeys();
        QVERIFY2(documented.size() >= 10, "the settings table of docs/policy.md was not found");
        for (const QString &name : documented)
            QVERIFY2(m_admx.policies.contains(name), qPrintable(u"no ADMX policy for "_s + name));
        // docs/policy.md and core/config agree, so the ADMX covers what the workstation reads.
        for (const auto &key : haip::config::configKeys())
            QVERIFY2(documented.contains(QLatin1String(key.name)), key.name);
    }

    void noPolicyTheWorkstationIgnores()
    {
        for (auto it = m_admx.policies.cbegin(); it != m_admx.policies.cend(); ++it) {
            const auto *key = haip::config::findConfigKey(it.key());
            QVERIFY2(key && it.key() == QLatin1String(key->name),
                     qPrintable(u"ADMX value "_s + it.key() + u" is not a key of core/config"_s));
        }
        QCOMPARE(m_admx.policies.size(), haip::config::configKeys().size());
    }

    void elementsMatchTheTypes()
    {
        for (const auto &key : haip::config::configKeys()) {
            const QString name = QLatin1String(key.name);
            const AdmxPolicy p = m_admx.policies.value(name);
            QVERIFY2(p.className == u"Machine", key.name);
            QVERIFY2(p.key == kPolicyKey, key.name);
            QVERIFY2(p.element == expectedElement(key.type), qPrintable(name + u": "_s + p.element));
            if (key.type == ConfigType::Bool)
                QVERIFY2(p.enabledIsOne && p.disabledIsZero, key.name);
            if (key.type == ConfigType::Integer) {
                QCOMPARE(p.minValue, QString::number(key.minimum));
                QCOMPARE(p.maxValue, QString::number(key.maximum));
            }
            if (key.type == ConfigType::Choice)
                QCOMPARE(p.enumValues, key.choices);
        }
    }

    void stringsDefinedInBothLanguages_data()
    {
        QTest::addColumn<QString>("adml");
        QTest::newRow("en-US") << u"en-US/haip-workstation.adml"_s;
        QTest::newRow("ja-JP") << u"ja-JP/haip-workstation.adml"_s;
    }
    void stringsDefinedInBothLanguages()
    {
        QFETCH(QString, adml);
        const auto [strings, presentations] = readAdml(policyDir() + u'/' + adml);
        QVERIFY(!m_admx.stringIds.isEmpty());
        for (const QString &id : std::as_const(m_admx.stringIds))
            QVERIFY2(strings.contains(id), qPrintable(adml + u": no string "_s + id));
        for (const QString &id : std::as_const(m_admx.presentationIds))
            QVERIFY2(presentations.contains(id), qPrintable(adml + u": no presentation "_s + id));
    }

    void japaneseStringsAreJapanese()
    {
        // Every policy title in ja-JP carries Japanese text (no English left behind).
        QFile file(policyDir() + u"/ja-JP/haip-workstation.adml"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        static const QRegularExpression japanese(u"[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"_s);
        int titles = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement() || xml.name() != u"string")
                continue;
            const QString id = xml.attributes().value(u"id"_s).toString();
            const QString text = xml.readElementText();
            if (m_admx.policies.contains(id) || id.endsWith(u"_Help")) {
                QVERIFY2(text.contains(japanese), qPrintable(id));
                ++titles;
            }
        }
        QCOMPARE(titles, 2 * int(haip::config::configKeys().size()));
    }

private:
    Admx m_admx;
};

QTEST_GUILESS_MAIN(TestPolicyTemplates)
#include "TestPolicyTemplates.moc"
