// Benchmark: loading a 1,000,000-point JSON scene (the documented limit) with load_scene, and
// refusing a 1,200,000-point one, median of 3 each. The files are scene_to_json of Gaussian blobs,
// as the window saves them. When python3 is on the PATH the same file is also timed through
// `python3 -c 'import json,sys; json.load(open(sys.argv[1]))'` (the whole process), side by side.
// Usage: bench_load [DIR]   (files go to DIR and are kept; by default a temporary folder)
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/bench_timer.h"
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
  const double load_ms =
      ll::bench::median_ms(3, [&] { loaded = ll::load_scene(ok).scene.points.size(); });
  std::string refusal;
  const double reject_ms = ll::bench::median_ms(3, [&] {
    try {
      ll::load_scene(big);
    } catch (const ll::LoadError& e) {
      refusal = e.what();
    }
  });
  std::printf("%-44s %10s %12s\n", "case", "MB", "median ms");
  std::printf("%-44s %10.1f %12.1f\n", "load_scene, 1,000,000 points", fs::file_size(ok) / 1e6,
              load_ms);
  std::printf("%-44s %10.1f %12.1f\n", "load_scene refuses 1,200,000 points",
              fs::file_size(big) / 1e6, reject_ms);
  if (std::system("python3 -c pass >/dev/null 2>&1") == 0) {
    const std::string cmd =
        "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '" + ok.string() + "'";
    const double py_ms = ll::bench::median_ms(3, [&] {
      if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "python3 failed\n");
    });
    std::printf("%-44s %10.1f %12.1f\n", "python3 json.load (whole process), 1,000,000",
                fs::file_size(ok) / 1e6, py_ms);
    std::printf("ratio load_scene / python: %.2f (target <= 2)\n", load_ms / py_ms);
  }
  std::printf("loaded %zu points; refusal: %s\n", loaded, refusal.c_str());
  if (!keep) fs::remove_all(dir);
  return loaded == ll::kMaxPoints && !refusal.empty() ? 0 : 1;
}
