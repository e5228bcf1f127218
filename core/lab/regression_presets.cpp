#include "core/lab/regression_presets.h"

#include "core/rng.h"

namespace ll::lab {
namespace {

RegressionPreset lecture(const char* name, std::vector<double> residuals) {
  RegressionPreset p{name, {}, {10.0, 20.0}};
  for (std::size_t i = 0; i < residuals.size(); ++i) {
    const double x = static_cast<double>(i + 1);
    p.samples.push_back({x, p.model(x) + residuals[i]});
  }
  return p;
}

std::vector<RegressionPreset> make_presets() {
  std::vector<RegressionPreset> v;
  v.push_back(lecture("Lecture residuals", {-10, -5, 0, 5, 10}));
  v.push_back(lecture("Lecture residuals, outlier", {-10, -5, 0, 5, 100}));
  const Line noisy{0.8, 1.0};
  v.push_back({"Noisy line", noisy_line(30, noisy, -5.0, 5.0, 0.5, 7), noisy});
  RegressionPreset out{"Noisy line + outlier", noisy_line(30, noisy, -5.0, 5.0, 0.5, 7), noisy};
  out.samples.push_back({4.0, -12.0});
  v.push_back(out);
  v.push_back({"10,000 points", noisy_line(10000, noisy, -5.0, 5.0, 1.0, 11), noisy});
  return v;
}

}  // namespace

std::span<const RegressionPreset> regression_presets() {
  static const std::vector<RegressionPreset> presets = make_presets();
  return presets;
}

std::vector<Sample> noisy_line(int n, Line line, double x0, double x1, double noise,
                               std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Sample> s;
  s.reserve(static_cast<std::size_t>(n > 0 ? n : 0));
  for (int i = 0; i < n; ++i) {
    const double x = rng.uniform(x0, x1);
    s.push_back({x, line(x) + noise * rng.normal()});
  }
  return s;
}

}  // namespace ll::lab
