#include "app/export/plot_frame.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "app/export/draw.h"

namespace ll::exporter {

namespace {

using figure::PlotSeries;
using figure::SeriesKind;

void plot_stroke_line(cairo_t* cr, const PlotSeries& s, const figure::PlotLayout& l) {
  const double u = l.scale, w = s.width * u;
  set_color(cr, s.color, s.alpha);
  cairo_set_line_width(cr, w);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  if (s.dashed) {
    const double dash[2] = {6.0 * u, 4.0 * u};
    cairo_set_dash(cr, dash, 2, 0.0);
  }
  bool pen_down = false;
  int drawn = 0;
  double last_x = 0.0, last_y = 0.0;
  const std::size_t n = std::min(s.x.size(), s.y.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(s.y[i]) || !std::isfinite(s.x[i])) {
      pen_down = false;
      continue;
    }
    const double x = l.px_x(s.x[i]), y = l.px_y(s.y[i], s.right_axis);
    if (pen_down)
      cairo_line_to(cr, x, y);
    else
      cairo_move_to(cr, x, y);
    pen_down = true;
    last_x = x, last_y = y;
    ++drawn;
  }
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0.0);
  if (drawn == 1) {  // a single value: a dot
    cairo_arc(cr, last_x, last_y, 1.5 * w, 0.0, 2.0 * M_PI);
    cairo_fill(cr);
  }
}

void plot_draw_markers(cairo_t* cr, const PlotSeries& s, const figure::PlotLayout& l,
                       const Style& style) {
  const double r = s.width * l.scale;
  const std::size_t n = std::min(s.x.size(), s.y.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
    const double x = l.px_x(s.x[i]), y = l.px_y(s.y[i], s.right_axis);
    if (!l.inside(x, y)) continue;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x, y, r, 0.0, 2.0 * M_PI);
    if (s.filled) {
      set_color(cr, s.color, s.alpha);
      cairo_fill_preserve(cr);
      set_color(cr, style.colors().outline, 0.65);
      cairo_set_line_width(cr, 1.25 * l.scale);
    } else {
      set_color(cr, s.color, s.alpha);
      cairo_set_line_width(cr, 2.0 * l.scale);
    }
    cairo_stroke(cr);
  }
}

void plot_fill_band(cairo_t* cr, const PlotSeries& s, const figure::PlotLayout& l) {
  const std::size_t n = std::min({s.x.size(), s.y.size(), s.y_hi.size()});
  set_color(cr, s.color, s.alpha);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double v[6] = {s.x[i], s.y[i], s.y_hi[i], s.x[i + 1], s.y[i + 1], s.y_hi[i + 1]};
    if (!std::all_of(v, v + 6, [](double d) { return std::isfinite(d); })) continue;
    cairo_move_to(cr, l.px_x(v[0]), l.px_y(v[1], s.right_axis));
    cairo_line_to(cr, l.px_x(v[3]), l.px_y(v[4], s.right_axis));
    cairo_line_to(cr, l.px_x(v[3]), l.px_y(v[5], s.right_axis));
    cairo_line_to(cr, l.px_x(v[0]), l.px_y(v[2], s.right_axis));
    cairo_close_path(cr);
  }
  cairo_fill(cr);
}

// The heat map as an image of the plot area, each pixel the bilinear colour of the nodes at its
// centre (PlotHeat::at): at the device's resolution (rasters), at 2 px per unit (vectors).
void plot_draw_heat(cairo_t* cr, const figure::PlotHeat& h, const figure::PlotLayout& l) {
  double sx = 1.0, sy = 1.0;
  cairo_user_to_device_distance(cr, &sx, &sy);
  const cairo_surface_type_t type = cairo_surface_get_type(cairo_get_target(cr));
  const double res = std::clamp(type == CAIRO_SURFACE_TYPE_IMAGE ? std::abs(sx) : 2.0, 0.25, 8.0);
  const double w = l.right - l.left, ht = l.bottom - l.top;
  const int iw = std::clamp(static_cast<int>(std::ceil(w * res)), 1, 8192);
  const int ih = std::clamp(static_cast<int>(std::ceil(ht * res)), 1, 8192);
  SurfacePtr img(cairo_image_surface_create(CAIRO_FORMAT_RGB24, iw, ih));
  if (cairo_surface_status(img.get()) != CAIRO_STATUS_SUCCESS) return;
  cairo_surface_flush(img.get());
  unsigned char* data = cairo_image_surface_get_data(img.get());
  const int stride = cairo_image_surface_get_stride(img.get());
  for (int y = 0; y < ih; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    const double vy = l.y_at(l.top + (y + 0.5) * ht / ih);
    for (int x = 0; x < iw; ++x) {
      const palette::Rgb c = h.at(l.x_at(l.left + (x + 0.5) * w / iw), vy);
      row[x] = (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
    }
  }
  cairo_surface_mark_dirty(img.get());
  cairo_save(cr);
  cairo_translate(cr, l.left, l.top);
  cairo_scale(cr, w / iw, ht / ih);
  cairo_set_source_surface(cr, img.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
  cairo_paint(cr);
  cairo_restore(cr);
}

// A 1-pixel-grid line as ImGui's AddLine draws it: through pixel centres (+0.5).
void plot_hair(cairo_t* cr, double x0, double y0, double x1, double y1) {
  cairo_move_to(cr, x0 + 0.5, y0 + 0.5);
  cairo_line_to(cr, x1 + 0.5, y1 + 0.5);
}

void plot_text_at(cairo_t* cr, const figure::Text& t) {
  draw_text_at_top(cr, t.text, t.top_left.x(), t.top_left.y(), t.size, t.bold);
}

}  // namespace

figure::MeasureText cairo_measure(cairo_t* cr) {
  return [cr](const std::string& text, double size, bool bold) {
    return text_width(cr, text, figure::text_em(size), bold);
  };
}

figure::PlotLayout layout_export_plot(cairo_t* cr, const figure::PlotFigure& f, double width,
                                      double height, const Style& style) {
  return figure::layout_plot(f, width, height, style, cairo_measure(cr));
}

void draw_plot_figure(cairo_t* cr, const figure::PlotFigure& f, const figure::PlotLayout& l,
                      const Style& style, bool transparent) {
  const palette::ThemeColors& tc = style.colors();
  const double s = l.scale, frame_w = std::max(1.0, std::round(s));
  cairo_save(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  if (!transparent) {
    set_color(cr, tc.background);
    cairo_rectangle(cr, l.left, l.top, l.right - l.left, l.bottom - l.top);
    cairo_fill(cr);
  }
  cairo_set_line_width(cr, 1.0);
  set_color(cr, tc.grid);
  for (const figure::PlotTick& t : l.x_ticks) plot_hair(cr, t.at, l.top, t.at, l.bottom - 1.0);
  for (const figure::PlotTick& t : l.y_ticks) plot_hair(cr, l.left, t.at, l.right - 1.0, t.at);
  cairo_stroke(cr);
  set_color(cr, tc.axis, 0.55);
  if (l.x_min < 0 && l.x_max > 0) plot_hair(cr, l.px_x(0), l.top, l.px_x(0), l.bottom - 1.0);
  if (l.y_min < 0 && l.y_max > 0) plot_hair(cr, l.left, l.px_y(0), l.right - 1.0, l.px_y(0));
  cairo_stroke(cr);

  cairo_save(cr);
  cairo_rectangle(cr, l.left, l.top, l.right - l.left, l.bottom - l.top);
  cairo_clip(cr);
  if (!f.heat.empty()) plot_draw_heat(cr, f.heat, l);
  for (const PlotSeries& ser : f.series)
    if (ser.kind == SeriesKind::Band) plot_fill_band(cr, ser, l);
  for (const PlotSeries& ser : f.series) {
    if (ser.kind == SeriesKind::Line) plot_stroke_line(cr, ser, l);
    if (ser.kind == SeriesKind::Markers) plot_draw_markers(cr, ser, l, style);
  }
  for (const figure::RefLine& r : f.ref_lines) {
    set_color(cr, r.color, r.alpha);
    if (r.vertical) {
      const double x = l.px_x(r.value) + 0.5;
      const double dash[2] = {4.0 * s, 4.0 * s};
      cairo_set_dash(cr, dash, 2, 0.0);
      cairo_set_line_width(cr, 1.5 * s);
      cairo_move_to(cr, x, l.top);
      cairo_line_to(cr, x, l.bottom);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0.0);
      if (!r.label.empty())
        draw_text_at_top(cr, r.label, std::floor(x - 0.5 + 3 * s), l.top + std::floor(2 * s),
                         l.font);
    } else {
      const double y = l.px_y(r.value) + 0.5;
      cairo_set_line_width(cr, s);
      cairo_move_to(cr, l.left, y);
      cairo_line_to(cr, l.right, y);
      cairo_stroke(cr);
      if (!r.label.empty())
        draw_text_at_top(cr, r.label, l.left + std::floor(3 * s), std::floor(y - 0.5 - l.font - s),
                         l.font);
    }
  }
  cairo_restore(cr);

  if (f.axes) {
    set_color(cr, tc.axis);
    cairo_set_line_width(cr, frame_w);
    cairo_rectangle(cr, l.left + 0.5, l.top + 0.5, l.right - l.left - 1.0, l.bottom - l.top - 1.0);
    cairo_stroke(cr);
    for (const figure::PlotTick& t : l.x_ticks)
      plot_hair(cr, t.at, l.bottom, t.at, l.bottom + l.tick_len);
    for (const figure::PlotTick& t : l.y_ticks)
      plot_hair(cr, l.left - l.tick_len, t.at, l.left, t.at);
    for (const figure::PlotTick& t : l.y2_ticks)
      plot_hair(cr, l.right, t.at, l.right + l.tick_len, t.at);
    cairo_stroke(cr);
    set_color(cr, tc.text);
    for (const auto* ticks : {&l.x_ticks, &l.y_ticks, &l.y2_ticks})
      for (const figure::PlotTick& t : *ticks) plot_text_at(cr, t.label);
    for (const figure::Text& t : l.texts) plot_text_at(cr, t);
  }
  if (l.legend) {
    cairo_rectangle(cr, l.legend_x0, l.legend_y0, l.legend_x1 - l.legend_x0,
                    l.legend_y1 - l.legend_y0);
    set_color(cr, tc.legend_fill, 0.88);
    cairo_fill(cr);
    const double bw = std::max(1.0, std::round(0.75 * s));
    cairo_rectangle(cr, l.legend_x0 + 0.5 * bw, l.legend_y0 + 0.5 * bw,
                    l.legend_x1 - l.legend_x0 - bw, l.legend_y1 - l.legend_y0 - bw);
    set_color(cr, tc.axis, 0.6);
    cairo_set_line_width(cr, bw);
    cairo_stroke(cr);
    for (const figure::LegendRow& r : l.legend_rows) {
      const PlotSeries& ser = f.series[static_cast<std::size_t>(r.series)];
      set_color(cr, ser.color, std::max(ser.alpha, 0.6));
      if (ser.kind == SeriesKind::Markers) {
        cairo_arc(cr, r.swatch_a.x(), r.swatch_a.y(), std::min(ser.width, 5.0) * s, 0.0,
                  2.0 * M_PI);
        cairo_fill(cr);
      } else if (ser.kind == SeriesKind::Band) {
        cairo_rectangle(cr, r.swatch_a.x(), r.swatch_a.y() - 4.0 * s,
                        r.swatch_b.x() - r.swatch_a.x(), 8.0 * s);
        cairo_fill(cr);
      } else {
        cairo_set_line_width(cr, 3.0 * s);
        cairo_move_to(cr, r.swatch_a.x(), r.swatch_a.y());
        cairo_line_to(cr, r.swatch_b.x(), r.swatch_b.y());
        cairo_stroke(cr);
      }
      set_color(cr, tc.text);
      plot_text_at(cr, r.label);
    }
  }
  cairo_restore(cr);
}

void draw_plot_figure(cairo_t* cr, figure::PlotFigure f, double width, double height,
                      const FigureOptions& opt) {
  f.axes = f.axes && opt.axes;
  f.legend = f.legend && opt.legend;
  const figure::PlotLayout l = layout_export_plot(cr, f, width, height, opt.style);
  draw_plot_figure(cr, f, l, opt.style, opt.transparent);
}

void draw_plots(cairo_t* cr, const std::vector<figure::PlotFigure>& plots, int columns,
                const FigureOptions& opt) {
  if (plots.empty()) return;
  const int cols = std::clamp(columns, 1, static_cast<int>(plots.size()));
  const int rows = (static_cast<int>(plots.size()) + cols - 1) / cols;
  for (std::size_t i = 0; i < plots.size(); ++i) {
    const int c = static_cast<int>(i) % cols, r = static_cast<int>(i) / cols;
    const double x0 = std::floor(opt.width * c / cols), x1 = std::floor(opt.width * (c + 1) / cols);
    const double y0 = std::floor(opt.height * r / rows),
                 y1 = std::floor(opt.height * (r + 1) / rows);
    cairo_save(cr);
    cairo_translate(cr, x0, y0);
    draw_plot_figure(cr, plots[i], x1 - x0, y1 - y0, opt);
    cairo_restore(cr);
  }
}

}  // namespace ll::exporter
