#include "core/lab/classifier_link.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/curves.h"
#include "core/losses.h"

namespace ll::lab {

std::vector<LinkedPoint> link_classifier(const Scene& scene) {
  std::vector<LinkedPoint> out;
  const int k = scene.classes();
  if (k < 1 || scene.points.empty()) return out;
  const Evaluation e = evaluate(scene.points, scene.params, scene.loss);
  std::vector<double> s(static_cast<std::size_t>(k)), p(static_cast<std::size_t>(k));
  out.reserve(scene.points.size());
  for (std::size_t i = 0; i < scene.points.size(); ++i) {
    const int y = scene.points[i].label;
    if (y < 0 || y >= k) continue;
    const Eigen::Index row = static_cast<Eigen::Index>(i);
    for (int j = 0; j < k; ++j) s[static_cast<std::size_t>(j)] = e.scores(row, j);
    double best_other = -std::numeric_limits<double>::infinity();
    for (int j = 0; j < k; ++j)
      if (j != y) best_other = std::max(best_other, s[static_cast<std::size_t>(j)]);
    softmax(s.data(), k, p.data());
    LinkedPoint lp;
    lp.index = static_cast<int>(i);
    lp.label = y;
    lp.margin = k > 1 ? s[static_cast<std::size_t>(y)] - best_other : 0.0;
    lp.hinge = curves::hinge(lp.margin).value;
    lp.p_correct = p[static_cast<std::size_t>(y)];
    lp.cross_entropy = curves::cross_entropy(lp.p_correct).value;
    out.push_back(lp);
  }
  return out;
}

}  // namespace ll::lab
