#pragma once
// The embedding plane (core/metric/plane_figure.h: anchor, positives, negatives, rings, arrows,
// legend) laid out ONCE for a pixel size and a Style: the plane -> pixel mapping, the grid and
// its tick texts, the semi-hard band, the rings (dashed ones as arcs), the gradient arrows, the
// markers with their shapes and colours (easy / semi-hard / hard), the marker labels, the ring
// labels (placed clear of the markers) and the legend box (in the corner covering the fewest
// markers). The window (app/lab, ImDrawList) and the cairo exporter (app/export) draw this
// layout and decide nothing themselves. Pixels: origin at the figure's top-left corner, y down.
// No ImGui, no cairo.
//
//   const figure::PlaneLayout l = figure::layout_plane(plane, 600, 600, style, measure);
#include <vector>

#include "app/figure/canvas_figure.h"  // Vec, Line, Arrow, Text, MeasureText
#include "app/style/style.h"
#include "core/metric/plane_figure.h"

namespace ll::figure {

// The colour of a plane role: the anchor in the theme's ink, positives blue, the categories
// hard vermillion, semi-hard yellow, easy bluish green (Okabe-Ito whatever the class scheme,
// so they stay apart for colour-blind viewers), in the theme's light or dark variant;
// Class / ClassOrigin take the class colour of `cls`.
palette::Rgb plane_color(const Style& style, metric::PlaneRole role, int cls = 0);

// The hover/drag highlight ring's colour.
inline constexpr palette::Rgb kPlaneHighlight{255, 200, 0};

enum class PlaneShape { Square, Diamond, Disc };
PlaneShape plane_shape(metric::PlaneRole role);  // anchor square, negatives diamonds, else discs

struct PlaneMarkerLook {
  Vec at;  // pixels
  PlaneShape shape = PlaneShape::Disc;
  double radius = 6.0;  // square: half side; diamond: half diagonal
  palette::Rgb fill;
  double fill_alpha = 1.0;
  bool outlined = true;
  palette::Rgb outline;
  double outline_alpha = 1.0, outline_width = 1.0;
  bool highlight = false;  // a ring of highlight_radius around it
  double highlight_radius = 0.0, highlight_width = 0.0;
};

// The marker's outline as a polygon (square, diamond) in pixels; empty for a disc.
std::vector<Vec> plane_marker_polygon(const PlaneMarkerLook& m);

// A circle; dashed ones are drawn as the arcs in `dashes` (angles in radians, counter-clockwise
// on screen from the +x axis: the point at t is center + radius (cos t, -sin t)).
struct PlaneRingLook {
  Vec center;
  double radius = 0.0, width = 2.0;
  palette::Rgb color;
  double alpha = 1.0;
  struct Arc {
    double t0 = 0.0, t1 = 0.0;
  };
  std::vector<Arc> dashes;  // empty: solid
};

// The filled annulus between two radii (the semi-hard band).
struct PlaneBand {
  Vec center;
  double inner = 0.0, outer = 0.0;
  palette::Rgb color;
  double alpha = 0.15;
};

// A text on a translucent box (ring labels).
struct BoxedText {
  Text text;
  Vec box_min, box_max;
  palette::Rgb box;
  double box_alpha = 0.8;
};

struct PlaneLegendRow {
  bool ring = false;  // a line sample from sample_a to sample_b, else a marker at sample_a
  Vec sample_a, sample_b;
  PlaneMarkerLook marker;  // when !ring
  palette::Rgb color;
  double width = 2.0;
  Text label;
};

struct PlaneLayout {
  double width = 0.0, height = 0.0;  // pixels
  double scale = 1.0;                // Style scale
  double font = 16.0;                // text size (line height), pixels
  metric::PlaneMapping mapping;      // plane -> pixels of this figure
  palette::Rgb background;
  std::vector<Line> grid;  // grid lines and the axes through the origin
  std::vector<Text> tick_labels;
  std::vector<PlaneBand> bands;  // under the rings
  std::vector<PlaneRingLook> rings;
  std::vector<Arrow> arrows;  // figure::arrow_shape gives shaft and head
  std::vector<PlaneMarkerLook> markers;
  std::vector<Text> marker_labels;
  std::vector<BoxedText> ring_labels;
  bool legend = false;
  Vec legend_min, legend_max;
  palette::Rgb legend_fill, legend_border;
  double legend_alpha = 0.88;
  std::vector<PlaneLegendRow> legend_rows;
  palette::Rgb border;  // the frame around the figure
};

// `measure` gives text widths in the backend's font (DejaVu Sans in both).
PlaneLayout layout_plane(const metric::PlaneFigure& f, double width, double height,
                         const Style& style, const MeasureText& measure);

}  // namespace ll::figure
