// Deterministic randomness for phantoms: SplitMix64 (small, fast, the same on every platform)
// and Gaussian noise drawn from a table of normal quantiles, so a 300-slice study gets its
// noise in a fraction of a second and the same seed always gives the same bytes.
#pragma once

#include <QtGlobal>

#include <array>
#include <cmath>

namespace haip::dicom::phantom {

class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed) : m_state(seed) { }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    quint64 m_state;
};

// Mixes several values into one seed (for a per-slice stream independent of thread order).
inline quint64 mixSeed(quint64 a, quint64 b)
{
    SplitMix64 m(a ^ (b * 0xD1B54A32D192ED03ULL));
    return m.next();
}

// Standard-normal quantiles at (i + 0.5) / N: indexing with 12 random bits gives a Gaussian
// sample truncated at ±3.4 σ, which is all that image noise of a few HU needs.
class GaussianTable
{
public:
    static constexpr int kBits = 12;
    static constexpr int kSize = 1 << kBits;

    GaussianTable()
    {
        for (int i = 0; i < kSize; ++i)
            m_values[size_t(i)] = float(quantile((i + 0.5) / kSize));
    }
    float operator[](quint32 index) const { return m_values[index & (kSize - 1)]; }

private:
    // Inverse of Φ by bisection on erfc: exact enough and independent of any approximation.
    static double quantile(double p)
    {
        double lo = -10.0, hi = 10.0;
        for (int k = 0; k < 80; ++k) {
            const double mid = 0.5 * (lo + hi);
            const double cdf = 0.5 * std::erfc(-mid / std::sqrt(2.0));
            (cdf < p ? lo : hi) = mid;
        }
        return 0.5 * (lo + hi);
    }
    std::array<float, kSize> m_values {};
};

} // namespace haip::dicom::phantom
