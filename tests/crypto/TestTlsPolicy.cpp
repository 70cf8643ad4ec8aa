// crypto::TlsPolicy over real TLS on 127.0.0.1: an in-process QSslServer with the policy's server
// configuration and the certificates `haip-platform init` makes; QSslSocket clients with the
// policy's client configuration; `openssl s_client` for what Qt cannot ask for (TLS 1.1, suites
// outside the policy). Pin match → TLS 1.3; pin mismatch, wrong host → handshake refused.
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "crypto/TlsPolicy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

using namespace haip;
using namespace haip::crypto;
using namespace Qt::StringLiterals;

class TestTlsPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void allowedSuitesAreEcdheAead();
    void parsePin_data();
    void parsePin();
    void spkiHashMatchesOpenssl();
    void pinnedAnchorIsTheMatchingCa();
    void pinnedCaNegotiatesTls13();
    void tls12UsesAPolicySuite();
    void wrongPinRefusesTheServer();
    void wrongHostRefusesTheServer();
    void tls11Refused();
    void tls12SuiteOutsidePolicyRefused();

private:
    QString state(const char *which, const QString &relative) const
    {
        return QDir(m_dir.path()).filePath(QLatin1String(which) + u'/' + relative);
    }
    QSslCertificate ca(const char *which) const
    {
        return QSslCertificate::fromPath(state(which, u"tls/ca.pem"_s)).value(0);
    }
    // Handshake of a QSslSocket client with the in-process server; errors are never ignored.
    struct Handshake
    {
        bool encrypted = false;
        QList<QSslError> errors;
        QSslConfiguration session;
    };
    Handshake connectWith(const QSslConfiguration &client, const QString &peerName = {});
    // openssl s_client against the in-process server (asynchronously, so the server can answer).
    QByteArray sClient(const QStringList &options, int *exitCode, quint16 port = 0);

    QTemporaryDir m_dir;
    QString m_openssl;
    std::unique_ptr<QSslServer> m_server;
    std::vector<std::unique_ptr<QTcpSocket>> m_accepted;
};

void TestTlsPolicy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_openssl = test::findTool(u"openssl"_s);
    QVERIFY2(!m_openssl.isEmpty(), "openssl is missing: install the Debian package 'openssl'");
    for (const char *which : {"a", "b"}) {
        Result<QByteArray> init = test::PlatformProcess::init(QDir(m_dir.path()).filePath(QLatin1String(which)));
        QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    }
    QFile keyFile(state("a", u"tls/server.key"_s));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslKey key(keyFile.readAll(), QSsl::Ec);
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(state("a", u"tls/server.pem"_s));
    QCOMPARE(chain.size(), 2);
    QVERIFY(!key.isNull());
    m_server = std::make_unique<QSslServer>();
    m_server->setSslConfiguration(TlsPolicy::serverConfiguration(chain, key, {}));
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection())
            m_accepted.emplace_back(s);
    });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void TestTlsPolicy::allowedSuitesAreEcdheAead()
{
    const QList<QSslCipher> suites = TlsPolicy::allowedCiphers();
    QVERIFY(suites.size() >= 6);
    for (const QSslCipher &c : suites) {
        const QString n = c.name();
        QVERIFY2(n.startsWith(u"TLS_"_s) || n.startsWith(u"ECDHE-"_s), qPrintable(n));
        QVERIFY2(n.contains(u"GCM"_s) || n.contains(u"CHACHA20"_s), qPrintable(n));
        QVERIFY(TlsPolicy::isAllowedCipher(c));
    }
    QCOMPARE(suites.front().name(), u"TLS_AES_128_GCM_SHA256"_s); // TLS 1.3 preferred
}

void TestTlsPolicy::parsePin_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QByteArray pin = QCryptographicHash::hash("x", QCryptographicHash::Sha256);
    QTest::newRow("hex") << QString::fromLatin1(pin.toHex()) << true;
    QTest::newRow("HEX upper") << QString::fromLatin1(pin.toHex().toUpper()) << true;
    QTest::newRow("sha256/base64") << u"sha256/"_s + QString::fromLatin1(pin.toBase64()) << true;
    QTest::newRow("short hex") << QString::fromLatin1(pin.toHex().left(62)) << false;
    QTest::newRow("not hex") << QString(64, u'z') << false;
    QTest::newRow("base64 of 31 bytes") << u"sha256/"_s + QString::fromLatin1(pin.left(31).toBase64()) << false;
    QTest::newRow("empty") << QString() << false;
}

void TestTlsPolicy::parsePin()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const Result<QByteArray> pin = TlsPolicy::parsePin(text);
    QCOMPARE(bool(pin), valid);
    if (valid)
        QCOMPARE(*pin, QCryptographicHash::hash("x", QCryptographicHash::Sha256));
}

void TestTlsPolicy::spkiHashMatchesOpenssl()
{
    // openssl x509 -pubkey | openssl pkey -pubin -outform DER | sha256, done independently.
    const test::ProcessResult pub =
        test::run(m_openssl, {u"x509"_s, u"-in"_s, state("a", u"tls/ca.pem"_s), u"-noout"_s, u"-pubkey"_s});
    QCOMPARE(pub.exitCode, 0);
    const QString pubFile = QDir(m_dir.path()).filePath(u"ca-pub.pem"_s);
    QFile f(pubFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pub.out);
    f.close();
    const test::ProcessResult der =
        test::run(m_openssl, {u"pkey"_s, u"-pubin"_s, u"-in"_s, pubFile, u"-outform"_s, u"DER"_s});
    QCOMPARE(der.exitCode, 0);
    QCOMPARE(TlsPolicy::spkiSha256(ca("a")), QCryptographicHash::hash(der.out, QCryptographicHash::Sha256));
}

void TestTlsPolicy::pinnedAnchorIsTheMatchingCa()
{
    const QSslCertificate leaf = QSslCertificate::fromPath(state("a", u"tls/server.pem"_s)).front();
    const TlsPolicy pinB(TlsPolicy::spkiSha256(ca("b")));
    Result<QSslCertificate> anchor = pinB.pinnedAnchor({ca("a"), leaf, ca("b")});
    QVERIFY(anchor);
    QCOMPARE(*anchor, ca("b"));
    QVERIFY(!pinB.pinnedAnchor({ca("a"), leaf}));
    // A pin on the server's own (non-CA) key is not an anchor.
    const TlsPolicy pinLeaf(TlsPolicy::spkiSha256(leaf));
    const Result<QSslCertificate> none = pinLeaf.pinnedAnchor({leaf, ca("a")});
    QVERIFY(!none);
    QCOMPARE(none.error().code(), ErrorCode::TlsFailure);
    QVERIFY(!pinLeaf.clientConfiguration({leaf, ca("a")}));
}

TestTlsPolicy::Handshake TestTlsPolicy::connectWith(const QSslConfiguration &client, const QString &peerName)
{
    Handshake h;
    QSslSocket socket;
    socket.setSslConfiguration(client);
    if (!peerName.isEmpty())
        socket.setPeerVerifyName(peerName);
    connect(&socket, &QSslSocket::sslErrors, this, [&h](const QList<QSslError> &errors) { h.errors += errors; });
    socket.connectToHostEncrypted(u"127.0.0.1"_s, m_server->serverPort());
    const bool settled = QTest::qWaitFor(
        [&socket] { return socket.isEncrypted() || socket.state() == QAbstractSocket::UnconnectedState; }, 10000);
    Q_UNUSED(settled) // a handshake still running after 10 s counts as not encrypted
    h.encrypted = socket.isEncrypted();
    h.session = socket.sslConfiguration();
    socket.disconnectFromHost();
    return h;
}

void TestTlsPolicy::pinnedCaNegotiatesTls13()
{
    const TlsPolicy policy(TlsPolicy::spkiSha256(ca("a")));
    Result<QSslConfiguration> client = policy.clientConfiguration({ca("b"), ca("a")});
    QVERIFY(client);
    QCOMPARE(client->caCertificates(), QList<QSslCertificate> {ca("a")}); // only the pinned anchor
    const Handshake h = connectWith(*client);
    QVERIFY2(h.encrypted, qPrintable(h.errors.value(0).errorString()));
    QVERIFY(h.errors.isEmpty());
    QCOMPARE(h.session.sessionProtocol(), QSsl::TlsV1_3);
    QVERIFY2(TlsPolicy::isAllowedCipher(h.session.sessionCipher()), qPrintable(h.session.sessionCipher().name()));
    QVERIFY(policy.checkEstablished(h.session));
    // The same session checked against another pin fails.
    QVERIFY(!TlsPolicy(TlsPolicy::spkiSha256(ca("b"))).checkEstablished(h.session));
}

void TestTlsPolicy::tls12UsesAPolicySuite()
{
    Result<QSslConfiguration> client = TlsPolicy(TlsPolicy::spkiSha256(ca("a"))).clientConfiguration({ca("a")});
    QVERIFY(client);
    client->setProtocol(QSsl::TlsV1_2);
    const Handshake h = connectWith(*client);
    QVERIFY(h.encrypted);
    QCOMPARE(h.session.sessionProtocol(), QSsl::TlsV1_2);
    QVERIFY2(h.session.sessionCipher().name().startsWith(u"ECDHE-ECDSA-"_s),
             qPrintable(h.session.sessionCipher().name()));
    QVERIFY(TlsPolicy::isAllowedCipher(h.session.sessionCipher()));
}

void TestTlsPolicy::wrongPinRefusesTheServer()
{
    // Pinned to platform B, talking to platform A: the handshake fails, nothing is ignored.
    Result<QSslConfiguration> client =
        TlsPolicy(TlsPolicy::spkiSha256(ca("b"))).clientConfiguration({ca("a"), ca("b")});
    QVERIFY(client);
    const Handshake h = connectWith(*client);
    QVERIFY(!h.encrypted);
    QVERIFY(!h.errors.isEmpty());
}

void TestTlsPolicy::wrongHostRefusesTheServer()
{
    Result<QSslConfiguration> client = TlsPolicy(TlsPolicy::spkiSha256(ca("a"))).clientConfiguration({ca("a")});
    QVERIFY(client);
    const Handshake h = connectWith(*client, u"platform.example.com"_s);
    QVERIFY(!h.encrypted);
    bool mismatch = false;
    for (const QSslError &e : h.errors)
        mismatch |= e.error() == QSslError::HostNameMismatch;
    QVERIFY(mismatch);
}

QByteArray TestTlsPolicy::sClient(const QStringList &options, int *exitCode, quint16 port)
{
    QProcess p;
    p.start(
        m_openssl,
        QStringList {
            u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port ? port : m_server->serverPort()), u"-brief"_s} +
            options);
    if (!p.waitForStarted(5000))
        return {};
    p.closeWriteChannel(); // no application data: handshake, then EOF
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 15000))
        p.kill();
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput() + p.readAllStandardError();
}

void TestTlsPolicy::tls11Refused()
{
    const QStringList tls11 {u"-tls1_1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s};
    // Control 1: this client really speaks TLS 1.1 — to an `openssl s_server` that allows it.
    QProcess server;
    server.start(m_openssl,
                 QStringList {u"s_server"_s,
                              u"-accept"_s,
                              u"127.0.0.1:0"_s,
                              u"-cert"_s,
                              state("a", u"tls/server.pem"_s),
                              u"-key"_s,
                              state("a", u"tls/server.key"_s),
                              u"-naccept"_s,
                              u"1"_s} +
                     tls11);
    QVERIFY(server.waitForStarted(5000)); // its stdin stays open, or it would quit at once
    QByteArray banner;
    const bool accepting = QTest::qWaitFor(
        [&] {
            banner += server.readAllStandardOutput();
            return banner.contains("ACCEPT");
        },
        5000);
    QVERIFY2(accepting, banner.constData());
    const quint16 controlPort = quint16(banner.mid(banner.lastIndexOf(':') + 1).trimmed().toUInt());
    QVERIFY2(controlPort > 0, banner.constData());
    int code = -1;
    QByteArray out = sClient(tls11, &code, controlPort);
    server.kill();
    server.waitForFinished(3000);
    QVERIFY2(code == 0 && out.contains("Protocol version: TLSv1.1"), out.constData());
    // Control 2: the same client settings with TLS 1.2 reach our server.
    out = sClient({u"-tls1_2"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s}, &code);
    QVERIFY2(code == 0 && out.contains("TLSv1.2"), out.constData());
    // TLS 1.1 from that client: refused by the policy's server configuration.
    out = sClient(tls11, &code);
    QVERIFY2(code != 0, out.constData());
    QVERIFY2(!out.contains("Protocol version: TLSv1.1"), out.constData());
}

void TestTlsPolicy::tls12SuiteOutsidePolicyRefused()
{
    int code = -1;
    QByteArray out = sClient({u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-GCM-SHA256"_s}, &code);
    QVERIFY2(code == 0, out.constData());
    // ECDHE, but CBC with HMAC: not in the policy.
    out = sClient({u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-SHA256"_s}, &code);
    QVERIFY2(code != 0, out.constData());
}

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "TestTlsPolicy.moc"
