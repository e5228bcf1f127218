#include "core/lab/classifier_link.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/losses.h"

namespace ll::lab {

std::vector<LinkedPoint> link_classifier(const Scene& scene) {
  std::vector<LinkedPoint> out;
  const int k = scene.classes();
  if (k < kMinClasses || k > kMaxClasses || scene.params.b.size() != k) return out;
  // Both losses come from core/losses (point_loss), so the maths lives in one place: the
  // structured SVM with delta 1 is max(0, 1 - margin), and the softmax loss is computed by
  // log-sum-exp, finite even where softmax(s)_y underflows to 0.
  LossSettings hinge;
  hinge.kind = LossKind::Structured;
  hinge.delta = 1.0;
  hinge.squared = false;
  LossSettings soft;
  soft.kind = LossKind::Softmax;
  double s[kMaxClasses] = {}, ds[kMaxClasses] = {};
  out.reserve(scene.points.size());
  for (std::size_t i = 0; i < scene.points.size(); ++i) {
    const Point& pt = scene.points[i];
    const int y = pt.label;
    if (y < 0 || y >= k) continue;  // checked here: point_loss indexes s[y]
    point_scores(scene.params, pt, s);
    double best_other = -std::numeric_limits<double>::infinity();
    for (int j = 0; j < k; ++j)
      if (j != y) best_other = std::max(best_other, s[j]);
    LinkedPoint lp;
    lp.index = static_cast<int>(i);
    lp.label = y;
    lp.margin = s[y] - best_other;
    lp.hinge = point_loss(hinge, s, k, y, ds);
    lp.cross_entropy = point_loss(soft, s, k, y, ds);
    lp.p_correct = std::exp(-lp.cross_entropy);
    out.push_back(lp);
  }
  return out;
}

}  // namespace ll::lab
