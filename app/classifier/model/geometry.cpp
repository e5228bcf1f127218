#include "app/classifier/model/geometry.h"

#include <cmath>

namespace ll::gui {

Eigen::Vector2d weight(const Params& p, int k) { return {p.W(k, 0), p.W(k, 1)}; }

double score(const Params& p, int k, const Eigen::Vector2d& x) {
  return weight(p, k).dot(x) + p.b(k);
}

double signed_distance(const Params& p, int k, const Eigen::Vector2d& x) {
  const double n = weight(p, k).norm();
  return n < kMinWeightNorm ? HUGE_VAL : score(p, k, x) / n;
}

}  // namespace ll::gui
