// RateLimiter: token buckets keyed by client (clinician id or peer address). Each key refills at
// `ratePerSecond` up to `burst`; a request takes one token or is refused with the whole seconds
// after which one will be there (the Retry-After value). Monotonic clock, injectable for tests.
#pragma once

#include <QHash>
#include <QString>

#include <functional>

namespace haip::server {

class RateLimiter
{
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // when refused: ≥ 1
    };

    explicit RateLimiter(Clock clock = {});

    Decision take(const QString &key, double ratePerSecond, double burst);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
        double ratePerSecond = 0;
        double burst = 0;
    };
    void prune(qint64 nowMs);

    Clock m_clock;
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastPruneMs = 0;
};

} // namespace haip::server
