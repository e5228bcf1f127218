#include "app/gui/geometry.h"

#include <algorithm>
#include <cmath>

namespace ll::gui {

Vec2 weight(const Params& p, int k) { return {p.W(k, 0), p.W(k, 1)}; }

double score(const Params& p, int k, Vec2 x) { return p.W(k, 0) * x.x + p.W(k, 1) * x.y + p.b(k); }

double signed_distance(const Params& p, int k, Vec2 x) {
  const double n = length(weight(p, k));
  return n < kMinWeightNorm ? HUGE_VAL : score(p, k, x) / n;
}

Vec2 nearest_on_line(const Params& p, int k, Vec2 ref) {
  const Vec2 w = weight(p, k);
  const double n2 = dot(w, w);
  if (n2 < kMinWeightNorm * kMinWeightNorm) return ref;
  return ref - (score(p, k, ref) / n2) * w;
}

Vec2 arrow_head(const Params& p, int k, Vec2 base) { return base + kArrowScale * weight(p, k); }

bool clip_line(const Params& p, int k, Vec2 lo, Vec2 hi, Vec2& a, Vec2& b) {
  const Vec2 w = weight(p, k);
  if (length(w) < kMinWeightNorm) return false;
  // Parametrize the line as base + t * dir and clip t against the box (Liang-Barsky).
  const Vec2 centre = 0.5 * (lo + hi);
  const Vec2 base = nearest_on_line(p, k, centre);
  const Vec2 dir{-w.y, w.x};
  double t0 = -HUGE_VAL, t1 = HUGE_VAL;
  const double o[2] = {base.x, base.y}, d[2] = {dir.x, dir.y};
  const double l[2] = {lo.x, lo.y}, h[2] = {hi.x, hi.y};
  for (int i = 0; i < 2; ++i) {
    if (std::abs(d[i]) < 1e-300) {
      if (o[i] < l[i] || o[i] > h[i]) return false;
      continue;
    }
    double ta = (l[i] - o[i]) / d[i], tb = (h[i] - o[i]) / d[i];
    if (ta > tb) std::swap(ta, tb);
    t0 = std::max(t0, ta);
    t1 = std::min(t1, tb);
  }
  if (t0 > t1) return false;
  a = base + t0 * dir;
  b = base + t1 * dir;
  return true;
}

}  // namespace ll::gui
