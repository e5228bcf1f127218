#include "app/export/plot_frame.h"

#include <algorithm>
#include <cmath>

#include "app/export/draw.h"
#include "core/ticks.h"

namespace ll::exporter {

void fit_y_range(PlotSpec& spec) {
  double lo = 0.0, hi = -INFINITY;
  for (const Series& s : spec.series) {
    if (s.right_axis) continue;
    for (double v : s.y) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (!std::isfinite(hi) || hi <= lo) hi = lo + 1.0;
  spec.y_min = lo;
  spec.y_max = hi + 0.05 * (hi - lo);
}

namespace {

void stroke_series(cairo_t* cr, const Series& s, double px0, double py1, double sx, double sy,
                   double y_min, const PlotSpec& spec, double u) {
  set_color(cr, s.color);
  cairo_set_line_width(cr, s.width * u);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  if (s.dashed) {
    const double dash[2] = {6.0 * u, 4.0 * u};
    cairo_set_dash(cr, dash, 2, 0.0);
  }
  bool pen_down = false;
  int drawn = 0;
  for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
    if (!std::isfinite(s.y[i]) || !std::isfinite(s.x[i])) {
      pen_down = false;
      continue;
    }
    const double x = px0 + (s.x[i] - spec.x_min) * sx;
    const double y = py1 - (s.y[i] - y_min) * sy;
    if (pen_down)
      cairo_line_to(cr, x, y);
    else
      cairo_move_to(cr, x, y);
    pen_down = true;
    ++drawn;
  }
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0.0);
  if (drawn == 1) {  // a single value: show it as a dot
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
      if (!std::isfinite(s.y[i])) continue;
      cairo_arc(cr, px0 + (s.x[i] - spec.x_min) * sx, py1 - (s.y[i] - y_min) * sy, 3.0 * u, 0.0,
                2.0 * M_PI);
      cairo_fill(cr);
    }
  }
}

}  // namespace

void draw_plot(cairo_t* cr, const PlotSpec& spec, const FigureOptions& opt) {
  const palette::ThemeColors& tc = opt.style.colors();
  const double u = figure_unit(opt);
  const double font = 10.0 * u;
  const bool axes = opt.axes;
  // Plot area inside the figure.
  const bool y2 = std::any_of(spec.series.begin(), spec.series.end(),
                              [](const Series& s) { return s.right_axis; });
  const double left = axes ? 58.0 * u : 10.0 * u;
  const double right = opt.width - (axes && y2 ? 52.0 * u : 14.0 * u);
  const bool titled = axes && !spec.title.empty();  // --no-axes drops every label
  const double top = titled ? 34.0 * u : 12.0 * u;
  const double bottom = opt.height - (axes ? 46.0 * u : 10.0 * u);
  if (!(right > left) || !(bottom > top)) return;
  const double xr = spec.x_max > spec.x_min ? spec.x_max - spec.x_min : 1.0;
  const double yr = spec.y_max > spec.y_min ? spec.y_max - spec.y_min : 1.0;
  const double sx = (right - left) / xr, sy = (bottom - top) / yr;
  const double yr2 = spec.y2_max > spec.y2_min ? spec.y2_max - spec.y2_min : 1.0;
  const double sy2 = (bottom - top) / yr2;

  if (titled) {
    set_color(cr, tc.text);
    draw_text(cr, spec.title, 0.5 * (left + right), 10.0 * u, 12.0 * u, 0.5, 0.0, true);
  }

  if (axes) {
    const Ticks xticks = nice_ticks(spec.x_min, spec.x_min + xr, 6);
    const Ticks yticks = nice_ticks(spec.y_min, spec.y_min + yr, 5);
    const std::vector<double>& xt = xticks.values;
    const std::vector<double>& yt = yticks.values;
    const double xstep = xticks.step, ystep = yticks.step;
    cairo_set_line_width(cr, 0.6 * u);
    set_color(cr, tc.grid);
    for (double x : xt) {
      cairo_move_to(cr, left + (x - spec.x_min) * sx, top);
      cairo_line_to(cr, left + (x - spec.x_min) * sx, bottom);
    }
    for (double y : yt) {
      cairo_move_to(cr, left, bottom - (y - spec.y_min) * sy);
      cairo_line_to(cr, right, bottom - (y - spec.y_min) * sy);
    }
    cairo_stroke(cr);
    set_color(cr, tc.text);
    for (double x : xt)
      draw_text(cr, tick_label(x, xstep), left + (x - spec.x_min) * sx, bottom + 6.0 * u, font, 0.5,
                0.0);
    for (double y : yt)
      draw_text(cr, tick_label(y, ystep), left - 6.0 * u, bottom - (y - spec.y_min) * sy, font, 1.0,
                0.5);
    draw_text(cr, spec.x_label, 0.5 * (left + right), opt.height - 7.0 * u, 11.0 * u, 0.5, 1.0);
    cairo_save(cr);
    cairo_translate(cr, 12.0 * u, 0.5 * (top + bottom));
    cairo_rotate(cr, -M_PI / 2.0);
    draw_text(cr, spec.y_label, 0.0, 0.0, 11.0 * u, 0.5, 0.5);
    cairo_restore(cr);
    if (y2) {  // the right-hand axis: its ticks and name
      const Ticks t2 = nice_ticks(spec.y2_min, spec.y2_min + yr2, 5);
      for (double y : t2.values)
        draw_text(cr, tick_label(y, t2.step), right + 6.0 * u, bottom - (y - spec.y2_min) * sy2,
                  font, 0.0, 0.5);
      cairo_save(cr);
      cairo_translate(cr, opt.width - 10.0 * u, 0.5 * (top + bottom));
      cairo_rotate(cr, M_PI / 2.0);
      draw_text(cr, spec.y2_label, 0.0, 0.0, 11.0 * u, 0.5, 0.5);
      cairo_restore(cr);
    }
    // Frame (axes) on top of the grid.
    set_color(cr, tc.axis);
    cairo_set_line_width(cr, 0.9 * u);
    cairo_rectangle(cr, left, top, right - left, bottom - top);
    cairo_stroke(cr);
  }

  cairo_save(cr);
  cairo_rectangle(cr, left, top, right - left, bottom - top);
  cairo_clip(cr);
  for (const Series& s : spec.series) {
    if (s.right_axis)
      stroke_series(cr, s, left, bottom, sx, sy2, spec.y2_min, spec, u);
    else
      stroke_series(cr, s, left, bottom, sx, sy, spec.y_min, spec, u);
  }
  cairo_restore(cr);

  if (opt.legend) {
    std::vector<LegendEntry> entries;
    for (const Series& s : spec.series) entries.push_back({s.name, s.color, false});
    const double inset = 6.0 * u;
    const double x = left + inset + spec.legend_x * (right - left - 2.0 * inset);
    draw_legend(cr, entries, x, top + inset, spec.legend_x, u, opt.style);
  }
}

}  // namespace ll::exporter
