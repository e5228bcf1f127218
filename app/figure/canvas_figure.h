#pragma once
// The one description of the classifier canvas, shared by the window and the exporter. From
// (scene + evaluation, view, options, Style) it computes the figure's primitives in canvas
// pixels (origin top-left, y down): the region polygons (argmax) or a reference to the shading
// field (confidence, score), grid and axis lines, class zero-score lines and margin lines,
// weight arrows with their W labels, tick labels, point markers (with the loss and
// misclassified flags) and the legend. Backends draw these and decide nothing themselves:
// the window's overlay (ImDrawList) draws the lines, arrows and labels, its GL passes the
// per-pixel regions and the point discs from the same rules (region_color/point_look below);
// the cairo exporter draws everything. No ImGui, no cairo, no GL.
#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/style/style.h"
#include "core/losses.h"
#include "core/regions.h"
#include "core/scene.h"

namespace ll::figure {

using Vec = Eigen::Vector2d;

// How the decision regions are shaded (window, exports and `losslab render --mode`).
enum class RegionMode { Argmax, Confidence, Score };

// What a canvas shows; the window's view options and the export options both are these.
struct CanvasOptions {
  RegionMode regions = RegionMode::Argmax;
  int score_class = 0;   // the class shown by RegionMode::Score
  bool grid = true;      // grid lines and their tick labels
  bool axes = true;      // the axes through the origin
  bool margins = false;  // lines s_k = +-m (m: the hinge margin delta, 1 for softmax)
  bool legend = true;    // class legend (exports; the window shows none)
};

// World (x right, y up) to canvas pixels (origin at the canvas's top-left corner, y down).
struct CanvasMapping {
  Rect world;                        // the visible world rectangle, covering the canvas exactly
  double width = 1.0, height = 1.0;  // canvas size in pixels
  double ppu = 1.0;                  // pixels per world unit
  Vec to_px(const Vec& w) const {
    return {(w.x() - world.x_min) * ppu, (world.y_max - w.y()) * ppu};
  }
  Vec to_world(const Vec& p) const {
    return {world.x_min + p.x() / ppu, world.y_max - p.y() / ppu};
  }
};
// Shows `world` centred in a width x height canvas (aspect kept, widened to cover it).
CanvasMapping fit_mapping(const Rect& world, double width, double height);

// Font sizes are ImGui's: the line height (ascent + descent) in pixels. DejaVu Sans's em is
// 2048 of its 2384 line units, so cairo draws a font of size s with the em text_em(s).
inline double text_em(double size) { return size * 2048.0 / 2384.0; }
// Width of `text` at font size `size` (pixels) in the backend's font, DejaVu Sans (bold).
using MeasureText = std::function<double(const std::string& text, double size, bool bold)>;
// Where the baseline sits below the top of a line of text of font size `size`: DejaVu Sans's
// ascent, rounded as ImGui's font atlas rounds it, so both backends put glyphs on one baseline.
double text_ascent(double size);

// --- what is drawn ---------------------------------------------------------------------
struct Line {
  Vec a, b;  // pixels
  palette::Rgb color;
  double alpha = 1.0;
  double width = 1.0;   // pixels
  int cls = -1;         // class of a zero or margin line, -1 for grid and axes
  bool dashed = false;  // margin lines: dashes of `dash` pixels with `gap` between
  double dash = 0.0, gap = 0.0;
};
struct Arrow {
  int cls = 0;
  Vec from, to;  // base and tip, pixels
  palette::Rgb color;
  double width = 2.0, head = 13.0;  // shaft width and head length, pixels
};
// The shaft end, and the head triangle's tip and back corners, of an arrow (both backends).
struct ArrowShape {
  Vec shaft_from, shaft_to, tip, left, right;
  bool empty = true;
};
ArrowShape arrow_shape(const Arrow& a);
struct Text {
  std::string text;
  Vec top_left;  // the top of the line box; the baseline is text_ascent(size) below it
  double size = 13.0;
  bool bold = false;
  palette::Rgb color;
  double alpha = 1.0;
  int cls = -1;  // a weight arrow's label: its class
};
struct Marker {
  Vec at;  // pixels
  int cls = 0;
  // How strongly the loss ring is drawn, 0..1 (loss_level): hinge losses 1 where L_i > 0;
  // softmax, sigmoid and focal losses (every point has L_i > 0) L_i over the loss at zero
  // scores, so the ring's opacity shows how large L_i is.
  double loss = 0.0;
  bool wrong = false;  // misclassified: a cross (full size) or a loss-coloured outline (compact)
};
// How points look: full-size markers (the class's shape, palette::class_shape) with an outline,
// loss ring and cross up to kCompactPoints, small plain discs beyond (misclassified ones
// outlined in the loss colour, the others without an outline: the class colours stand out 3:1
// against their own regions).
inline constexpr float kPointRadius = 7.5f;  // pixels at scale 1: readable from the back row
inline constexpr std::size_t kCompactPoints = 2000;
inline constexpr float kCompactRadius = 3.5f;
// Compact discs shrink (to 1 px at least) so that one layer costs at most about this many
// sprite pixels: a software rasteriser draws a million points in tens of ms, not seconds.
inline constexpr double kCompactPixelBudget = 4e6;
float compact_radius(std::size_t count, float scale);
// The loss ring's centre line lies kRingGap (scaled) outside the radius; it is kRingHalf wide
// on each side. Every marker shape stays inside radius + kRingGap - kRingHalf - 1.
inline constexpr float kRingGap = 4.5f;
inline constexpr float kRingHalf = 1.1f;
// Half the side of a point sprite beyond its radius (the ring and its antialiasing).
inline constexpr float kSpriteMargin = 6.5f;
struct PointLook {
  bool compact = false;
  double radius = kPointRadius;
  double outline = 1.25;                   // outline width
  double ring_mid = 4.5, ring_half = 1.1;  // loss ring: radius + ring_mid, half-width
  palette::Rgb outline_color, loss_color;
};
PointLook point_look(std::size_t count, const Style& style);
// The loss marker's colour: neutral, no class's colour (near-black on light, near-white on dark).
inline constexpr palette::Rgb kLossColorLight{25, 25, 25};
inline constexpr palette::Rgb kLossColorDark{240, 240, 240};
inline palette::Rgb loss_color(const Style& s) {
  return s.dark() ? kLossColorDark : kLossColorLight;
}

// Loss-ring strength of a point with loss L_i (see Marker::loss); `reference` is
// loss_reference(settings, K). 0 for L_i <= 0, 1 for a NaN or infinite loss; otherwise
// min(1, L_i / reference) rounded up to a multiple of 1 / kLossLevels.
inline constexpr double kLossLevels = 32.0;
double loss_level(double L_i, LossKind kind, double reference);
// The loss of one point whose scores are all zero (ln K for softmax, K ln 2 for sigmoid).
double loss_reference(const LossSettings& s, int classes);

// A marker shape as a polygon around the point's centre, in units of the radius (pixels: x
// right, y down); count 0 is the disc of radius 1. Both backends draw these outlines: the GL
// points shader gets the vertices as uniforms, the exporter fills the same polygons.
inline constexpr int kShapeVertices = 12;
struct ShapeOutline {
  int count = 0;
  Vec v[kShapeVertices];
};
ShapeOutline shape_outline(palette::Shape shape);
// No shape reaches further than this many radii from its centre (the points shader skips the
// shape beyond it; tests/figure checks every shape against it).
inline constexpr double kMaxShapeRadius = 1.3;
// Signed distance from p (in radii) to the shape's edge, negative inside (the shader's rule).
double shape_distance(const ShapeOutline& s, const Vec& p);

struct LegendEntry {
  std::string label;
  palette::Rgb color;
  palette::Shape shape = palette::Shape::Disc;
};

// The region colour of an argmax / confidence / score pixel at world x (the GL shader's twin,
// shaders/regions.frag): used by the exporter's image and by the tests.
palette::Rgb region_color(const Params& p, const CanvasOptions& opt, const Style& style,
                          const Vec& x);
// The two smooth shadings as functions of their value (region_color's and the colour bar's one
// definition): class `k`'s score `v`; the winning class `k`'s softmax probability `prob` of K.
palette::Rgb score_shade(const Style& style, int k, double v);
palette::Rgb confidence_shade(const Style& style, int k, double prob, int K);

struct CanvasFigure {
  CanvasMapping map;
  Style style;
  CanvasOptions options;
  Params params;  // the shading field: region_color(params, options, style, x)
  std::vector<std::vector<Vec>> regions;  // argmax: one polygon per class (pixels), may be empty
  double grid_step = 0.0;                 // world units between grid lines, 0: none
  palette::Rgb grid_color, axis_color;
  double grid_alpha = 0.0, axis_alpha = 0.0;
  std::vector<Line> grid, axes;  // the window's shader draws these itself
  // The axis names x₁ (right end of the horizontal axis, above it) and x₂ (top of the vertical
  // axis, left of it); on the edges when an axis is out of view. Backends typeset
  // text::axis_markup(axis) there (window and exports alike).
  struct AxisName {
    int axis = 0;  // 0: x₁, 1: x₂
    Vec top_left;
    double size = 16.0;
  };
  std::vector<AxisName> axis_names;
  std::vector<Line> margin_lines, class_lines;
  std::vector<Arrow> arrows;
  std::vector<Text> arrow_labels, tick_labels;
  PointLook points;
  std::vector<Marker> markers;
  // Points with several labels (sigmoid, multi-label scenes): drawn over their marker as a pie
  // of equal wedges, one per label in its class colour, starting at the top, clockwise; radius
  // points.radius. Both backends draw them (the window's GL layer draws the first label only).
  struct MultiLabel {
    Vec at;                // pixels
    std::vector<int> cls;  // the labels, ascending
  };
  std::vector<MultiLabel> multi_labels;
  std::vector<LegendEntry> legend;
  // Confidence and score shading: what the colours mean. Columns of colour samples (bottom to
  // top) in a box at the canvas's bottom-right corner, with its title (which class is scored)
  // and value labels; empty (no columns) for argmax regions.
  struct ColorBar {
    Vec top_left;                      // of the box, pixels
    double width = 0.0, height = 0.0;  // of the box
    Vec bar_top_left;                  // of the colour columns
    double column_width = 0.0, bar_height = 0.0;
    std::vector<std::vector<palette::Rgb>> columns;  // per column, samples bottom to top
    palette::Rgb box_color;
    double box_alpha = 0.85;
    std::vector<Text> labels;  // the title first, then the values
  };
  ColorBar color_bar;
  // The bar's colour samples as rectangles (pixels), the one geometry both backends fill.
  struct ColorCell {
    Vec top_left, bottom_right;
    palette::Rgb color;
  };
  std::vector<ColorCell> color_bar_cells() const;
};

// Interaction state that changes how the window draws lines and arrows (exports: none).
struct Highlight {
  int hot_line = -1, hot_arrow = -1;  // hovered or dragged: drawn thicker
};

struct CanvasInput {
  const Scene* scene = nullptr;
  const Evaluation* eval = nullptr;  // may be null: no loss/misclassified flags
  CanvasMapping map;
  CanvasOptions options;
  Style style;
  const Vec* anchors = nullptr;  // per class: arrows start on the line nearest to it
                                 // (null: the view centre)
  Highlight highlight;
  MeasureText measure;  // required for the arrow labels
  bool markers = true;  // false: skip the per-point markers (the window draws them with GL)
  // The indices of the scene's multi-label points when the caller keeps them (the window, per
  // points revision); null: every point is looked at.
  const std::vector<std::uint32_t>* multi_label_points = nullptr;
  // Width and height of a corner at the top left to keep the x₂ axis name out of (the window's
  // "click adds class" hint), pixels; zero: none.
  Vec keep_clear = Vec::Zero();
};

// World length of the weight arrow per unit of |W_k| (the demo draws 20 px per unit at
// 200 px per world unit, i.e. 0.1).
inline constexpr double kArrowScale = 0.1;
// Below this |W_k| a class has no line (its score is constant).
inline constexpr double kMinWeightNorm = 1e-9;
// Minimum drawn length of an arrow, in pick radii (30 px at the canvas's 12 px pick radius).
inline constexpr double kArrowMinRadii = 2.5;
inline constexpr double kArrowPickPx = 12.0;
// Tick labels and grid: about one line every kGridTargetPx (scaled) pixels.
inline constexpr double kGridTargetPx = 90.0;
double grid_step(double ppu, double scale);
// The step between labelled ticks: the grid step, or 2, 5, 10, 20, ... times it, the first at
// which the x axis's widest label (`width` of its text, pixels) plus `gap` fits between two
// labelled ticks.
double tick_label_step(const Rect& world, double grid, double ppu, double gap,
                       const std::function<double(const std::string&)>& width);

// The point of class k's zero line nearest to `ref` (ref itself when W_k = 0).
Vec nearest_on_line(const Params& p, int k, const Vec& ref);
// The true arrow head base + kArrowScale W_k, in world units.
Vec arrow_head(const Params& p, int k, const Vec& base);
// Where the arrow's head is drawn and grabbed on screen: its true head, pushed out along W_k
// to min_px on-screen length so that short arrows stay visible and grabbable.
Vec shown_arrow_head(const Params& p, int k, const Vec& base, const CanvasMapping& map,
                     double min_px);

CanvasFigure describe_canvas(const CanvasInput& in);

}  // namespace ll::figure
