#include "core/regions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ll {

Polygon clip(const Polygon& poly, const HalfPlane& h) {
  Polygon out;
  const std::size_t n = poly.size();
  if (n == 0) return out;
  out.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const Eigen::Vector2d& p = poly[i];
    const Eigen::Vector2d& q = poly[(i + 1) % n];
    const double dp = h.n.dot(p) + h.c;
    const double dq = h.n.dot(q) + h.c;
    if (dp >= 0.0) out.push_back(p);
    if ((dp >= 0.0) != (dq >= 0.0)) {
      const double t = dp / (dp - dq);  // dp != dq here: they have opposite signs
      out.push_back(p + t * (q - p));
    }
  }
  // A region squeezed to a line or a point has no area: report it as empty.
  if (out.size() < 3 || std::abs(polygon_area(out)) == 0.0) out.clear();
  return out;
}

Polygon rect_polygon(const Rect& r) {
  if (!(r.x_max > r.x_min) || !(r.y_max > r.y_min)) return {};
  return {{r.x_min, r.y_min}, {r.x_max, r.y_min}, {r.x_max, r.y_max}, {r.x_min, r.y_max}};
}

Polygon class_region(const Params& p, int k, const Rect& view) {
  Polygon poly = rect_polygon(view);
  for (int j = 0; j < p.classes() && !poly.empty(); ++j) {
    if (j == k) continue;
    // s_k - s_j = (W_k - W_j) . x + (b_k - b_j) >= 0
    const HalfPlane h{(p.W.row(k) - p.W.row(j)).transpose(), p.b(k) - p.b(j)};
    if (h.n.x() == 0.0 && h.n.y() == 0.0) {
      // Parallel scores: one class beats the other everywhere or they tie everywhere.
      if (h.c < 0.0 || (h.c == 0.0 && j < k)) poly.clear();
      continue;
    }
    poly = clip(poly, h);
  }
  return poly;
}

std::vector<Polygon> class_regions(const Params& p, const Rect& view) {
  std::vector<Polygon> out;
  out.reserve(static_cast<std::size_t>(p.classes()));
  for (int k = 0; k < p.classes(); ++k) out.push_back(class_region(p, k, view));
  return out;
}

std::optional<Segment> level_segment(const Params& p, int k, double level, const Rect& view) {
  const Eigen::Vector2d w = p.W.row(k).transpose();
  const double w2 = w.squaredNorm();
  if (!(w2 > 0.0) || !std::isfinite(w2)) return std::nullopt;
  // Points x = x0 + t d with w . x0 + b = level and d perpendicular to w (|d| = 1).
  const Eigen::Vector2d x0 = w * ((level - p.b(k)) / w2);
  const Eigen::Vector2d d = Eigen::Vector2d(-w.y(), w.x()) / std::sqrt(w2);
  // Liang-Barsky: intersect the t-interval with each slab of the viewport.
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double t0 = -kInf, t1 = kInf;
  const double lo[2] = {view.x_min, view.y_min}, hi[2] = {view.x_max, view.y_max};
  for (int a = 0; a < 2; ++a) {
    if (d(a) == 0.0) {
      if (x0(a) < lo[a] || x0(a) > hi[a]) return std::nullopt;
      continue;
    }
    double ta = (lo[a] - x0(a)) / d(a), tb = (hi[a] - x0(a)) / d(a);
    if (ta > tb) std::swap(ta, tb);
    t0 = std::max(t0, ta);
    t1 = std::min(t1, tb);
  }
  if (!(t1 > t0)) return std::nullopt;
  return Segment{x0 + t0 * d, x0 + t1 * d};
}

double polygon_area(const Polygon& poly) {
  double a = 0.0;
  for (std::size_t i = 0, n = poly.size(); i < n; ++i) {
    const Eigen::Vector2d& p = poly[i];
    const Eigen::Vector2d& q = poly[(i + 1) % n];
    a += p.x() * q.y() - q.x() * p.y();
  }
  return 0.5 * a;
}

Eigen::Vector2d polygon_centroid(const Polygon& poly) {
  if (poly.empty()) return Eigen::Vector2d::Zero();
  const double a = polygon_area(poly);
  Eigen::Vector2d mean = Eigen::Vector2d::Zero();
  for (const Eigen::Vector2d& v : poly) mean += v;
  mean /= static_cast<double>(poly.size());
  if (std::abs(a) < 1e-300) return mean;
  Eigen::Vector2d c = Eigen::Vector2d::Zero();
  for (std::size_t i = 0, n = poly.size(); i < n; ++i) {
    // Relative to the mean for accuracy far from the origin.
    const Eigen::Vector2d p = poly[i] - mean, q = poly[(i + 1) % n] - mean;
    const double cross = p.x() * q.y() - q.x() * p.y();
    c += (p + q) * cross;
  }
  return mean + c / (6.0 * a);
}

}  // namespace ll
