// Benchmark: one full-batch loss + gradient evaluation (core::loss_gradient) for N points and
// K classes, hinge (Weston-Watkins) and softmax. Prints nanoseconds per point; the cost should be
// linear in N.
// Usage: bench_loss [--quick]           the table
//        bench_loss --write-data FILE   writes the side-by-side data set (1e6 points, K = 3)
//        bench_loss --side FILE REPS    times the side-by-side data set (see compare_loss.sh)
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
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

int table(bool quick) {
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

// The side-by-side data set: random_points(1e6, 3) and random_params(3, 3), as the table's
// 1e6-point K = 3 rows. File layout (little-endian): "LLBENCH1", int64 N, int64 K, W (K x 2,
// row-major), b (K), x0 (N), x1 (N) as float64, labels (N) as int32.
constexpr char kMagic[8] = {'L', 'L', 'B', 'E', 'N', 'C', 'H', '1'};

int write_data(const char* path) {
  const std::int64_t n = 1'000'000, K = 3;
  const auto pts = random_points(static_cast<std::size_t>(n), static_cast<int>(K));
  const ll::Params p = ll::random_params(static_cast<int>(K), 3);
  std::vector<double> head, x0, x1;
  std::vector<std::int32_t> y;
  for (int k = 0; k < K; ++k) head.insert(head.end(), {p.W(k, 0), p.W(k, 1)});
  for (int k = 0; k < K; ++k) head.push_back(p.b(k));
  for (const ll::Point& pt : pts) {
    x0.push_back(pt.x0);
    x1.push_back(pt.x1);
    y.push_back(pt.label);
  }
  std::ofstream f(path, std::ios::binary);
  auto put = [&](const auto* data, std::size_t count) {
    f.write(reinterpret_cast<const char*>(data),
            static_cast<std::streamsize>(count * sizeof(*data)));
  };
  put(kMagic, 8);
  put(&n, 1);
  put(&K, 1);
  put(head.data(), head.size());
  put(x0.data(), x0.size());
  put(x1.data(), x1.size());
  put(y.data(), y.size());
  if (!f) {
    std::fprintf(stderr, "bench_loss: cannot write %s\n", path);
    return 1;
  }
  return 0;
}

bool read_data(const char* path, std::vector<ll::Point>& pts, ll::Params& p) {
  std::ifstream f(path, std::ios::binary);
  char magic[8] = {};
  std::int64_t n = 0, K = 0;
  f.read(magic, 8);
  f.read(reinterpret_cast<char*>(&n), 8);
  f.read(reinterpret_cast<char*>(&K), 8);
  if (!f || std::memcmp(magic, kMagic, 8) != 0 || n < 0 || n > 100'000'000 || K < 2 || K > 10)
    return false;
  auto get = [&](std::size_t count, auto* out) {
    f.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(count * sizeof(*out)));
  };
  std::vector<double> head(static_cast<std::size_t>(3 * K)), x0(static_cast<std::size_t>(n)),
      x1(static_cast<std::size_t>(n));
  std::vector<std::int32_t> y(static_cast<std::size_t>(n));
  get(head.size(), head.data());
  get(x0.size(), x0.data());
  get(x1.size(), x1.data());
  get(y.size(), y.data());
  if (!f) return false;
  p.W.resize(K, 2);
  p.b.resize(K);
  for (int k = 0; k < K; ++k) {
    p.W(k, 0) = head[static_cast<std::size_t>(2 * k)];
    p.W(k, 1) = head[static_cast<std::size_t>(2 * k + 1)];
    p.b(k) = head[static_cast<std::size_t>(2 * K + k)];
  }
  pts.resize(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < pts.size(); ++i) pts[i] = {x0[i], x1[i], y[i]};
  return true;
}

// One line per loss: "ours <loss> <median ms> <min ms> <total loss> <dW row-major> <db>", the
// format of numpy_loss.py, and one "memory" line: a pass reading every point once.
void print_line(const char* who, const char* loss, const std::vector<double>& times,
                const ll::LossGradient& g) {
  std::printf("%s %s %.3f %.3f %.17g", who, loss, times[times.size() / 2], times.front(),
              g.total_loss);
  for (Eigen::Index k = 0; k < g.dW.rows(); ++k)
    std::printf(" %.17g %.17g", g.dW(k, 0), g.dW(k, 1));
  for (Eigen::Index k = 0; k < g.db.size(); ++k) std::printf(" %.17g", g.db(k));
  std::printf("\n");
}

template <class F>
std::vector<double> times_ms(int reps, F&& run) {
  std::vector<double> t;
  for (int r = 0; r < reps; ++r) t.push_back(ll::bench::median_ms(1, run));
  std::sort(t.begin(), t.end());
  return t;
}

int side(const char* path, int reps) {
  std::vector<ll::Point> pts;
  ll::Params p;
  if (!read_data(path, pts, p)) {
    std::fprintf(stderr, "bench_loss: %s is not a data file of bench_loss --write-data\n", path);
    return 1;
  }
  volatile double sink = 0.0;
  const auto memory = times_ms(reps, [&] {
    double acc = 0.0;
    for (const ll::Point& pt : pts) acc += pt.x0 + pt.x1 + pt.label;
    sink = sink + acc;
  });
  std::printf("memory pass %.3f %.3f\n", memory[memory.size() / 2], memory.front());
  for (ll::LossKind kind : {ll::LossKind::Softmax, ll::LossKind::WestonWatkins}) {
    ll::LossSettings s;
    s.kind = kind;
    ll::LossGradient g;
    const auto t = times_ms(reps, [&] { g = ll::loss_gradient(pts, p, s); });
    print_line("ours", ll::to_string(kind), t, g);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--write-data") == 0) return write_data(argv[2]);
  if (argc == 4 && std::strcmp(argv[1], "--side") == 0) {
    const int reps = std::atoi(argv[3]);
    return reps > 0 ? side(argv[2], reps) : 2;
  }
  if (argc > 2 || (argc == 2 && std::strcmp(argv[1], "--quick") != 0)) {
    std::fprintf(stderr, "usage: bench_loss [--quick | --write-data FILE | --side FILE REPS]\n");
    return 2;
  }
  return table(argc == 2);
}
