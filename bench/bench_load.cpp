// Benchmark: loading a 1,000,000-point JSON scene (the documented limit) with load_scene, and
// refusing a 1,200,000-point one, median of 3 each. The files are scene_to_json of Gaussian blobs,
// as the window saves them. When python3 is on the PATH the same file is also timed through
// `python3 -c 'import json,sys; json.load(open(sys.argv[1]))'` (the whole process), side by side.
// Wall time and CPU time (user + system; the child's for python) are printed: on a busy machine
// the CPU time is the steadier figure.
// Usage: bench_load [DIR]   (files go to DIR and are kept; by default a temporary folder)
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "core/datasets.h"
#include "core/scene_io.h"

namespace {

namespace fs = std::filesystem;

fs::path write_scene(const fs::path& dir, std::size_t n) {
  ll::Scene s = ll::make_blobs({3, static_cast<int>(n / 3 + 1), 0.15, 7});
  s.points.resize(n);
  const fs::path path = dir / ("scene_" + std::to_string(n) + ".json");
  ll::write_file_atomic(path, ll::scene_to_json(s));
  return path;
}

double cpu_ms(int who) {
  rusage u{};
  ::getrusage(who, &u);
  auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
  return ms(u.ru_utime) + ms(u.ru_stime);
}

struct Times {
  double wall_ms, cpu_ms;
};

// Medians of 3 runs; `who` is RUSAGE_SELF, or RUSAGE_CHILDREN for a child process.
template <class F>
Times median3(int who, F&& run) {
  std::vector<double> wall, cpu;
  for (int r = 0; r < 3; ++r) {
    const double c0 = cpu_ms(who);
    const auto t0 = std::chrono::steady_clock::now();
    run();
    wall.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    cpu.push_back(cpu_ms(who) - c0);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[1], cpu[1]};
}

void row(const char* name, const fs::path& file, Times t) {
  std::printf("%-40s %8.1f %12.1f %12.1f\n", name, static_cast<double>(fs::file_size(file)) / 1e6,
              t.wall_ms, t.cpu_ms);
}

}  // namespace

int main(int argc, char** argv) {
  const bool keep = argc > 1;
  const fs::path dir =
      keep ? fs::path(argv[1])
           : fs::temp_directory_path() /
                 ("losslab_bench_load_" + std::to_string(static_cast<long>(::getpid())));
  fs::create_directories(dir);
  const fs::path ok = write_scene(dir, ll::kMaxPoints);
  const fs::path big = write_scene(dir, ll::kMaxPoints + ll::kMaxPoints / 5);

  std::size_t loaded = 0;
  const Times load = median3(RUSAGE_SELF, [&] { loaded = ll::load_scene(ok).scene.points.size(); });
  std::string refusal;
  const Times reject = median3(RUSAGE_SELF, [&] {
    try {
      ll::load_scene(big);
    } catch (const ll::LoadError& e) {
      refusal = e.what();
    }
  });
  std::printf("%-40s %8s %12s %12s\n", "case", "MB", "wall ms", "cpu ms");
  row("load_scene, 1,000,000 points", ok, load);
  row("load_scene refuses 1,200,000 points", big, reject);
  if (std::system("python3 -c pass >/dev/null 2>&1") == 0) {
    const std::string cmd =
        "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '" + ok.string() + "'";
    const Times py = median3(RUSAGE_CHILDREN, [&] {
      if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "python3 failed\n");
    });
    row("python3 json.load, 1,000,000 points", ok, py);
    std::printf("load_scene / python: %.2f wall, %.2f cpu (target <= 2)\n",
                load.wall_ms / py.wall_ms, load.cpu_ms / py.cpu_ms);
  }
  std::printf("loaded %zu points; refusal: %s\n", loaded, refusal.c_str());
  if (!keep) fs::remove_all(dir);
  return loaded == ll::kMaxPoints && !refusal.empty() ? 0 : 1;
}
