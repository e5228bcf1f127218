#pragma once
// The one timing helper of the self-timed benchmarks: median wall time of `reps` calls.
#include <algorithm>
#include <chrono>
#include <vector>

namespace ll::bench {

template <class F>
double median_ms(int reps, F&& run) {
  std::vector<double> times;
  times.reserve(static_cast<std::size_t>(reps));
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    run();
    const auto t1 = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace ll::bench
