// Soak benchmark of the model: 1,000,000 training steps with a random edit every 1,000 steps
// (add, move or delete a point, switch the loss, optimizer or regularizer, randomize W).
// Prints the resident memory at the start and after each quarter: it must stay flat.
// Usage: soak_core [steps]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/datasets.h"
#include "core/optimizer.h"
#include "core/rng.h"

namespace {

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

void random_edit(ll::Scene& s, ll::Optimizer& opt, ll::Rng& rng) {
  switch (rng.below(6)) {
    case 0:
      if (s.points.size() < 200) {
        s.points.push_back({rng.uniform(-1, 1), rng.uniform(-1, 1),
                            static_cast<int>(rng.below(static_cast<std::uint64_t>(s.classes())))});
      }
      break;
    case 1:
      if (s.points.size() > 2)
        s.points.erase(s.points.begin() + static_cast<long>(rng.below(s.points.size())));
      break;
    case 2:
      if (!s.points.empty()) s.points[rng.below(s.points.size())].x0 = rng.uniform(-1, 1);
      break;
    case 3:
      s.loss.kind = static_cast<ll::LossKind>(rng.below(4));
      break;
    case 4: {
      ll::OptimizerSettings o = opt.settings();
      o.kind = static_cast<ll::OptimizerKind>(rng.below(4));
      opt.set_settings(o);
      break;
    }
    default:
      s.params = ll::random_params(s.classes(), rng.below(1000));
      break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const long steps = std::max(4L, argc > 1 ? std::atol(argv[1]) : 1'000'000L);
  const long start_rss = rss_kib();
  ll::Scene scene = ll::make_blobs({4, 20, 0.2, 1});
  ll::Optimizer opt(scene.optimizer);
  ll::Rng rng(7);
  long diverged = 0, quarter_rss[4] = {};
  for (long i = 0; i < steps; ++i) {
    if (i % 1000 == 999) random_edit(scene, opt, rng);
    if (opt.step(scene) == ll::StepStatus::Diverged) ++diverged;
    if ((i + 1) % (steps / 4) == 0 && (i + 1) / (steps / 4) <= 4)
      quarter_rss[(i + 1) / (steps / 4) - 1] = rss_kib();
  }
  const ll::LossRecord r = ll::record(scene);
  std::printf("steps %ld, diverged %ld, final loss %.4f\n", steps, diverged, r.total_loss);
  std::printf("RSS KiB: start %ld, 25%% %ld, 50%% %ld, 75%% %ld, end %ld\n", start_rss,
              quarter_rss[0], quarter_rss[1], quarter_rss[2], quarter_rss[3]);
  return 0;
}
