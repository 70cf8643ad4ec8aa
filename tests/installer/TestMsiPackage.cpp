// TestMsiPackage: the Windows installer's silent-install contract, proved on Linux. The real
// built programs (debug info stripped, as a release payload) are staged and packed with wixl
// by installer/windows/wixl-build.py; msiinfo shows the tables hold the contract; then the MSI
// is really installed under wine64 in a private prefix: every public property lands in the
// policy key with its registry type, a newer version upgrades in place keeping them without
// being told again, an older one is refused, and uninstalling removes files and keys.
// Slots run in order and build on each other (install → upgrade → downgrade → uninstall).
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QVersionNumber>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// Fixed for the product's life: a change would break every upgrade in the field.
const QString kUpgradeCode = u"{86D196C5-E01D-447C-B2E5-7A2D0982186E}"_s;
const QString kPolicyKey = u"HKLM\\SOFTWARE\\Policies\\HAIP\\Workstation"_s;
const QString kRecordKey = u"HKLM\\SOFTWARE\\HAIP\\Workstation"_s;
const QString kCa = u"3f2a6c0e9b8d7f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192"_s;
const QString kCatalog = u"0011223344556677889900aabbccddeeff00112233445566778899aabbccddee"_s;

// The public properties of the contract: property, policy value name, registry type, value.
struct Contract
{
    QString property;
    QString valueName;
    QString type;
    QString value; // as given on the command line
    QString read; // as `reg query` prints it
};
const QList<Contract> kContract = {
    {u"PLATFORMURL"_s,
     u"PlatformUrl"_s,
     u"REG_SZ"_s,
     u"https://haip.hospital.example:8443"_s,
     u"https://haip.hospital.example:8443"_s},
    {u"PINNEDCASHA256"_s, u"PinnedCaSha256"_s, u"REG_SZ"_s, kCa, kCa},
    {u"CATALOGKEYSHA256"_s, u"CatalogKeySha256"_s, u"REG_SZ"_s, kCatalog, kCatalog},
    {u"REQUIREOTP"_s, u"RequireOtp"_s, u"REG_DWORD"_s, u"1"_s, u"0x1"_s},
    {u"IDLELOCKMINUTES"_s, u"IdleLockMinutes"_s, u"REG_DWORD"_s, u"15"_s, u"0xf"_s},
};

// msiinfo export <msi> <table>: rows after the three header lines, tab-separated.
QList<QStringList> table(const QString &msi, const QString &name)
{
    const auto r = haip::test::run(haip::test::findTool(u"msiinfo"_s), {u"export"_s, msi, name});
    QList<QStringList> rows;
    // msiinfo ends its lines with CR LF.
    const QStringList lines = QString::fromUtf8(r.out).remove(u'\r').split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 3; i < lines.size(); ++i)
        rows.append(lines[i].split(u'\t'));
    return rows;
}

QString cell(const QList<QStringList> &rows, const QString &first, int column)
{
    for (const QStringList &row : rows) {
        if (row.value(0) == first)
            return row.value(column);
    }
    return {};
}

// Windows Installer's packed form of a GUID (how it names components and products under
// ...\Installer\UserData): each of the first three groups reversed, then each byte's nibbles swapped.
QString packedGuid(QString guid)
{
    guid.remove(u'{').remove(u'}').remove(u'-');
    auto reversed = [](const QString &s) {
        QString r;
        for (qsizetype i = s.size() - 1; i >= 0; --i)
            r.append(s[i]);
        return r;
    };
    QString out = reversed(guid.mid(0, 8)) + reversed(guid.mid(8, 4)) + reversed(guid.mid(12, 4));
    for (qsizetype i = 16; i + 1 < guid.size(); i += 2)
        out += guid.mid(i + 1, 1) + guid.mid(i, 1);
    return out.toUpper();
}

// Attributes of the first element named `element` in an XML file ({} when absent or malformed).
QXmlStreamAttributes firstElement(const QString &path, const QString &element)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == element)
            return xml.attributes();
    }
    return {};
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestMsiPackage : public QObject
{
    Q_OBJECT

private:
    QString m_work = QStringLiteral(HAIP_MSI_WORK_DIR);
    QString m_wine;
    QString m_version = QStringLiteral(HAIP_PROJECT_VERSION);
    QString m_newer;
    QString m_newest; // a second upgrade, given one property again
    QString m_older;
    QString m_msi; // this version
    QString m_newerMsi;
    QString m_newestMsi;
    QString m_olderMsi;

    QString prefix() const { return m_work + u"/wineprefix"_s; }
    QString installDir() const { return prefix() + u"/drive_c/Program Files/HAIP/Clinician Workstation"_s; }

    // Stops this prefix's wine server (and with it any program left running in the prefix).
    void stopWineServer()
    {
        QString server = haip::test::findTool(u"wineserver"_s);
        if (server.isEmpty())
            server = u"/usr/lib/wine/wineserver64"_s;
        haip::test::run(server, {u"-k"_s});
    }

    haip::test::ProcessResult wine(const QStringList &args, int timeoutMs = 120000)
    {
        return haip::test::run(m_wine, args, timeoutMs);
    }

    // `reg query <key>`: value name → (type, data); empty when the key does not exist.
    QMap<QString, QPair<QString, QString>> regQuery(const QString &key)
    {
        QMap<QString, QPair<QString, QString>> values;
        const auto r = wine({u"reg"_s, u"query"_s, key});
        static const QRegularExpression line(u"^\\s+(\\S+)\\s+(REG_\\w+)\\s*(.*?)\\s*$"_s);
        for (const QString &l : QString::fromUtf8(r.out).split(u'\n')) {
            const auto m = line.match(l);
            if (m.hasMatch())
                values.insert(m.captured(1), {m.captured(2), m.captured(3)});
        }
        return values;
    }
    bool keyExists(const QString &key)
    {
        const auto r = wine({u"reg"_s, u"query"_s, key});
        return r.finished && r.exitCode == 0;
    }
    // Whether the product installed the component (registered as its client) — so a value
    // found after an upgrade was written by the new product, not left behind by the old one.
    bool installedBy(const QString &msi, const QString &component, const QString &productCode)
    {
        const QString id = cell(table(msi, u"Component"_s), component, 1);
        const auto clients = regQuery(
            u"HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Installer\\UserData\\S-1-5-18\\Components\\"_s +
            packedGuid(id));
        return !id.isEmpty() && clients.contains(packedGuid(productCode));
    }

    QStringList shortcuts() const
    {
        QStringList found;
        QDirIterator it(prefix() + u"/drive_c"_s, {u"*.lnk"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(u"HAIP Clinician Workstation"))
                found.append(path);
        }
        return found;
    }

    void buildMsi(const QString &version, const QString &out)
    {
        const auto r = haip::test::run(haip::test::findTool(u"python3"_s),
                                       {QStringLiteral(HAIP_SOURCE_DIR "/installer/windows/wixl-build.py"),
                                        u"--stage"_s,
                                        m_work + u"/stage"_s,
                                        u"--version"_s,
                                        version,
                                        u"--upgrade-code"_s,
                                        QStringLiteral(HAIP_MSI_UPGRADE_CODE),
                                        u"--out"_s,
                                        out});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QVERIFY(QFileInfo(out).size() > 0);
    }

private slots:
    void initTestCase()
    {
        for (const QString &tool : {u"wixl"_s, u"wixl-heat"_s, u"msiinfo"_s, u"msibuild"_s})
            QVERIFY2(!haip::test::findTool(tool).isEmpty(),
                     qPrintable(tool + u" missing: install wixl and msitools"_s));
        QVERIFY2(!haip::test::findTool(u"python3"_s).isEmpty(), "python3 missing");
        QVERIFY2(!haip::test::findTool(u"strip"_s).isEmpty(), "strip missing: install binutils");
        m_wine = haip::test::findTool(u"wine64"_s);
        if (m_wine.isEmpty() && QFileInfo(u"/usr/lib/wine/wine64"_s).isExecutable())
            m_wine = u"/usr/lib/wine/wine64"_s; // Debian's wine64 without the wine wrapper package
        QVERIFY2(!m_wine.isEmpty(), "wine64 missing: install wine64 (--no-install-recommends)");

        const QVersionNumber v = QVersionNumber::fromString(m_version);
        m_newer = QVersionNumber(v.majorVersion(), v.minorVersion(), v.microVersion() + 1).toString();
        m_newest = QVersionNumber(v.majorVersion(), v.minorVersion(), v.microVersion() + 2).toString();
        m_older = v.microVersion() > 0
            ? QVersionNumber(v.majorVersion(), v.minorVersion(), v.microVersion() - 1).toString()
            : v.minorVersion() > 0 ? QVersionNumber(v.majorVersion(), v.minorVersion() - 1, 99).toString()
                                   : QVersionNumber(v.majorVersion() - 1, 99, 99).toString();

        // Stage the real programs of this build as the Windows install tree would hold them.
        QDir(m_work + u"/stage"_s).removeRecursively();
        QVERIFY(QDir().mkpath(m_work + u"/stage/bin"_s));
        const QString from = qEnvironmentVariable("HAIP_MSI_PAYLOAD_DIR", QStringLiteral(HAIP_BIN_DIR));
        for (const QString &program : {u"haip-workstation"_s, u"haip-cli"_s}) {
            const auto r = haip::test::run(
                haip::test::findTool(u"strip"_s),
                {u"--strip-debug"_s, u"-o"_s, m_work + u"/stage/bin/"_s + program + u".exe"_s, from + u'/' + program});
            QVERIFY2(r.finished && r.exitCode == 0, qPrintable(program + u": "_s + QString::fromUtf8(r.err)));
        }
        const QString policy = QStringLiteral(HAIP_SOURCE_DIR "/installer/windows/policy");
        QVERIFY(QDir().mkpath(m_work + u"/stage/policy/en-US"_s) && QDir().mkpath(m_work + u"/stage/policy/ja-JP"_s));
        for (const QString &f :
             {u"haip-workstation.admx"_s, u"en-US/haip-workstation.adml"_s, u"ja-JP/haip-workstation.adml"_s})
            QVERIFY(QFile::copy(policy + u'/' + f, m_work + u"/stage/policy/"_s + f));

        m_msi = m_work + u"/haip-workstation-"_s + m_version + u".msi"_s;
        m_newerMsi = m_work + u"/haip-workstation-"_s + m_newer + u".msi"_s;
        m_newestMsi = m_work + u"/haip-workstation-"_s + m_newest + u".msi"_s;
        m_olderMsi = m_work + u"/haip-workstation-"_s + m_older + u".msi"_s;
        buildMsi(m_version, m_msi);
        buildMsi(m_newer, m_newerMsi);
        buildMsi(m_newest, m_newestMsi);
        buildMsi(m_older, m_olderMsi);
        qInfo("MSI %s: %lld bytes", qPrintable(m_version), QFileInfo(m_msi).size());

        // A private wine prefix, created once per build tree; one left with the product
        // installed by an interrupted run is made again.
        qputenv("WINEPREFIX", prefix().toUtf8());
        qputenv("WINEDEBUG", "-all");
        qputenv("WINEDLLOVERRIDES", "mscoree=;mshtml="); // no Mono/Gecko prompts
        qunsetenv("DISPLAY");
        if (QFileInfo::exists(prefix()) && keyExists(kRecordKey)) {
            stopWineServer();
            QVERIFY(QDir(prefix()).removeRecursively());
        }
        if (!QFileInfo::exists(prefix() + u"/system.reg"_s)) {
            const auto r = wine({u"wineboot"_s, u"--init"_s}, 180000);
            QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        }
    }

    void cleanupTestCase()
    {
        if (!m_wine.isEmpty())
            stopWineServer();
    }

    void windowsBuildSharesTheProduct()
    {
        // The CPack template (WiX toolset on Windows) and the wixl product stay twins: same
        // scope, upgrade rule and shared pieces; the Windows-only fragment is pulled in.
        const QString dir = QStringLiteral(HAIP_SOURCE_DIR "/installer/windows/");
        const QString product = dir + u"HaipProduct.wxs"_s;
        const QString templ = dir + u"WIX.template.in"_s;
        for (const QString &element : {u"Package"_s, u"MajorUpgrade"_s}) {
            const auto a = firstElement(product, element);
            const auto b = firstElement(templ, element);
            QVERIFY2(!a.isEmpty() && !b.isEmpty(), qPrintable(element));
            for (const QString &attribute : {u"InstallScope"_s,
                                             u"DowngradeErrorMessage"_s,
                                             u"Schedule"_s,
                                             u"AllowSameVersionUpgrades"_s,
                                             u"AllowDowngrades"_s})
                QCOMPARE(b.value(attribute), a.value(attribute));
        }
        QCOMPARE(firstElement(product, u"Package"_s).value(u"InstallScope"_s), u"perMachine"_s);
        QVERIFY(readText(product).contains(u"<?include HaipProperties.wxi?>"_s));
        QVERIFY(readText(templ).contains(u"<?include HaipProperties.wxi?>"_s));
        QVERIFY(readText(templ).contains(u"<PropertyRef Id=\"HAIPWINDOWSTOOLSET\"/>"_s));
        QCOMPARE(firstElement(dir + u"HaipWindowsToolset.wxs"_s, u"Property"_s).value(u"Id"_s),
                 u"HAIPWINDOWSTOOLSET"_s);
        const QString patch = readText(dir + u"cpack-patch.xml"_s);
        QVERIFY(patch.contains(u"<ComponentGroupRef Id=\"HaipPolicy\"/>"_s));
        QVERIFY(patch.contains(u"<ComponentGroupRef Id=\"HaipShell\"/>"_s));
        // One UpgradeCode: CMake's (given to wixl and to CPack) is the one fixed here.
        QCOMPARE(u'{' + QStringLiteral(HAIP_MSI_UPGRADE_CODE) + u'}', kUpgradeCode);
    }

    void propertyTableHoldsTheContract()
    {
        const auto props = table(m_msi, u"Property"_s);
        QCOMPARE(cell(props, u"UpgradeCode"_s, 1), kUpgradeCode);
        QCOMPARE(cell(props, u"ProductVersion"_s, 1), m_version);
        QCOMPARE(cell(props, u"ALLUSERS"_s, 1), u"1"_s); // per-machine
        QCOMPARE(cell(props, u"REBOOT"_s, 1), u"ReallySuppress"_s);
        QCOMPARE(cell(props, u"ARPNOMODIFY"_s, 1), u"1"_s);
        const QStringList secure = cell(props, u"SecureCustomProperties"_s, 1).split(u';');
        for (const Contract &c : kContract)
            QVERIFY2(secure.contains(c.property), qPrintable(c.property));
        QVERIFY(secure.contains(u"DESKTOPSHORTCUT"_s));
        // Remembered values are searched in the 64-bit view (RegLocator type raw | 64-bit).
        const auto appSearch = table(m_msi, u"AppSearch"_s);
        const auto locators = table(m_msi, u"RegLocator"_s);
        for (const QString &p : {u"PLATFORMURL"_s,
                                 u"PINNEDCASHA256"_s,
                                 u"CATALOGKEYSHA256"_s,
                                 u"REQUIREOTP"_s,
                                 u"IDLELOCKMINUTES"_s,
                                 u"DESKTOPSHORTCUT"_s}) {
            const QString signature = cell(appSearch, p, 1);
            QVERIFY2(!signature.isEmpty(), qPrintable(p));
            QCOMPARE(cell(locators, signature, 3), p);
            QCOMPARE(cell(locators, signature, 4), u"18"_s);
        }
    }

    void registryTableHoldsTheContract()
    {
        const auto registry = table(m_msi, u"Registry"_s);
        const auto components = table(m_msi, u"Component"_s);
        for (const Contract &c : kContract) {
            bool found = false;
            for (const QStringList &row : registry) {
                if (row.value(2) != u"SOFTWARE\\Policies\\HAIP\\Workstation" || row.value(3) != c.valueName)
                    continue;
                found = true;
                QCOMPARE(row.value(1), u"2"_s); // HKLM
                const QString expected = (c.type == u"REG_DWORD" ? u"#["_s : u"["_s) + c.property + u']';
                QCOMPARE(row.value(4), expected);
                // Written only when the property has a value (the workstation's default otherwise).
                QCOMPARE(cell(components, row.value(5), 4), c.property);
                QVERIFY2(cell(components, row.value(5), 3).toInt() & 256, "not a 64-bit component");
            }
            QVERIFY2(found, qPrintable(c.valueName));
        }
        for (const QStringList &row : registry) {
            QVERIFY2(row.value(1) == u"2", qPrintable(u"not HKLM: "_s + row.join(u' ')));
            QVERIFY2(!row.value(2).contains(u"Policies") ||
                         kContract.cend() !=
                             std::find_if(kContract.cbegin(),
                                          kContract.cend(),
                                          [&](const Contract &c) { return c.valueName == row.value(3); }),
                     qPrintable(u"unexpected policy value "_s + row.value(3)));
        }
    }

    void shortcutAndUpgradeTables()
    {
        const auto shortcuts = table(m_msi, u"Shortcut"_s);
        const auto components = table(m_msi, u"Component"_s);
        const auto directories = table(m_msi, u"Directory"_s);
        QCOMPARE(cell(directories, cell(shortcuts, u"StartMenuWorkstation"_s, 1), 1), u"ProgramMenuFolder"_s);
        QCOMPARE(cell(shortcuts, u"StartMenuWorkstation"_s, 4), u"[INSTALL_ROOT]bin\\haip-workstation.exe"_s);
        QCOMPARE(cell(shortcuts, u"DesktopWorkstation"_s, 1), u"DesktopFolder"_s);
        QCOMPARE(cell(components, cell(shortcuts, u"DesktopWorkstation"_s, 3), 4), u"DESKTOPSHORTCUT<>\"0\""_s);
        QCOMPARE(cell(components, u"DcmFileHandler"_s, 4), u"DCMASSOCIATION=\"1\""_s);

        // Upgrade: older versions are found and removed; a newer one is detected (and refused).
        const auto upgrade = table(m_msi, u"Upgrade"_s);
        QCOMPARE(upgrade.size(), 2);
        bool removesOlder = false;
        bool detectsNewer = false;
        for (const QStringList &row : upgrade) {
            QCOMPARE(row.value(0), kUpgradeCode);
            if (row.value(1).isEmpty() && row.value(2) == m_version && row.value(6) == u"WIX_UPGRADE_DETECTED")
                removesOlder = (row.value(4).toInt() & 1) == 1; // OnlyDetect off, VersionMaxInclusive off
            if (row.value(1) == m_version && row.value(6) == u"WIX_DOWNGRADE_DETECTED")
                detectsNewer = (row.value(4).toInt() & 2) == 2; // OnlyDetect
        }
        QVERIFY(removesOlder);
        QVERIFY(detectsNewer);
        const auto sequence = table(m_msi, u"InstallExecuteSequence"_s);
        QVERIFY(!cell(sequence, u"RemoveExistingProducts"_s, 2).isEmpty());
    }

    void silentInstallWritesEveryPolicy()
    {
        QStringList args {u"msiexec"_s, u"/i"_s, m_msi, u"/qn"_s};
        for (const Contract &c : kContract)
            args.append(c.property + u'=' + c.value);
        args << u"DESKTOPSHORTCUT=0"_s << u"DCMASSOCIATION=1"_s;
        QElapsedTimer timer;
        timer.start();
        const auto r = wine(args);
        qInfo("install: %lld ms", timer.elapsed());
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(u"msiexec /i exit "_s + QString::number(r.exitCode)));

        const auto policy = regQuery(kPolicyKey);
        for (const Contract &c : kContract) {
            QVERIFY2(policy.contains(c.valueName), qPrintable(c.valueName));
            QCOMPARE(policy.value(c.valueName).first, c.type);
            QCOMPARE(policy.value(c.valueName).second, c.read);
        }
        QCOMPARE(policy.size(), kContract.size()); // nothing the workstation would call unknown

        const auto record = regQuery(kRecordKey);
        QCOMPARE(record.value(u"ProductCode"_s).second, cell(table(m_msi, u"Property"_s), u"ProductCode"_s, 1));
        QCOMPARE(record.value(u"Version"_s).second, m_version);
        QVERIFY(keyExists(u"HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\"_s +
                          record.value(u"ProductCode"_s).second));
        QVERIFY(QFileInfo::exists(installDir() + u"/bin/haip-workstation.exe"_s));
        QVERIFY(QFileInfo::exists(installDir() + u"/bin/haip-cli.exe"_s));
        QVERIFY(QFileInfo::exists(installDir() + u"/policy/ja-JP/haip-workstation.adml"_s));
        // The Start-menu shortcut and no desktop one (DESKTOPSHORTCUT=0). Wine puts the
        // all-users Start menu under the user's profile; the Shortcut table names ProgramMenuFolder.
        const QStringList links = shortcuts();
        QCOMPARE(links.size(), 1);
        QVERIFY2(links.first().contains(u"/Start Menu/Programs/HAIP/"), qPrintable(links.first()));
        const auto handler = regQuery(u"HKLM\\SOFTWARE\\Classes\\HAIP.DicomFile\\shell\\open\\command"_s);
        QVERIFY(handler.value(u"(Default)"_s).second.contains(u"haip-workstation.exe\" \"%1\""));
        QVERIFY(!keyExists(u"HKCU\\Software\\HAIP"_s));
    }

    void upgradeKeepsThePolicy()
    {
        const QString oldCode = regQuery(kRecordKey).value(u"ProductCode"_s).second;
        QElapsedTimer timer;
        timer.start();
        const QString log = m_work + u"/upgrade.log"_s;
        QFile::remove(log);
        const QString winLog = u"Z:"_s + QString(log).replace(u'/', u'\\');
        const auto r = wine({u"msiexec"_s, u"/i"_s, m_newerMsi, u"/qn"_s, u"/l*v"_s, winLog}); // no properties
        qInfo("upgrade: %lld ms", timer.elapsed());
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(u"upgrade exit "_s + QString::number(r.exitCode)));
        // The remembered values were read back into the properties (AppSearch): wine keeps an
        // old product's shared components through a major upgrade, so the registry alone
        // would not show a broken remembering.
        QFile logFile(log);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const QString properties = QString::fromUtf8(logFile.readAll()).remove(u'\r');
        for (const Contract &c : kContract)
            QVERIFY2(properties.contains(u"Property(S): "_s + c.property + u" = "_s + c.value + u'\n'),
                     qPrintable(c.property));
        QVERIFY(properties.contains(u"Property(S): DESKTOPSHORTCUT = 0\n"_s));
        QVERIFY(properties.contains(u"Property(S): DCMASSOCIATION = 1\n"_s));

        const auto record = regQuery(kRecordKey);
        QCOMPARE(record.value(u"Version"_s).second, m_newer);
        QVERIFY(record.value(u"ProductCode"_s).second != oldCode);
        QVERIFY(!keyExists(u"HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\"_s + oldCode));
        const auto policy = regQuery(kPolicyKey);
        for (const Contract &c : kContract) {
            QCOMPARE(policy.value(c.valueName).first, c.type);
            QCOMPARE(policy.value(c.valueName).second, c.read);
        }
        const QString newCode = record.value(u"ProductCode"_s).second;
        for (const QString &component : {u"PolicyPlatformUrl"_s,
                                         u"PolicyPinnedCaSha256"_s,
                                         u"PolicyCatalogKeySha256"_s,
                                         u"PolicyRequireOtp"_s,
                                         u"PolicyIdleLockMinutes"_s,
                                         u"RememberDesktopShortcutChoice"_s,
                                         u"DcmFileHandler"_s})
            QVERIFY2(installedBy(m_newerMsi, component, newCode), qPrintable(component));
        QCOMPARE(shortcuts().size(), 1); // DESKTOPSHORTCUT=0 remembered too
        QVERIFY(keyExists(u"HKLM\\SOFTWARE\\Classes\\HAIP.DicomFile"_s));
    }

    void upgradeTakesANewValue()
    {
        // A property given again on a later upgrade wins over the remembered one; the others stay.
        const auto r = wine({u"msiexec"_s, u"/i"_s, m_newestMsi, u"/qn"_s, u"IDLELOCKMINUTES=5"_s});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(u"upgrade exit "_s + QString::number(r.exitCode)));
        QCOMPARE(regQuery(kRecordKey).value(u"Version"_s).second, m_newest);
        const auto policy = regQuery(kPolicyKey);
        QCOMPARE(policy.value(u"IdleLockMinutes"_s), qMakePair(u"REG_DWORD"_s, u"0x5"_s));
        QCOMPARE(policy.value(u"PlatformUrl"_s).second, kContract.first().read);
        QCOMPARE(policy.value(u"RequireOtp"_s), qMakePair(u"REG_DWORD"_s, u"0x1"_s));
    }

    void olderVersionIsRefused()
    {
        const auto r = wine({u"msiexec"_s, u"/i"_s, m_olderMsi, u"/qn"_s});
        QVERIFY(r.finished);
        // 1603 (ERROR_INSTALL_FAILURE); wine's exit status keeps its low byte (1603 & 0xff = 67).
        QVERIFY2(r.exitCode == 1603 || r.exitCode == (1603 & 0xff), qPrintable(QString::number(r.exitCode)));
        QCOMPARE(regQuery(kRecordKey).value(u"Version"_s).second, m_newest);
        QCOMPARE(regQuery(kPolicyKey).value(u"PlatformUrl"_s).second, kContract.first().read);
    }

    void uninstallRemovesFilesAndKeys()
    {
        QElapsedTimer timer;
        timer.start();
        const auto r = wine({u"msiexec"_s, u"/x"_s, m_newestMsi, u"/qn"_s});
        qInfo("uninstall: %lld ms", timer.elapsed());
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(u"msiexec /x exit "_s + QString::number(r.exitCode)));
        QVERIFY(!keyExists(kPolicyKey));
        QVERIFY(!keyExists(kRecordKey));
        QVERIFY(!keyExists(u"HKLM\\SOFTWARE\\Classes\\HAIP.DicomFile"_s));
        QVERIFY(!QFileInfo::exists(installDir()));
        QVERIFY(shortcuts().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMsiPackage)
#include "TestMsiPackage.moc"
