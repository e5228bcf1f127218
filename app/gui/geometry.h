#pragma once
// Geometry of a class's zero-score line s_k(x) = W_k . x + b_k = 0 and of its weight arrow.
// GL-free.
#include "app/gui/view.h"
#include "core/scene.h"

namespace ll::gui {

// World length of the weight arrow per unit of |W_k| (the demo draws 20 px per unit at
// 200 px per world unit, i.e. 0.1).
inline constexpr double kArrowScale = 0.1;
// Below this |W_k| a class has no line (its score is constant).
inline constexpr double kMinWeightNorm = 1e-9;

Vec2 weight(const Params& p, int k);
double score(const Params& p, int k, Vec2 x);
// Signed world distance from x to the line of class k (positive on the arrow side).
double signed_distance(const Params& p, int k, Vec2 x);
// The point of the line nearest to `ref` (the arrow's base when ref is the view centre).
Vec2 nearest_on_line(const Params& p, int k, Vec2 ref);
Vec2 arrow_head(const Params& p, int k, Vec2 base);
// Clips the line to the world rectangle [lo, hi]; false when it misses it.
bool clip_line(const Params& p, int k, Vec2 lo, Vec2 hi, Vec2& a, Vec2& b);

}  // namespace ll::gui
