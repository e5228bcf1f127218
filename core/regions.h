#pragma once
// Exact decision-region geometry of a linear classifier inside an axis-aligned viewport.
// Class k wins where s_k(x) >= s_j(x) for every j != k, with s_j(x) = W_j . x + b_j: an
// intersection of half-planes, so each region is one convex polygon (possibly empty). The
// K regions tile the viewport. Where two classes tie everywhere (identical rows of W and b),
// the lower index wins, as in argmax.
#include <Eigen/Core>
#include <optional>
#include <vector>

#include "core/scene.h"

namespace ll {

struct Rect {
  double x_min = -1.0, y_min = -1.0, x_max = 1.0, y_max = 1.0;
  double width() const { return x_max - x_min; }
  double height() const { return y_max - y_min; }
  double area() const { return width() * height(); }
  bool contains(const Eigen::Vector2d& p, double eps = 0.0) const {
    return p.x() >= x_min - eps && p.x() <= x_max + eps && p.y() >= y_min - eps &&
           p.y() <= y_max + eps;
  }
};

// Vertices in counter-clockwise order (x right, y up); empty when the region is empty.
using Polygon = std::vector<Eigen::Vector2d>;

struct Segment {
  Eigen::Vector2d a, b;
};

// The half-plane {x : n . x + c >= 0}.
struct HalfPlane {
  Eigen::Vector2d n;
  double c = 0.0;
};

// Clips a convex polygon to a half-plane (Sutherland-Hodgman, one edge).
Polygon clip(const Polygon& poly, const HalfPlane& h);

// The viewport as a counter-clockwise polygon.
Polygon rect_polygon(const Rect& r);

// The polygon where class k wins (empty when it wins nowhere in the viewport or the viewport
// is empty). k must be in [0, K).
Polygon class_region(const Params& p, int k, const Rect& view);

// All K regions, indexed by class.
std::vector<Polygon> class_regions(const Params& p, const Rect& view);

// The part of the line s_k(x) = level inside the viewport; none when W_k = 0 or the line misses
// the viewport (a line touching one corner only also counts as missing).
std::optional<Segment> level_segment(const Params& p, int k, double level, const Rect& view);
inline std::optional<Segment> zero_line_segment(const Params& p, int k, const Rect& view) {
  return level_segment(p, k, 0.0, view);
}

// Signed area (positive for counter-clockwise) and area centroid; the centroid of a degenerate
// polygon is the mean of its vertices.
double polygon_area(const Polygon& poly);
Eigen::Vector2d polygon_centroid(const Polygon& poly);

}  // namespace ll
