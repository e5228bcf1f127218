#pragma once
// Deterministic random numbers. std::mt19937_64 is fully specified by the standard; the
// distributions here are our own so that a seed gives the same numbers on every platform.
#include <cstdint>
#include <random>
#include <vector>

namespace ll {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  double uniform();                      // [0, 1)
  double uniform(double lo, double hi);  // [lo, hi)
  double normal();                       // standard normal (Box-Muller)
  std::uint64_t below(std::uint64_t n);  // [0, n), n > 0
  void shuffle(std::vector<int>& v);     // Fisher-Yates

 private:
  std::mt19937_64 engine_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace ll
