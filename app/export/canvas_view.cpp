// The classifier figure: app/figure's description of the canvas (the window's), drawn with cairo.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "app/export/canvas_shading.h"
#include "app/export/draw.h"
#include "app/export/figure.h"
#include "app/export/point_density.h"
#include "app/figure/canvas_figure.h"
#include "app/text/formulas.h"
#include "app/text/typeset.h"
#include "core/losses.h"
#include "core/ticks.h"

namespace ll::exporter {

CanvasTransform canvas_transform(const Scene& scene, double width, double height) {
  double extent = 1.1;  // show [-1, 1]^2 with room for the tick labels at +-1
  for (const Point& p : scene.points) {
    if (std::isfinite(p.x0) && std::isfinite(p.x1))
      extent = std::max({extent, 1.15 * std::abs(p.x0), 1.15 * std::abs(p.x1)});
  }
  extent = std::min(extent, 1e12);  // far-off points: keep the mapping finite
  CanvasTransform t;
  t.height = height;
  t.scale = std::min(width, height) / (2.0 * extent);
  const double hw = 0.5 * width / t.scale, hh = 0.5 * height / t.scale;
  t.world = Rect{-hw, -hh, hw, hh};
  return t;
}

CanvasTransform canvas_transform(const Rect& world, double width, double height) {
  const figure::CanvasMapping m = figure::fit_mapping(world, width, height);  // the one fit rule
  CanvasTransform t;
  t.height = height;
  t.scale = m.ppu;
  t.world = m.world;
  return t;
}

namespace {

void stroke_line(cairo_t* cr, const figure::Line& l) {
  set_color(cr, l.color, l.alpha);
  cairo_set_line_width(cr, l.width);
  if (l.dashed) {
    const double dash[2] = {l.dash, l.gap};
    cairo_set_dash(cr, dash, 2, 0.0);
  }
  cairo_move_to(cr, l.a.x(), l.a.y());
  cairo_line_to(cr, l.b.x(), l.b.y());
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0.0);
}

void fill_arrow(cairo_t* cr, const figure::Arrow& a) {
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

void show_text(cairo_t* cr, const figure::Text& t) {
  set_color(cr, t.color, t.alpha);
  draw_text_at_top(cr, t.text, t.top_left.x(), t.top_left.y(), t.size, t.bold);
}

// The path of a marker of radius R at (x, y): its class's shape (figure::shape_outline).
void marker_path(cairo_t* cr, const figure::ShapeOutline& o, double x, double y, double R) {
  cairo_new_sub_path(cr);
  if (o.count == 0) {
    cairo_arc(cr, x, y, R, 0.0, 2.0 * M_PI);
    return;
  }
  cairo_move_to(cr, x + R * o.v[0].x(), y + R * o.v[0].y());
  for (int i = 1; i < o.count; ++i) cairo_line_to(cr, x + R * o.v[i].x(), y + R * o.v[i].y());
  cairo_close_path(cr);
}

// One marker per point as the window's shader draws it: the class's shape in its colour with
// an outline band inside its edge (the path stroked twice as wide, clipped to itself), a ring
// in the neutral loss colour as opaque as the point's loss level, and a cross on misclassified
// points; compact markers are plain discs, misclassified ones outlined in the loss colour.
void draw_markers(cairo_t* cr, const figure::CanvasFigure& f, JobControl* control) {
  const figure::PointLook& look = f.points;
  const std::size_t n = f.markers.size();
  figure::ShapeOutline shapes[kMaxClasses];
  for (int k = 0; k < kMaxClasses; ++k) shapes[k] = figure::shape_outline(f.style.class_shape(k));
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_miter_limit(cr, 10.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (control && i % 10000 == 0) {
      control->check();
      control->set_progress(0.1 + 0.8 * double(i) / double(n));
    }
    const figure::Marker& m = f.markers[i];
    const double x = m.at.x(), y = m.at.y(), R = look.radius;
    if (look.compact) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, x, y, m.wrong ? R - 0.5 * look.outline : R, 0.0, 2.0 * M_PI);
      set_color(cr, f.style.class_line(m.cls));
      if (!m.wrong) {
        cairo_fill(cr);
        continue;
      }
      cairo_fill_preserve(cr);
      set_color(cr, look.loss_color);
      cairo_set_line_width(cr, look.outline);
      cairo_stroke(cr);
      continue;
    }
    if (m.loss > 0.0) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, x, y, R + look.ring_mid, 0.0, 2.0 * M_PI);
      set_color(cr, look.loss_color, std::min(1.0, m.loss));
      cairo_set_line_width(cr, 2.0 * look.ring_half);
      cairo_stroke(cr);
    }
    const figure::ShapeOutline& shape = shapes[std::clamp(m.cls, 0, kMaxClasses - 1)];
    cairo_save(cr);
    marker_path(cr, shape, x, y, R);
    set_color(cr, f.style.class_line(m.cls));
    cairo_fill_preserve(cr);
    cairo_clip_preserve(cr);
    set_color(cr, look.outline_color);
    cairo_set_line_width(cr, 2.0 * look.outline);
    cairo_stroke(cr);
    cairo_restore(cr);
    if (m.wrong) {  // a thin cross of half-length 0.5 R
      const double h = 0.5 * R * M_SQRT1_2;
      set_color(cr, look.outline_color);
      cairo_set_line_width(cr, 1.2 * f.style.scale);
      cairo_move_to(cr, x - h, y - h);
      cairo_line_to(cr, x + h, y + h);
      cairo_move_to(cr, x - h, y + h);
      cairo_line_to(cr, x + h, y - h);
      cairo_stroke(cr);
    }
  }
}

}  // namespace

figure::CanvasFigure describe_export_canvas(cairo_t* cr, const Scene& scene,
                                            const FigureOptions& opt, bool markers) {
  if (opt.regions == figure::RegionMode::Score &&
      (opt.score_class < 0 || opt.score_class >= scene.classes()))
    throw std::invalid_argument("score:" + std::to_string(opt.score_class) +
                                ": the scene has classes 0.." +
                                std::to_string(scene.classes() - 1));
  if (opt.world &&
      !(opt.world->width() > 0.0 && opt.world->height() > 0.0 && std::isfinite(opt.world->area())))
    throw std::invalid_argument("the canvas view rectangle is empty or not finite");
  const CanvasTransform t = opt.world ? canvas_transform(*opt.world, opt.width, opt.height)
                                      : canvas_transform(scene, opt.width, opt.height);
  figure::CanvasInput in;
  in.scene = &scene;
  Evaluation eval;
  if (markers && scene.classes() >= kMinClasses && scene.classes() <= kMaxClasses &&
      !scene.points.empty()) {
    try {
      eval = evaluate(scene.points, scene.params, scene.loss);
      in.eval = &eval;
    } catch (const std::exception&) {  // labels out of range: no loss/misclassified flags
    }
  }
  in.map = figure::CanvasMapping{t.world, opt.width, opt.height, t.scale};
  in.options = opt;
  in.style = opt.style;
  in.measure = [cr](const std::string& text, double size, bool bold) {
    return text_width(cr, text, figure::text_em(size), bold);
  };
  in.markers = markers;
  return figure::describe_canvas(in);
}

void draw_canvas(cairo_t* cr, const Scene& scene, const FigureOptions& opt, JobControl* control) {
  const bool dense = scene.points.size() > opt.max_vector_points;
  const figure::CanvasFigure f = describe_export_canvas(cr, scene, opt, !dense);
  // The window's order: regions, grid and axes (its shader), points (its GL layer), then the
  // overlay's tick labels, margin lines, class lines, arrows and labels; the legend last.
  const CanvasTransform t{f.map.world, f.map.ppu, f.map.height};
  draw_canvas_shading(cr, f, opt, control);
  if (control) {
    control->check();
    control->set_progress(0.1);
  }
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (const figure::Line& l : f.grid) stroke_line(cr, l);
  for (const figure::Line& l : f.axes) stroke_line(cr, l);
  if (dense)
    draw_point_density(cr, scene, t, opt, f.points.radius, control, 0.1, 0.9);
  else
    draw_markers(cr, f, control);
  for (const figure::CanvasFigure::MultiLabel& ml : f.multi_labels) {
    const double n = static_cast<double>(ml.cls.size()), R = f.points.radius;
    for (std::size_t j = 0; j < ml.cls.size(); ++j) {  // from the top, clockwise (y down)
      const double a0 = -0.5 * M_PI + 2.0 * M_PI * static_cast<double>(j) / n;
      cairo_move_to(cr, ml.at.x(), ml.at.y());
      cairo_arc(cr, ml.at.x(), ml.at.y(), R, a0, a0 + 2.0 * M_PI / n);
      cairo_close_path(cr);
      set_color(cr, f.style.class_line(ml.cls[j]));
      cairo_fill(cr);
    }
    cairo_arc(cr, ml.at.x(), ml.at.y(), R, 0.0, 2.0 * M_PI);
    set_color(cr, f.points.outline_color);
    cairo_set_line_width(cr, f.points.outline);
    cairo_stroke(cr);
  }
  for (const figure::Text& s : f.tick_labels) show_text(cr, s);
  for (const figure::CanvasFigure::AxisName& a : f.axis_names) {  // typeset, as on screen
    const palette::Rgb c = f.axis_color;
    const auto a8 =
        static_cast<std::uint32_t>(std::lround(std::clamp(f.axis_alpha, 0.0, 1.0) * 255));
    text::draw_markup(cr, text::axis_markup(a.axis),
                      {a.size, std::uint32_t{c.r} << 24 | std::uint32_t{c.g} << 16 |
                                   std::uint32_t{c.b} << 8 | a8},
                      a.top_left.x(), a.top_left.y());
  }
  for (const figure::Line& l : f.margin_lines) stroke_line(cr, l);
  for (const figure::Line& l : f.class_lines) stroke_line(cr, l);
  for (const figure::Arrow& a : f.arrows) fill_arrow(cr, a);
  for (const figure::Text& s : f.arrow_labels) show_text(cr, s);
  if (const figure::CanvasFigure::ColorBar& b = f.color_bar; !b.columns.empty()) {
    cairo_rectangle(cr, b.top_left.x(), b.top_left.y(), b.width, b.height);
    set_color(cr, b.box_color, b.box_alpha);
    cairo_fill(cr);
    for (const figure::CanvasFigure::ColorCell& c : f.color_bar_cells()) {
      cairo_rectangle(cr, c.top_left.x(), c.top_left.y(), c.bottom_right.x() - c.top_left.x(),
                      c.bottom_right.y() - c.top_left.y());
      set_color(cr, c.color);
      cairo_fill(cr);
    }
    for (const figure::Text& label : b.labels) show_text(cr, label);
  }
  if (opt.legend && !f.legend.empty()) {
    std::vector<LegendEntry> entries;
    for (const figure::LegendEntry& e : f.legend)
      entries.push_back({e.label, e.color, true, e.shape});
    const double u = opt.style.scale;
    draw_legend(cr, entries, opt.width - 8.0 * u, 8.0 * u, 1.0, u, opt.style);
  }
}

}  // namespace ll::exporter
