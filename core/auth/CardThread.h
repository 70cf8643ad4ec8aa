// CardThread: the one thread that talks to the clinician's card. PC/SC and PKCS#11 calls block —
// tens of milliseconds per command on a real card, seconds when a reader hangs — so the UI never
// makes them. Jobs run in order on the open Token; their results come back through callbacks in
// the owner's thread. The Token is opened with the Opener the policy chose (PIV over PC/SC, or a
// PKCS#11 module).
#pragma once

#include "auth/AuthPolicy.h"
#include "card/Token.h"
#include "common/Result.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace haip::auth {

class CardThread : public QObject
{
    Q_OBJECT
public:
    using Opener = std::function<Result<std::unique_ptr<card::Token>>(const QString &reader)>;
    template <typename T>
    using Job = std::function<Result<T>(card::Token &token)>;
    template <typename T>
    using Done = std::function<void(Result<T> result)>;

    explicit CardThread(Opener opener, QObject *parent = nullptr);
    ~CardThread() override; // closes the token and joins the thread

    // The PC/SC opener: PivToken::open.
    static Opener pivOpener();
    // A vendor's PKCS#11 module (loaded on first use, in the card thread) and the token in the
    // reader its slot describes; PC/SC still reports the card's presence and removal.
    static Opener pkcs11Opener(const QString &modulePath);
    // The opener the policy names.
    static Opener openerFor(const AuthPolicy &policy);

    // Opens the token in `reader`, closing the one open before.
    void open(const QString &reader, Done<void> done);
    // Closes the open token (queued after the jobs already asked for).
    void close();

    // Runs `job` on the open token (CardRemoved when none is open); `done` in the owner's thread.
    // Callbacks are dropped if this CardThread is destroyed first.
    template <typename T>
    void run(Job<T> job, Done<T> done)
    {
        post([this, job = std::move(job), done = std::move(done)]() mutable {
            Result<T> result = withToken<T>(job);
            deliver([done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); });
        });
    }

private:
    class Worker;
    template <typename T>
    Result<T> withToken(Job<T> &job);
    void post(std::function<void()> work);
    void deliver(std::function<void()> callback);
    card::Token *token() const;

    const Opener m_opener;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread
};

template <typename T>
Result<T> CardThread::withToken(Job<T> &job)
{
    card::Token *t = token();
    if (t == nullptr)
        return Error(ErrorCode::CardRemoved, QStringLiteral("no card is open"));
    return job(*t);
}

} // namespace haip::auth
