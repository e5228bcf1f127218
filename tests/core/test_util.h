#pragma once
// Helpers shared by the core tests.
#include <cstdint>

#include "core/rng.h"
#include "core/scene.h"

namespace ll::test {

// A random scene with K classes and N points in [-1, 1]^2, W and b in [-1, 1).
inline Scene random_scene(int K, int N, std::uint64_t seed) {
  Rng rng(seed);
  Scene s;
  s.params.W.resize(K, 2);
  s.params.b.resize(K);
  for (int k = 0; k < K; ++k) {
    s.params.W(k, 0) = rng.uniform(-1, 1);
    s.params.W(k, 1) = rng.uniform(-1, 1);
    s.params.b(k) = rng.uniform(-1, 1);
  }
  for (int i = 0; i < N; ++i) {
    s.points.push_back({rng.uniform(-1, 1), rng.uniform(-1, 1), static_cast<int>(rng.below(K))});
  }
  return s;
}

}  // namespace ll::test
