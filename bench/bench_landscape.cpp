// The loss landscape's background work: a 129 x 129 grid (16,641 exact loss evaluations) over
// 1,000 points, for the hinge and softmax losses, parameter and random slices; and its first,
// 17 x 17 level (what the window shows at once). Median of 5 runs, one thread, and the whole grid
// on two threads (refine_landscape's `threads`). Target: under 0.5 s for the whole grid.
#include <cstdio>

#include "bench_timer.h"
#include "core/datasets.h"
#include "core/landscape.h"

int main() {
  using namespace ll;
  BlobsOptions o;
  o.classes = 3;
  o.per_class = 334;  // 1,002 points
  Scene base = make_blobs(o);
  base.points.resize(1000);
  std::printf(
      "| loss | slice | points | 17x17 level (ms) | 129x129 (ms) | ns/point/node | 129x129, 2 "
      "threads (ms) |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (const LossKind kind : {LossKind::WestonWatkins, LossKind::Softmax}) {
    for (const bool random : {false, true}) {
      Scene scene = base;
      scene.loss.kind = kind;
      LandscapeSlice s;
      s.random = random;
      s.grid = 129;
      s.range = random ? 1.0 : 2.0;
      double first = bench::median_ms(5, [&] {
        LandscapeGrid g = make_landscape(scene, s);
        refine_landscape(g, scene);
      });
      double checksum = 0.0;
      const double full = bench::median_ms(5, [&] {
        const LandscapeGrid g = compute_landscape(scene, s);
        checksum += g.at(64, 64);
      });
      const double two = bench::median_ms(5, [&] {
        const LandscapeGrid g = compute_landscape(scene, s, nullptr, 2);
        checksum += g.at(64, 64);
      });
      std::printf("| %s | %s | %zu | %.2f | %.1f | %.2f | %.1f |\n", to_string(kind),
                  random ? "random" : "W[0][0], W[0][1]", scene.points.size(), first, full,
                  full * 1e6 / (129.0 * 129.0 * static_cast<double>(scene.points.size())), two);
      if (checksum != checksum) return 1;  // keeps the work observable
    }
  }
  return 0;
}
