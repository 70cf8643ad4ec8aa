#include "RateLimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace haip::server {

namespace {
constexpr qint64 kPruneEveryMs = 60'000; // look for buckets that have refilled completely
}

RateLimiter::RateLimiter(Clock clock) : m_clock(std::move(clock))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] {
            return timer->elapsed();
        };
    }
}

RateLimiter::Decision RateLimiter::take(const QString &key, double ratePerSecond, double burst)
{
    const qint64 now = m_clock();
    prune(now);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket {burst, now, ratePerSecond, burst});
    Bucket &b = *it;
    b.ratePerSecond = ratePerSecond;
    b.burst = burst;
    b.tokens = std::min(burst, b.tokens + double(now - b.lastMs) * ratePerSecond / 1000.0);
    b.lastMs = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return {};
    }
    const double waitSeconds = (1.0 - b.tokens) / std::max(ratePerSecond, 1e-6);
    return {false, std::max(1, int(std::ceil(waitSeconds)))};
}

void RateLimiter::prune(qint64 nowMs)
{
    if (nowMs - m_lastPruneMs < kPruneEveryMs)
        return;
    m_lastPruneMs = nowMs;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const double refilled = it->tokens + double(nowMs - it->lastMs) * it->ratePerSecond / 1000.0;
        if (refilled >= it->burst) // a full bucket is the same as no bucket
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace haip::server
