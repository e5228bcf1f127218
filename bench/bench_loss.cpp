// Benchmark: one full-batch loss + gradient evaluation (core::loss_gradient) for N points and
// K classes, hinge (Weston-Watkins) and softmax. Prints nanoseconds per point; the cost should be
// linear in N. Usage: bench_loss [--quick]
#include <cstdio>
#include <cstring>
#include <vector>

#include "bench/bench_timer.h"
#include "core/datasets.h"
#include "core/losses.h"
#include "core/rng.h"

namespace {

std::vector<ll::Point> random_points(std::size_t n, int K) {
  ll::Rng rng(1);
  std::vector<ll::Point> pts(n);
  for (auto& p : pts) {
    p = {rng.uniform(-1, 1), rng.uniform(-1, 1),
         static_cast<int>(rng.below(static_cast<std::uint64_t>(K)))};
  }
  return pts;
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const std::size_t sizes[] = {1000, 10000, 100000, 1000000};
  std::printf("%-8s %2s %9s %12s %10s\n", "loss", "K", "N", "median ms", "ns/point");
  for (ll::LossKind kind : {ll::LossKind::WestonWatkins, ll::LossKind::Softmax}) {
    for (int K : {3, 8}) {
      ll::Params params = ll::random_params(K, 3);
      ll::LossSettings s;
      s.kind = kind;
      for (std::size_t n : sizes) {
        if (quick && n > 10000) break;
        const auto pts = random_points(n, K);
        const int reps = n >= 1000000 ? 15 : n >= 100000 ? 31 : 101;
        volatile double sink = 0.0;
        const double ms = ll::bench::median_ms(
            reps, [&] { sink = sink + ll::loss_gradient(pts, params, s).total_loss; });
        std::printf("%-8s %2d %9zu %12.3f %10.2f\n", ll::to_string(kind), K, n, ms,
                    ms * 1e6 / static_cast<double>(n));
      }
    }
  }
  return 0;
}
