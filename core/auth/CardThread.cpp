#include "auth/CardThread.h"

#include "card/PivToken.h"
#include "card/Pkcs11Module.h"
#include "card/Pkcs11Token.h"

#include <QMetaObject>

namespace haip::auth {

// Owns the token; touched only in the card thread.
class CardThread::Worker : public QObject
{
public:
    std::unique_ptr<card::Token> token;
};

CardThread::CardThread(Opener opener, QObject *parent)
    : QObject(parent), m_opener(std::move(opener)), m_worker(new Worker)
{
    m_thread.setObjectName(QStringLiteral("haip-card"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

CardThread::~CardThread()
{
    close();
    m_thread.quit();
    m_thread.wait();
}

CardThread::Opener CardThread::pivOpener()
{
    return [](const QString &reader) -> Result<std::unique_ptr<card::Token>> {
        Result<std::unique_ptr<card::PivToken>> token = card::PivToken::open(reader);
        if (!token)
            return token.error();
        return std::unique_ptr<card::Token>(std::move(token).value());
    };
}

CardThread::Opener CardThread::pkcs11Opener(const QString &modulePath)
{
    // Touched only in the card thread: the module is loaded once, when the first card is read.
    auto module = std::make_shared<std::shared_ptr<card::Pkcs11Module>>();
    return [modulePath, module](const QString &reader) -> Result<std::unique_ptr<card::Token>> {
        if (!*module) {
            Result<std::shared_ptr<card::Pkcs11Module>> loaded = card::Pkcs11Module::open(modulePath);
            if (!loaded)
                return loaded.error();
            *module = *loaded;
        }
        Result<std::unique_ptr<card::Pkcs11Token>> token = card::Pkcs11Token::openInReader(*module, reader);
        if (!token)
            return token.error();
        return std::unique_ptr<card::Token>(std::move(token).value());
    };
}

CardThread::Opener CardThread::openerFor(const AuthPolicy &policy)
{
    if (policy.backend == AuthPolicy::Backend::Pkcs11)
        return pkcs11Opener(policy.pkcs11Module);
    return pivOpener();
}

void CardThread::open(const QString &reader, Done<void> done)
{
    post([this, reader, done = std::move(done)]() mutable {
        m_worker->token.reset();
        Result<std::unique_ptr<card::Token>> opened = m_opener(reader);
        Result<void> result;
        if (opened)
            m_worker->token = std::move(opened).value();
        else
            result = opened.error();
        deliver([done = std::move(done), result]() mutable { done(result); });
    });
}

void CardThread::close()
{
    post([this] { m_worker->token.reset(); });
}

void CardThread::post(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_worker, std::move(work), Qt::QueuedConnection);
}

void CardThread::deliver(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

card::Token *CardThread::token() const
{
    return m_worker->token.get();
}

} // namespace haip::auth
