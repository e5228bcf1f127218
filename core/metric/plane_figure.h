#pragma once
// The embedding plane as a plain description (no pixels, no colours, no ImGui): markers, rings
// around the anchor, gradient arrows and a legend, each with a role that the drawing code turns
// into a colour of its Style. The lab's canvas draws it (app/lab/embedding_panel.h); an exporter
// can draw the same description. Also the plane's equal-aspect mapping to a pixel rectangle.
#include <optional>
#include <string>
#include <vector>

#include "core/metric/embedding_training.h"
#include "core/metric/playground.h"

namespace ll::metric {

enum class PlaneRole {
  Anchor,
  Positive,
  Hard,
  SemiHard,
  Easy,
  Negative,     // a negative with no category (no positive to compare with)
  RingInner,    // d(a, p)
  RingOuter,    // d(a, p) + m (or √(d²(a, p) + m))
  RingMargin,   // contrastive: where dissimilar pairs stop contributing
  Class,        // an embedded training point of class `cls`
  ClassOrigin,  // where that point started (faint)
};

PlaneRole role_of(NegativeCategory c);

struct PlaneMarker {
  Vec2 at = Vec2::Zero();
  PlaneRole role = PlaneRole::Anchor;
  int cls = 0;               // for Class / ClassOrigin
  double radius_px = 6.0;    // at style scale 1
  bool highlighted = false;  // hovered or dragged
  std::string label;         // drawn beside the marker ("a", "p1", "n2"), may be empty
};

struct PlaneRing {
  Vec2 center = Vec2::Zero();
  double radius = 0.0;  // plane units
  PlaneRole role = PlaneRole::RingInner;
  bool dashed = false;
  std::string label;
};

struct PlaneArrow {
  Vec2 from = Vec2::Zero(), to = Vec2::Zero();  // plane units
  PlaneRole role = PlaneRole::Anchor;
};

struct PlaneLegendEntry {
  PlaneRole role = PlaneRole::Anchor;
  std::string text;
  bool ring = false;  // drawn as a line sample instead of a dot
};

struct PlaneFigure {
  double x_min = -3.0, x_max = 3.0, y_min = -3.0, y_max = 3.0;  // shown at least, equal aspect
  std::vector<PlaneRing> rings;
  std::vector<PlaneArrow> arrows;
  std::vector<PlaneMarker> markers;  // drawn in order (last on top)
  std::vector<PlaneLegendEntry> legend;
};

// Plane -> pixels for a rectangle: one scale for both axes (circles stay round), the view
// [x_min, x_max] x [y_min, y_max] centred and wholly visible, y up.
struct PlaneMapping {
  double scale = 1.0;         // pixels per plane unit
  double cx = 0.0, cy = 0.0;  // pixel position of the plane's origin
  Vec2 to_pixels(const Vec2& p) const { return Vec2(cx + scale * p.x(), cy - scale * p.y()); }
  Vec2 to_plane(const Vec2& px) const { return Vec2((px.x() - cx) / scale, (cy - px.y()) / scale); }
};
PlaneMapping fit_plane(const PlaneFigure& f, double left, double top, double width, double height);

// EachTerm: every pair/triplet's own gradient on each point it moves; PerPoint: their sum at
// each point (the gradient of the mean times the number of terms).
enum class ArrowMode { EachTerm, PerPoint, Off };

struct PlaygroundFigureOptions {
  ArrowMode arrows = ArrowMode::EachTerm;
  // Arrow = −arrow_scale × gradient (the way a gradient step moves the point).
  double arrow_scale = 0.25;
  std::optional<PointRef> highlight;
};

// The hand-placed points: rings for the report's reference positive (and, for contrastive, the
// margin ring), negatives coloured by category, the arrows, a legend.
PlaneFigure playground_figure(const Playground& g, const PlaygroundSettings& s,
                              const PlaygroundReport& r, const PlaygroundFigureOptions& o,
                              double x_min, double x_max, double y_min, double y_max);

// A square view of the hand-placed points and the report's outer ring (a 15% margin, at least
// [-1.15, 1.15] around their centre): the lab's "Fit view" and `losslab metric --out`.
struct PlaneView {
  double x_min = -3.0, x_max = 3.0, y_min = -3.0, y_max = 3.0;
};
PlaneView playground_view(const Playground& g, const PlaygroundReport& r);

// The training view: every point at f(x) coloured by class, its input position faint; the view
// fits both.
PlaneFigure embedding_figure(const std::vector<LabelledPoint>& points, const LinearMap& map,
                             bool show_inputs);

}  // namespace ll::metric
