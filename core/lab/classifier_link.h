#pragma once
// Places each point of a classifier scene on a loss curve:
//   margin m = s_y - max_{j != y} s_j  -> on the hinge curve max(0, 1 - m) (the structured
//                                          SVM loss with Delta = 1);
//   p = softmax(s)_y                   -> on the cross-entropy curve -ln p (the softmax loss).
// Scores and both losses come from core/losses.h (point_scores, point_loss): the hinge is the
// structured SVM loss with delta 1, the cross-entropy the softmax loss by log-sum-exp (finite
// even when p underflows to 0), and p = exp(-cross-entropy).
#include <vector>

#include "core/scene.h"

namespace ll::lab {

struct LinkedPoint {
  int index = 0;  // index of the point in the scene
  int label = 0;
  double margin = 0.0;         // s_y - max_{j != y} s_j
  double hinge = 0.0;          // max(0, 1 - margin)
  double p_correct = 0.0;      // softmax probability of the correct class
  double cross_entropy = 0.0;  // -ln p_correct
};

// One entry per point with a valid label (labels outside [0, K) are skipped, never evaluated).
// Empty unless the scene has 2..8 classes with one bias each.
std::vector<LinkedPoint> link_classifier(const Scene& scene);

}  // namespace ll::lab
