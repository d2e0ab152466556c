#pragma once
// Random numbers the project owns. The standard library fixes its engines bit for bit
// (std::mt19937_64) but not its distributions: std::normal_distribution, uniform_real_distribution
// and std::shuffle give other numbers under libc++ or MSVC, so the same seed would give other
// figures. Every draw of the model goes through these instead.
#include <cstdint>
#include <cmath>
#include <iterator>
#include <limits>
#include <utility>

namespace mv::random {

// A small, fast generator (SplitMix64, Steele et al. 2014): seeding a Mersenne Twister per draw
// would cost more than the draw.
struct SplitMix64 {
  using result_type = std::uint64_t;
  std::uint64_t state;
  explicit SplitMix64(std::uint64_t seed) : state(seed) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }
  result_type operator()() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
};

// Every engine used must give all 64 bits (std::mt19937_64, SplitMix64).
template <class Rng>
concept Engine64 = Rng::min()
== 0 && Rng::max() == std::numeric_limits<std::uint64_t>::max();

// Uniform on [0, 1): the top 53 bits of one draw.
template <Engine64 Rng>
double uniform01(Rng& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Uniform on {0, …, n − 1}, n > 0, without modulo bias (Lemire 2019: multiply, reject the few
// low products that would favour some values).
__extension__ using Uint128 = unsigned __int128;  // (GCC and Clang; __extension__ keeps -Wpedantic quiet)

template <Engine64 Rng>
std::uint64_t below(Rng& rng, std::uint64_t n) {
  Uint128 m = static_cast<Uint128>(rng()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<Uint128>(rng()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

// Fisher–Yates: every order equally likely.
template <class It, Engine64 Rng>
void shuffle(It first, It last, Rng& rng) {
  const auto n = static_cast<std::uint64_t>(std::distance(first, last));
  for (std::uint64_t i = n; i > 1; --i) {
    using std::swap;
    swap(first[static_cast<std::ptrdiff_t>(i - 1)], first[static_cast<std::ptrdiff_t>(below(rng, i))]);
  }
}

// Standard normal numbers by Marsaglia's polar method: two per accepted pair, the second kept for
// the next call. Only + − × ÷, sqrt (exact in IEEE 754) and log are used.
class StandardNormal {
 public:
  template <Engine64 Rng>
  double operator()(Rng& rng) {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2.0 * uniform01(rng) - 1.0;
      v = 2.0 * uniform01(rng) - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }

 private:
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace mv::random
