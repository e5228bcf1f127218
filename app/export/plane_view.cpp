#include "app/export/plane_view.h"

#include <algorithm>
#include <cmath>

#include "app/export/draw.h"
#include "app/export/plot_frame.h"

namespace ll::exporter {

namespace {

void plane_text(cairo_t* cr, const figure::Text& t) {
  set_color(cr, t.color, t.alpha);
  draw_text_at_top(cr, t.text, t.top_left.x(), t.top_left.y(), t.size, t.bold);
}

void plane_marker(cairo_t* cr, const figure::PlaneMarkerLook& m) {
  const std::vector<figure::Vec> poly = figure::plane_marker_polygon(m);
  auto path = [&] {
    if (poly.empty()) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, m.at.x(), m.at.y(), m.radius, 0.0, 2.0 * M_PI);
      return;
    }
    cairo_move_to(cr, poly[0].x(), poly[0].y());
    for (std::size_t i = 1; i < poly.size(); ++i) cairo_line_to(cr, poly[i].x(), poly[i].y());
    cairo_close_path(cr);
  };
  path();
  set_color(cr, m.fill, m.fill_alpha);
  if (m.outlined) {
    cairo_fill_preserve(cr);
    set_color(cr, m.outline, m.outline_alpha);
    cairo_set_line_width(cr, m.outline_width);
    cairo_stroke(cr);
  } else {
    cairo_fill(cr);
  }
  if (m.highlight) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, m.at.x(), m.at.y(), m.highlight_radius, 0.0, 2.0 * M_PI);
    set_color(cr, figure::kPlaneHighlight);
    cairo_set_line_width(cr, m.highlight_width);
    cairo_stroke(cr);
  }
}

void plane_arrow(cairo_t* cr, const figure::Arrow& a) {
  const figure::ArrowShape s = figure::arrow_shape(a);
  if (s.empty) return;
  set_color(cr, a.color);
  cairo_set_line_width(cr, a.width);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to(cr, s.shaft_from.x(), s.shaft_from.y());
  cairo_line_to(cr, s.shaft_to.x(), s.shaft_to.y());
  cairo_stroke(cr);
  cairo_move_to(cr, s.tip.x(), s.tip.y());
  cairo_line_to(cr, s.left.x(), s.left.y());
  cairo_line_to(cr, s.right.x(), s.right.y());
  cairo_close_path(cr);
  cairo_fill(cr);
}

}  // namespace

figure::PlaneLayout layout_export_plane(cairo_t* cr, const metric::PlaneFigure& f, double width,
                                        double height, const Style& style) {
  return figure::layout_plane(f, width, height, style, cairo_measure(cr));
}

void draw_plane_layout(cairo_t* cr, const figure::PlaneLayout& l, bool transparent) {
  cairo_save(cr);
  cairo_rectangle(cr, 0.0, 0.0, l.width, l.height);
  cairo_clip(cr);
  if (!transparent) {
    set_color(cr, l.background);
    cairo_paint(cr);
  }
  for (const figure::Line& g : l.grid) {
    set_color(cr, g.color, g.alpha);
    cairo_set_line_width(cr, g.width);
    cairo_move_to(cr, g.a.x(), g.a.y());
    cairo_line_to(cr, g.b.x(), g.b.y());
    cairo_stroke(cr);
  }
  for (const figure::Text& t : l.tick_labels) plane_text(cr, t);
  for (const figure::PlaneBand& b : l.bands) {
    cairo_save(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.center.x(), b.center.y(), b.outer, 0.0, 2.0 * M_PI);
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.center.x(), b.center.y(), b.inner, 0.0, 2.0 * M_PI);
    set_color(cr, b.color, b.alpha);
    cairo_fill(cr);
    cairo_restore(cr);
  }
  for (const figure::PlaneRingLook& r : l.rings) {
    set_color(cr, r.color, r.alpha);
    cairo_set_line_width(cr, r.width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    if (r.dashes.empty()) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, r.center.x(), r.center.y(), r.radius, 0.0, 2.0 * M_PI);
    }
    // Screen angles are counter-clockwise (y down): cairo's angle is −t.
    for (const figure::PlaneRingLook::Arc& a : r.dashes) {
      cairo_new_sub_path(cr);
      cairo_arc_negative(cr, r.center.x(), r.center.y(), r.radius, -a.t0, -a.t1);
    }
    cairo_stroke(cr);
  }
  for (const figure::Arrow& a : l.arrows) plane_arrow(cr, a);
  for (const figure::PlaneMarkerLook& m : l.markers) plane_marker(cr, m);
  for (const figure::Text& t : l.marker_labels) plane_text(cr, t);
  for (const figure::BoxedText& b : l.ring_labels) {
    set_color(cr, b.box, b.box_alpha);
    cairo_rectangle(cr, b.box_min.x(), b.box_min.y(), b.box_max.x() - b.box_min.x(),
                    b.box_max.y() - b.box_min.y());
    cairo_fill(cr);
    plane_text(cr, b.text);
  }
  if (l.legend) {
    const double w = l.legend_max.x() - l.legend_min.x(), h = l.legend_max.y() - l.legend_min.y();
    cairo_rectangle(cr, l.legend_min.x(), l.legend_min.y(), w, h);
    set_color(cr, l.legend_fill, l.legend_alpha);
    cairo_fill_preserve(cr);
    set_color(cr, l.legend_border);
    cairo_set_line_width(cr, 1.0);
    cairo_stroke(cr);
    for (const figure::PlaneLegendRow& r : l.legend_rows) {
      if (r.ring) {
        set_color(cr, r.color);
        cairo_set_line_width(cr, r.width);
        cairo_move_to(cr, r.sample_a.x(), r.sample_a.y());
        cairo_line_to(cr, r.sample_b.x(), r.sample_b.y());
        cairo_stroke(cr);
      } else {
        plane_marker(cr, r.marker);
      }
      plane_text(cr, r.label);
    }
  }
  set_color(cr, l.border);
  cairo_set_line_width(cr, 1.0);
  cairo_rectangle(cr, 0.5, 0.5, l.width - 1.0, l.height - 1.0);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void draw_plane_view(cairo_t* cr, const FigureData& data, const FigureOptions& opt) {
  const int cells = static_cast<int>(data.planes.size() + data.plots.size());
  if (cells == 0) return;
  const int cols = std::clamp(data.plot_columns, 1, cells);
  const int rows = (cells + cols - 1) / cols;
  for (int i = 0; i < cells; ++i) {
    const int c = i % cols, r = i / cols;
    const double x0 = std::floor(opt.width * c / cols), x1 = std::floor(opt.width * (c + 1) / cols);
    const double y0 = std::floor(opt.height * r / rows),
                 y1 = std::floor(opt.height * (r + 1) / rows);
    cairo_save(cr);
    cairo_translate(cr, x0, y0);
    if (i < static_cast<int>(data.planes.size())) {
      const figure::PlaneLayout l = layout_export_plane(
          cr, data.planes[static_cast<std::size_t>(i)], x1 - x0, y1 - y0, opt.style);
      draw_plane_layout(cr, l, opt.transparent);
    } else {
      draw_plot_figure(cr, data.plots[static_cast<std::size_t>(i) - data.planes.size()], x1 - x0,
                       y1 - y0, opt);
    }
    cairo_restore(cr);
  }
}

}  // namespace ll::exporter
