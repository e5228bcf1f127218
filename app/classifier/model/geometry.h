#pragma once
// Geometry of a class's zero-score line s_k(x) = W_k . x + b_k = 0 and of its weight arrow, in
// world units (the arrow rules themselves are app/figure's, shared with the exports). Lines are
// clipped by core's one clipper (core/regions.h level_segment). GL-free.
#include <Eigen/Core>

#include "app/classifier/model/view.h"
#include "app/figure/canvas_figure.h"
#include "core/scene.h"

namespace ll::gui {

using figure::arrow_head;  // base + kArrowScale W_k
using figure::kArrowScale;
using figure::kMinWeightNorm;
using figure::nearest_on_line;  // the point of the line nearest to a reference point

Eigen::Vector2d weight(const Params& p, int k);
double score(const Params& p, int k, const Eigen::Vector2d& x);
// Signed world distance from x to the line of class k (positive on the arrow side).
double signed_distance(const Params& p, int k, const Eigen::Vector2d& x);

}  // namespace ll::gui
