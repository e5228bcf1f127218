#include "app/export/draw.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/figure/canvas_figure.h"
#include "core/ticks.h"

namespace ll::exporter {

void set_color(cairo_t* cr, palette::Rgb c, double alpha) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

namespace {
void select_font(cairo_t* cr, double size, bool bold) {
  cairo_select_font_face(cr, kFontFamily, CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}
}  // namespace

double text_width(cairo_t* cr, const std::string& text, double size, bool bold) {
  select_font(cr, size, bold);
  cairo_text_extents_t e;
  cairo_text_extents(cr, text.c_str(), &e);
  return e.x_advance;
}

void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size, double ax,
               double ay, bool bold) {
  select_font(cr, size, bold);
  cairo_text_extents_t e;
  cairo_text_extents(cr, text.c_str(), &e);
  // Vertical anchoring uses the cap height (not the string's own ink) so that labels on one
  // row share a baseline whatever their letters.
  const double cap = 0.73 * size;
  cairo_move_to(cr, x - ax * e.x_advance, y + cap * (1.0 - ay));
  cairo_show_text(cr, text.c_str());
  cairo_new_path(cr);
}

void draw_text_at_top(cairo_t* cr, const std::string& text, double x, double y, double size,
                      bool bold) {
  select_font(cr, figure::text_em(size), bold);
  cairo_move_to(cr, x, y + figure::text_ascent(size));
  cairo_show_text(cr, text.c_str());
  cairo_new_path(cr);
}

std::string tick_label(double v, double step) {
  std::string s = ll::tick_label(v, step);
  if (s.size() > 1 && s[0] == '-') s.replace(0, 1, "\u2212");  // a real minus sign
  return s;
}

void draw_legend(cairo_t* cr, const std::vector<LegendEntry>& entries, double anchor, double top,
                 double ax, double u, const Style& style) {
  if (entries.empty()) return;
  const palette::ThemeColors& tc = style.colors();
  const double font = 10.0 * u, row = 15.0 * u, pad = 7.0 * u, swatch = 16.0 * u;
  double text_w = 0.0;
  for (const LegendEntry& e : entries) text_w = std::max(text_w, text_width(cr, e.label, font));
  const double w = pad + swatch + 5.0 * u + text_w + pad;
  const double h = 2.0 * pad + row * static_cast<double>(entries.size()) - (row - font);
  const double x = anchor - ax * w, y = top;
  cairo_rectangle(cr, x, y, w, h);
  set_color(cr, tc.legend_fill, 0.88);
  cairo_fill_preserve(cr);
  set_color(cr, tc.axis, 0.6);
  cairo_set_line_width(cr, 0.75 * u);
  cairo_stroke(cr);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LegendEntry& e = entries[i];
    const double cy = y + pad + row * static_cast<double>(i) + 0.5 * font;
    const double cx = x + pad + 0.5 * swatch;
    if (e.marker) {
      const figure::ShapeOutline o = figure::shape_outline(e.shape);  // the points' shape
      const double r = 4.5 * u;
      if (o.count == 0) {
        cairo_arc(cr, cx, cy, r, 0.0, 2.0 * M_PI);
      } else {
        cairo_move_to(cr, cx + r * o.v[0].x(), cy + r * o.v[0].y());
        for (int v = 1; v < o.count; ++v)
          cairo_line_to(cr, cx + r * o.v[v].x(), cy + r * o.v[v].y());
        cairo_close_path(cr);
      }
      set_color(cr, e.color);
      cairo_fill_preserve(cr);
      set_color(cr, tc.outline);
      cairo_set_line_width(cr, 0.9 * u);
      cairo_stroke(cr);
    } else {
      cairo_move_to(cr, x + pad, cy);
      cairo_line_to(cr, x + pad + swatch, cy);
      set_color(cr, e.color);
      cairo_set_line_width(cr, 2.0 * u);
      cairo_stroke(cr);
    }
    set_color(cr, tc.text);
    draw_text(cr, e.label, x + pad + swatch + 5.0 * u, cy, font, 0.0, 0.5);
  }
}

}  // namespace ll::exporter
