#pragma once
// Data sets for the regression playground. Each preset also carries the line its residual
// table is quoted against (the lecture's tables give residuals of one fixed model).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/lab/regression.h"

namespace ll::lab {

struct RegressionPreset {
  std::string name;
  std::vector<Sample> samples;
  Line model;  // the model whose residuals the lecture tabulates (or the generating line)
};

// "Lecture residuals": x = 1..5 around y = 10 x + 20 with residuals -10, -5, 0, 5, 10
//   (MAE 6, RMSE 7.07).
// "Lecture residuals, outlier": the same with the last residual 100 (MAE 24, RMSE 45.06).
// "Noisy line": 30 points near y = 0.8 x + 1 with small noise.
// "Noisy line + outlier": the same plus one far outlier at (4, -12).
// "10,000 points": a large noisy line, for speed.
std::span<const RegressionPreset> regression_presets();

// n points near y = a x + c for x uniform in [x0, x1], Gaussian noise of sd `noise`.
std::vector<Sample> noisy_line(int n, Line line, double x0, double x1, double noise,
                               std::uint64_t seed);

}  // namespace ll::lab
