// TestDebPackage: the Debian package, built by CPack from this build tree and really installed.
// The control fields hold the dependencies dpkg-shlibdeps found and the one project version;
// the payload holds the two programs, desktop entry, icons, AppStream data, manual pages and the
// policy template as a conffile, and nothing of the reference tools; desktop-file-validate,
// appstreamcli and lintian (no E: line) accept it. Then `dpkg -i` on this machine (a throwaway
// VM, as root): the installed programs report the version, haip-cli reads the installed
// template as all-default policy, an upgrade keeps an administrator's edit of the conffile,
// `dpkg -r` keeps only the conffile, `dpkg --purge` removes it and leaves dpkg's database as
// it was. Slots run in order and build on each other (build → inspect → install → remove).
#include "TestSupport.h"
#include "config/ConfigKey.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QVersionNumber>
#include <QXmlStreamReader>
#include <QtTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kPackage = u"haip-workstation"_s;
const QString kConffile = u"/etc/haip/workstation.conf"_s;
const QStringList kTools = {u"dpkg"_s,
                            u"dpkg-deb"_s,
                            u"dpkg-query"_s,
                            u"dpkg-shlibdeps"_s,
                            u"lintian"_s,
                            u"appstreamcli"_s,
                            u"desktop-file-validate"_s};

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A tool's output, failing the calling slot on a non-zero exit.
#define HAIP_RUN_OK(result, tool, ...)                                                                                 \
    const auto result = haip::test::run(haip::test::findTool(tool), __VA_ARGS__);                                      \
    QVERIFY2(result.finished &&result.exitCode == 0,                                                                   \
             qPrintable(QString(tool) + u" exit "_s + QString::number(result.exitCode) + u": "_s +                     \
                        QString::fromUtf8(result.err + result.out).left(2000)))

} // namespace

class TestDebPackage : public QObject
{
    Q_OBJECT

private:
    QString m_version = QStringLiteral(HAIP_PROJECT_VERSION);
    QString m_work = QStringLiteral(HAIP_DEB_WORK_DIR);
    QString m_deb;
    QString m_extracted; // dpkg-deb -x of the package
    QStringList m_paths; // the package's files and folders, absolute ("/usr/bin/haip-cli")
    QByteArray m_databaseBefore; // dpkg-query's list before the install

    QString field(const QString &name)
    {
        const auto r = haip::test::run(haip::test::findTool(u"dpkg-deb"_s), {u"-f"_s, m_deb, name});
        return QString::fromUtf8(r.out).simplified();
    }
    // Package, version and state of every package dpkg knows: the machine "as before".
    QByteArray database()
    {
        return haip::test::run(haip::test::findTool(u"dpkg-query"_s),
                               {u"-W"_s, u"-f"_s, u"${Package} ${Version} ${db:Status-Abbrev}\n"_s})
            .out;
    }
    QString status()
    {
        const auto r = haip::test::run(haip::test::findTool(u"dpkg-query"_s),
                                       {u"-W"_s, u"-f"_s, u"${db:Status-Abbrev}"_s, kPackage});
        return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QString();
    }
    haip::test::ProcessResult dpkg(const QStringList &args) { return haip::test::run(u"/usr/bin/dpkg"_s, args); }

private slots:
    void initTestCase()
    {
        // Missing tools or rights: a failure in CI, a skip with the remedy on a developer's machine.
        const bool ci = qEnvironmentVariable("CI") == u"true";
        QStringList missing;
        for (const QString &tool : kTools) {
            if (haip::test::findTool(tool).isEmpty())
                missing.append(tool);
        }
        const QString remedy = u"missing: "_s + missing.join(u", "_s) +
            u" (scripts/install-deps.sh: dpkg-dev lintian appstream desktop-file-utils)"_s;
        if (!missing.isEmpty()) {
            if (ci)
                QFAIL(qPrintable(remedy));
            QSKIP(qPrintable(remedy));
        }
        if (getuid() != 0) {
            if (ci)
                QFAIL("the package is installed for real: run the installer tests as root");
            QSKIP("the package is installed for real: run the installer tests as root (a throwaway machine)");
        }
        qputenv("DEBIAN_FRONTEND", "noninteractive");

        // A package left by an interrupted run is ours to purge; a policy file not owned by it
        // belongs to the machine's administrator and is never touched.
        if (!status().isEmpty())
            QVERIFY(dpkg({u"--purge"_s, kPackage}).exitCode == 0);
        QVERIFY2(!QFileInfo::exists(kConffile),
                 "/etc/haip/workstation.conf exists and belongs to no package: not installing over it");

        QDir(m_work).removeRecursively();
        QVERIFY(QDir().mkpath(m_work));
        QElapsedTimer timer;
        timer.start();
        const auto r =
            haip::test::run(QStringLiteral(HAIP_CPACK),
                            {u"-G"_s, u"DEB"_s, u"--config"_s, QStringLiteral(HAIP_CPACK_CONFIG), u"-B"_s, m_work},
                            300000);
        QVERIFY2(r.finished && r.exitCode == 0, (r.out + r.err).constData());
        m_deb = m_work + u'/' + kPackage + u'_' + m_version + u"_amd64.deb"_s;
        QVERIFY2(QFileInfo::exists(m_deb), qPrintable(m_deb + u" not built: "_s + QString::fromUtf8(r.out)));
        qInfo("cpack: %lld ms, %lld bytes", timer.elapsed(), QFileInfo(m_deb).size());
        // The absolute /etc destination went into CPack's staging folder, not onto this machine.
        QVERIFY(!QFileInfo::exists(kConffile));

        m_extracted = m_work + u"/extracted"_s;
        HAIP_RUN_OK(x, u"dpkg-deb"_s, {u"-x"_s, m_deb, m_extracted});
        HAIP_RUN_OK(c, u"dpkg-deb"_s, {u"-c"_s, m_deb});
        // "-rwxr-xr-x root/root 123 2026-11-27 23:00 ./usr/bin/haip-cli": the sixth field.
        for (const QString &line : QString::fromUtf8(c.out).split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList f = line.simplified().split(u' ');
            QVERIFY2(f.size() >= 6 && f[5].startsWith(u"./"), qPrintable(line));
            QVERIFY2(f[1] == u"root/root", qPrintable(line));
            const QString path = f[5].mid(1).chopped(f[5].endsWith(u'/') && f[5].size() > 2 ? 1 : 0);
            if (path != u"/")
                m_paths.append(path);
        }
    }

    void controlFields()
    {
        QCOMPARE(field(u"Package"_s), kPackage);
        QCOMPARE(field(u"Version"_s), m_version);
        QCOMPARE(field(u"Architecture"_s), u"amd64"_s);
        QCOMPARE(field(u"Section"_s), u"science"_s);
        QVERIFY(field(u"Maintainer"_s).contains(u'@'));
        const QString depends = field(u"Depends"_s);
        qInfo("Depends: %s", qPrintable(depends));
        // dpkg-shlibdeps' work: the linked libraries with the versions the binaries need.
        for (const QString &library : {u"libqt6core6"_s,
                                       u"libqt6widgets6"_s,
                                       u"libqt6webenginewidgets6"_s,
                                       u"libqt6network6"_s,
                                       u"libdcmtk17"_s,
                                       u"libssl3"_s,
                                       u"libpcsclite1"_s,
                                       u"libcurl4"_s,
                                       u"libopenjp2-7"_s,
                                       u"libc6"_s})
            QVERIFY2(QRegularExpression(u"(^|, )"_s + QRegularExpression::escape(library) + u" \\(>= [^)]+\\)"_s)
                         .match(depends)
                         .hasMatch(),
                     qPrintable(library));
        // What Qt loads without linking it, named by hand.
        QVERIFY(depends.contains(u"libqt6webenginecore6-bin"_s));
        QVERIFY(depends.contains(u"libqt6sql6-sqlite"_s));
        QVERIFY(field(u"Recommends"_s).contains(u"pcscd"_s));
    }

    void payload()
    {
        for (const QString &path : {u"/usr/bin/haip-workstation"_s,
                                    u"/usr/bin/haip-cli"_s,
                                    kConffile,
                                    u"/usr/share/applications/haip-workstation.desktop"_s,
                                    u"/usr/share/metainfo/jp.example.haip.workstation.metainfo.xml"_s,
                                    u"/usr/share/icons/hicolor/scalable/apps/haip-workstation.svg"_s,
                                    u"/usr/share/man/man1/haip-workstation.1.gz"_s,
                                    u"/usr/share/man/man1/haip-cli.1.gz"_s,
                                    u"/usr/share/doc/haip-workstation/copyright"_s,
                                    u"/usr/share/doc/haip-workstation/changelog.gz"_s,
                                    u"/usr/share/doc/haip-workstation/admin-guide.md"_s,
                                    u"/usr/share/doc/haip-workstation/audit.md"_s})
            QVERIFY2(m_paths.contains(path), qPrintable(path));
#if HAIP_DEB_PNG_ICONS
        for (const int size : {16, 32, 48, 64, 128, 256}) {
            const QString png = u"/usr/share/icons/hicolor/%1x%1/apps/haip-workstation.png"_s.arg(size);
            QVERIFY2(m_paths.contains(png), qPrintable(png));
            QImage image(m_extracted + png);
            QCOMPARE(image.size(), QSize(size, size));
        }
#endif
        for (const QString &path : std::as_const(m_paths)) {
            // Programs and data under /usr, the policy under /etc; nothing in a home folder.
            QVERIFY2(path.startsWith(u"/usr/") || path.startsWith(u"/etc/haip") || path == u"/usr" || path == u"/etc",
                     qPrintable(path));
            // The reference platform and the virtual card stay out (test and demo tools).
            QVERIFY2(!path.contains(u"haip-platform"_s) && !path.contains(u"haip-vcard"_s), qPrintable(path));
        }
        HAIP_RUN_OK(conffiles, u"dpkg-deb"_s, {u"-I"_s, m_deb, u"conffiles"_s});
        QCOMPARE(QString::fromUtf8(conffiles.out).trimmed(), kConffile);
        // No maintainer scripts: dpkg's triggers refresh the menu, icon and MIME caches.
        HAIP_RUN_OK(info, u"dpkg-deb"_s, {u"-I"_s, m_deb});
        for (const QString &script : {u"preinst"_s, u"postinst"_s, u"prerm"_s, u"postrm"_s})
            QVERIFY2(!QString::fromUtf8(info.out).contains(u' ' + script + u' '), qPrintable(script));
    }

    void policyTemplateNamesEveryKey()
    {
        // Every key the workstation reads is in the template, commented out (the defaults
        // apply until IT sets one), and the template names no other.
        const QString conf = readText(m_extracted + kConffile);
        QSet<QString> named;
        static const QRegularExpression entry(u"^;([A-Za-z0-9]+)="_s, QRegularExpression::MultilineOption);
        for (auto it = entry.globalMatch(conf); it.hasNext();)
            named.insert(it.next().captured(1));
        QSet<QString> keys;
        for (const auto &key : haip::config::configKeys())
            keys.insert(QLatin1String(key.name));
        QCOMPARE(named, keys);
        static const QRegularExpression active(u"^\\s*[A-Za-z]"_s, QRegularExpression::MultilineOption);
        QVERIFY2(!active.match(conf).hasMatch(), "an uncommented line in the template");
    }

    void desktopEntryAndAppStream()
    {
        const QString desktop = m_extracted + u"/usr/share/applications/haip-workstation.desktop"_s;
        HAIP_RUN_OK(d, u"desktop-file-validate"_s, {desktop});
        QVERIFY2(d.out.trimmed().isEmpty(), d.out.constData()); // no hint or warning either
        const QString entry = readText(desktop);
        QVERIFY(entry.contains(u"\nExec=haip-workstation %F\n"_s));
        QVERIFY(entry.contains(u"\nIcon=haip-workstation\n"_s));

        const QString metainfo = m_extracted + u"/usr/share/metainfo/jp.example.haip.workstation.metainfo.xml"_s;
        HAIP_RUN_OK(a, u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s, metainfo});
        QFile file(metainfo);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString release;
        QString launchable;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"release" && release.isEmpty())
                release = xml.attributes().value(u"version"_s).toString();
            if (xml.isStartElement() && xml.name() == u"launchable")
                launchable = xml.readElementText();
        }
        QVERIFY(!xml.hasError());
        QCOMPARE(release, m_version); // the newest release is this version
        QVERIFY(m_paths.contains(u"/usr/share/applications/"_s + launchable));
    }

    void oneVersionEverywhere()
    {
        // The Debian changelog, the manual pages and the project CHANGELOG.md name this version.
        HAIP_RUN_OK(changelog, u"gzip"_s, {u"-dc"_s, m_extracted + u"/usr/share/doc/haip-workstation/changelog.gz"_s});
        QVERIFY(changelog.out.startsWith("haip-workstation (" + m_version.toUtf8() + ") "));
        for (const QString &page : {u"haip-workstation"_s, u"haip-cli"_s}) {
            HAIP_RUN_OK(man, u"gzip"_s, {u"-dc"_s, m_extracted + u"/usr/share/man/man1/"_s + page + u".1.gz"_s});
            QVERIFY2(man.out.contains("\"" + page.toUtf8() + ' ' + m_version.toUtf8() + '"'), qPrintable(page));
        }
        const QString news = readText(m_extracted + u"/usr/share/doc/haip-workstation/CHANGELOG.md"_s);
        static const QRegularExpression first(u"^## \\[([^\\]]+)\\]"_s, QRegularExpression::MultilineOption);
        QCOMPARE(first.match(news).captured(1), m_version);
    }

    void lintianFindsNoError()
    {
        QElapsedTimer timer;
        timer.start();
        const auto r = haip::test::run(haip::test::findTool(u"lintian"_s), {u"--tag-display-limit"_s, u"0"_s, m_deb});
        qInfo("lintian: %lld ms", timer.elapsed());
        QVERIFY2(r.finished, "lintian did not finish");
        QStringList errors;
        for (const QString &line : QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(u"E: "))
                errors.append(line);
            else
                qInfo("%s", qPrintable(line)); // warnings and notes, for the record
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void installRunsTheInstalledPrograms()
    {
        m_databaseBefore = database();
        QElapsedTimer timer;
        timer.start();
        const auto r = dpkg({u"-i"_s, m_deb});
        qInfo("dpkg -i: %lld ms", timer.elapsed());
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        QCOMPARE(status(), u"ii"_s);
        for (const QString &path : std::as_const(m_paths))
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));

        // Both programs, as installed, name the CMake project version — without a display, as
        // over SSH or from a deployment script.
        const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
        qunsetenv("QT_QPA_PLATFORM");
        const QByteArray display = qgetenv("DISPLAY");
        qunsetenv("DISPLAY");
        const auto gui = haip::test::run(u"/usr/bin/haip-workstation"_s, {u"--version"_s});
        if (!platform.isEmpty())
            qputenv("QT_QPA_PLATFORM", platform);
        if (!display.isEmpty())
            qputenv("DISPLAY", display);
        QVERIFY2(gui.exitCode == 0, gui.err.constData());
        QCOMPARE(QString::fromUtf8(gui.out).trimmed(), u"haip-workstation "_s + m_version);
        const auto cli = haip::test::run(u"/usr/bin/haip-cli"_s, {u"--version"_s});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const auto lines = haip::test::jsonLines(cli.out);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().value(u"version"_s).toString(), m_version);

        // The installed template is the machine policy the workstation reads, and says nothing:
        // every key at its default, no problem reported.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const auto show = haip::test::run(u"/usr/bin/haip-cli"_s,
                                          {u"config"_s, u"show"_s, u"--user-file"_s, home.filePath(u"user.conf"_s)});
        QVERIFY2(show.exitCode == 0, (show.out + show.err).constData());
        const auto keys = haip::test::jsonLines(show.out);
        QCOMPARE(keys.size(), haip::config::configKeys().size());
        for (const QJsonObject &key : keys)
            QCOMPARE(key.value(u"source"_s).toString(), u"default"_s);
    }

    void upgradeKeepsTheAdministratorsPolicy()
    {
        // IT sets a policy; a newer package (this one, version raised) is installed over it.
        QFile conf(kConffile);
        QVERIFY(conf.open(QIODevice::Append));
        conf.write("IdleLockMinutes=5\n");
        conf.close();

        const QVersionNumber v = QVersionNumber::fromString(m_version);
        const QString newer = QVersionNumber(v.majorVersion(), v.minorVersion(), v.microVersion() + 1).toString();
        const QString tree = m_work + u"/newer"_s;
        HAIP_RUN_OK(raw, u"dpkg-deb"_s, {u"-R"_s, m_deb, tree});
        const QString controlPath = tree + u"/DEBIAN/control"_s;
        QString control = readText(controlPath);
        control.replace(u"\nVersion: "_s + m_version + u'\n', u"\nVersion: "_s + newer + u'\n');
        QFile out(controlPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(control.toUtf8());
        out.close();
        const QString newerDeb = m_work + u"/newer.deb"_s;
        HAIP_RUN_OK(build, u"dpkg-deb"_s, {u"-Zgzip"_s, u"-z1"_s, u"--build"_s, tree, newerDeb});

        const auto r = dpkg({u"-i"_s, newerDeb});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        const auto version =
            haip::test::run(haip::test::findTool(u"dpkg-query"_s), {u"-W"_s, u"-f"_s, u"${Version}"_s, kPackage});
        QCOMPARE(QString::fromUtf8(version.out), newer);
        QVERIFY(readText(kConffile).endsWith(u"\nIdleLockMinutes=5\n"_s));
        QVERIFY(!QFileInfo::exists(kConffile + u".dpkg-new"_s) && !QFileInfo::exists(kConffile + u".dpkg-old"_s));

        // And the workstation takes it as policy, from the file it reads by itself.
        QTemporaryDir home;
        const auto show = haip::test::run(u"/usr/bin/haip-cli"_s,
                                          {u"config"_s, u"show"_s, u"--user-file"_s, home.filePath(u"user.conf"_s)});
        QVERIFY2(show.exitCode == 0, (show.out + show.err).constData());
        bool found = false;
        for (const QJsonObject &key : haip::test::jsonLines(show.out)) {
            if (key.value(u"key"_s).toString() != u"IdleLockMinutes")
                continue;
            found = true;
            QCOMPARE(key.value(u"value"_s).toInt(), 5);
            QCOMPARE(key.value(u"source"_s).toString(), u"policy"_s);
            QCOMPARE(key.value(u"locked"_s).toBool(), true);
        }
        QVERIFY(found);
    }

    void removeThenPurgeLeaveTheMachineAsBefore()
    {
        auto r = dpkg({u"-r"_s, kPackage});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        // Removed: programs and data gone, the administrator's policy kept (a conffile).
        QCOMPARE(status(), u"rc"_s);
        QVERIFY(QFileInfo::exists(kConffile));
        for (const QString &path : std::as_const(m_paths)) {
            if (!QFileInfo(m_extracted + path).isDir() && path != kConffile)
                QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
        }

        r = dpkg({u"--purge"_s, kPackage});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        QCOMPARE(status(), QString());
        QVERIFY(!QFileInfo::exists(kConffile));
        QVERIFY(!QFileInfo::exists(u"/etc/haip"_s));
        QVERIFY(!QFileInfo::exists(u"/usr/share/doc/haip-workstation"_s));
        QCOMPARE(database(), m_databaseBefore);
    }
};

QTEST_GUILESS_MAIN(TestDebPackage)
#include "TestDebPackage.moc"
