#include "core/lab/four_pixel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ll::lab {

FourPixelExample four_pixel_lecture() {
  FourPixelExample e;
  e.x = {56.0, 231.0, 24.0, 2.0};
  e.W = {{{0.2, -0.5, 0.1, 2.0}, {1.5, 1.3, 2.1, 0.0}, {0.0, 0.25, 0.2, -0.3}}};
  e.b = {1.1, 3.2, -1.2};
  e.class_names = {"cat", "dog", "ship"};
  return e;
}

namespace {

void check_finite(double v, const std::string& name) {
  if (!std::isfinite(v)) throw std::invalid_argument(name + " is not finite");
}

}  // namespace

FourPixelResult four_pixel_scores(const FourPixelExample& e) {
  for (int i = 0; i < kFourPixels; ++i) check_finite(e.x[i], "x[" + std::to_string(i) + "]");
  for (int k = 0; k < kFourPixelClasses; ++k) {
    for (int i = 0; i < kFourPixels; ++i)
      check_finite(e.W[k][i], "W[" + std::to_string(k) + "][" + std::to_string(i) + "]");
    check_finite(e.b[k], "b[" + std::to_string(k) + "]");
  }
  FourPixelResult r;
  for (int k = 0; k < kFourPixelClasses; ++k) {
    FourPixelRow& row = r.rows[k];
    double s = 0.0;
    for (int i = 0; i < kFourPixels; ++i) {
      row.terms[i] = e.W[k][i] * e.x[i];
      s += row.terms[i];
    }
    row.bias = e.b[k];
    row.score = s + row.bias;
    if (!std::isfinite(row.score))
      throw std::invalid_argument("the score of " + e.class_names[k] + " overflows");
    if (row.score > r.rows[r.best].score) r.best = k;
  }
  return r;
}

double four_pixel_grey(double value) {
  if (!std::isfinite(value)) return 0.0;
  return std::clamp(value / 255.0, 0.0, 1.0);
}

}  // namespace ll::lab
