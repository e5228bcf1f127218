#pragma once
// Small cairo drawing helpers shared by the figure views: colours, anchored text, arrows,
// tick positions and the legend box. Sizes are in figure units.
#include <cairo.h>

#include <memory>
#include <string>
#include <vector>

#include "app/style/style.h"

namespace ll::exporter {

// Owning cairo handles.
struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

inline constexpr const char* kFontFamily = "DejaVu Sans";

void set_color(cairo_t* cr, palette::Rgb c, double alpha = 1.0);

// Draws `text` with its box anchored at (x, y): ax = 0 left, 0.5 centre, 1 right;
// ay = 0 top, 0.5 middle, 1 bottom (of the ink box of digits and capitals).
void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size, double ax,
               double ay, bool bold = false);
double text_width(cairo_t* cr, const std::string& text, double size, bool bold = false);
// Draws `text` with the top of its line box at (x, y) and its baseline figure::text_ascent(size)
// below, as the window's ImGui text is placed (the figure description's Text); `size` is the
// line height, as ImGui sizes fonts (figure::text_em).
void draw_text_at_top(cairo_t* cr, const std::string& text, double x, double y, double size,
                      bool bold = false);

// ll::tick_label (core/ticks.h) with a real minus sign (U+2212) for negative values. Tick
// positions come from ll::nice_ticks.
std::string tick_label(double v, double step);

struct LegendEntry {
  std::string label;
  palette::Rgb color;
  bool marker = true;  // a point's marker (in `shape`) or a short line (series)
  palette::Shape shape = palette::Shape::Disc;
};

// A legend box with its top edge at `top`, placed horizontally like text: x is its left edge
// for ax = 0, centre for 0.5, right edge for 1. `u` is the figure unit size.
void draw_legend(cairo_t* cr, const std::vector<LegendEntry>& entries, double x, double top,
                 double ax, double u, const Style& style);

}  // namespace ll::exporter
