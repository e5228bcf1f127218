// The classifier figure: shading, class zero-score lines (and optional margins), weight arrows,
// axes through the origin, points and legend, in that order.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "app/export/canvas_shading.h"
#include "app/export/draw.h"
#include "app/export/figure.h"
#include "app/export/point_density.h"
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
  CanvasTransform t;
  t.height = height;
  t.scale = std::min(width / world.width(), height / world.height());
  const double cx = 0.5 * (world.x_min + world.x_max), cy = 0.5 * (world.y_min + world.y_max);
  const double hw = 0.5 * width / t.scale, hh = 0.5 * height / t.scale;
  t.world = Rect{cx - hw, cy - hh, cx + hw, cy + hh};
  return t;
}

namespace {

void draw_class_lines(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                      const FigureOptions& opt, double u) {
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (int k = 0; k < scene.classes(); ++k) {
    set_color(cr, opt.style.class_line(k));
    if (opt.margins) {
      const double dash[2] = {5.0 * u, 4.0 * u};
      cairo_set_dash(cr, dash, 2, 0.0);
      cairo_set_line_width(cr, 1.0 * u);
      for (double level : {-1.0, 1.0}) {
        if (const auto seg = level_segment(scene.params, k, level, t.world)) {
          cairo_move_to(cr, t.to_x(seg->a.x()), t.to_y(seg->a.y()));
          cairo_line_to(cr, t.to_x(seg->b.x()), t.to_y(seg->b.y()));
          cairo_stroke(cr);
        }
      }
      cairo_set_dash(cr, nullptr, 0, 0.0);
    }
    if (const auto seg = zero_line_segment(scene.params, k, t.world)) {
      cairo_set_line_width(cr, 1.5 * u);
      cairo_move_to(cr, t.to_x(seg->a.x()), t.to_y(seg->a.y()));
      cairo_line_to(cr, t.to_x(seg->b.x()), t.to_y(seg->b.y()));
      cairo_stroke(cr);
    }
  }
}

// Each class's arrow starts on its zero line, at the foot of the perpendicular from the origin
// (or mid-segment when that foot is off-canvas), and points along W_k with length 0.1 |W_k|.
void draw_weight_arrows(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                        const FigureOptions& opt, double u) {
  const Rect& w = t.world;
  const Rect inner{w.x_min + 0.05 * w.width(), w.y_min + 0.05 * w.height(),
                   w.x_max - 0.05 * w.width(), w.y_max - 0.05 * w.height()};
  const double max_len = 0.4 * std::min(w.width(), w.height());
  for (int k = 0; k < scene.classes(); ++k) {
    const auto seg = zero_line_segment(scene.params, k, w);
    if (!seg) continue;
    const Eigen::Vector2d wk = scene.params.W.row(k).transpose();
    Eigen::Vector2d from = -scene.params.b(k) / wk.squaredNorm() * wk;
    if (!inner.contains(from)) from = 0.5 * (seg->a + seg->b);
    const double len = std::min(0.1 * wk.norm(), max_len);
    const Eigen::Vector2d to = from + len * wk.normalized();
    set_color(cr, opt.style.class_line(k));
    draw_arrow(cr, t.to_x(from.x()), t.to_y(from.y()), t.to_x(to.x()), t.to_y(to.y()), 1.5 * u,
               9.0 * u);
  }
}

void draw_axes(cairo_t* cr, const CanvasTransform& t, const FigureOptions& opt, double u) {
  const palette::ThemeColors& tc = opt.style.colors();
  const double ox = t.to_x(0.0), oy = t.to_y(0.0);
  set_color(cr, tc.axis, 0.85);
  cairo_set_line_width(cr, 0.8 * u);
  cairo_move_to(cr, 0.0, oy);
  cairo_line_to(cr, opt.width, oy);
  cairo_move_to(cr, ox, 0.0);
  cairo_line_to(cr, ox, opt.height);
  cairo_stroke(cr);

  // Tick spacing from the shorter side, so both axes share it (0.5 for the default view).
  const double half = 0.5 * std::min(t.world.width(), t.world.height());
  const double step = nice_step(-half, half, 5);
  const double font = 9.5 * u, tick = 3.0 * u;
  auto ticks = [&](double lo, double hi) {  // the origin is where the axes cross: no tick there
    std::vector<double> v = ticks_with_step(lo, hi, step, 200);
    v.erase(std::remove(v.begin(), v.end(), 0.0), v.end());
    return v;
  };
  const Rect& w = t.world;
  const double pad_x = 0.04 * w.width(), pad_y = 0.04 * w.height();
  for (double x : ticks(w.x_min + pad_x, w.x_max - pad_x)) {
    set_color(cr, tc.axis, 0.85);
    cairo_move_to(cr, t.to_x(x), oy - tick);
    cairo_line_to(cr, t.to_x(x), oy + tick);
    cairo_stroke(cr);
    set_color(cr, tc.text);
    draw_text(cr, tick_label(x, step), t.to_x(x), oy + tick + 2.5 * u, font, 0.5, 0.0);
  }
  for (double y : ticks(w.y_min + pad_y, w.y_max - pad_y)) {
    set_color(cr, tc.axis, 0.85);
    cairo_move_to(cr, ox - tick, t.to_y(y));
    cairo_line_to(cr, ox + tick, t.to_y(y));
    cairo_stroke(cr);
    set_color(cr, tc.text);
    draw_text(cr, tick_label(y, step), ox - tick - 3.0 * u, t.to_y(y), font, 1.0, 0.5);
  }
  set_color(cr, tc.text);
  draw_text(cr, "x0", opt.width - 6.0 * u, oy - 5.0 * u, 12.0 * u, 1.0, 1.0, true);
  draw_text(cr, "x1", ox + 6.0 * u, 6.0 * u, 12.0 * u, 0.0, 0.0, true);
}

// One vector circle per point, filled in its class colour with a thin outline.
void draw_points(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                 const FigureOptions& opt, double u, JobControl* control) {
  const palette::Rgb outline = opt.style.colors().outline;
  const double r = point_radius(u, scene.points.size());
  cairo_set_line_width(cr, (r > 3.0 * u ? 1.0 : 0.75) * u);
  const std::size_t n = scene.points.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (control && i % 10000 == 0) {
      control->check();
      control->set_progress(0.1 + 0.8 * double(i) / double(n));
    }
    const Point& p = scene.points[i];
    if (!std::isfinite(p.x0) || !std::isfinite(p.x1)) continue;
    cairo_new_sub_path(cr);
    cairo_arc(cr, t.to_x(p.x0), t.to_y(p.x1), r, 0.0, 2.0 * M_PI);
    set_color(cr, opt.style.class_line(p.label));
    cairo_fill_preserve(cr);
    set_color(cr, outline);
    cairo_stroke(cr);
  }
}

}  // namespace

void draw_canvas(cairo_t* cr, const Scene& scene, const FigureOptions& opt, JobControl* control) {
  if (opt.shading == Shading::Score && (opt.score_class < 0 || opt.score_class >= scene.classes()))
    throw std::invalid_argument("score:" + std::to_string(opt.score_class) +
                                ": the scene has classes 0.." +
                                std::to_string(scene.classes() - 1));
  const double u = figure_unit(opt);
  if (opt.world &&
      !(opt.world->width() > 0.0 && opt.world->height() > 0.0 && std::isfinite(opt.world->area())))
    throw std::invalid_argument("the canvas view rectangle is empty or not finite");
  const CanvasTransform t = opt.world ? canvas_transform(*opt.world, opt.width, opt.height)
                                      : canvas_transform(scene, opt.width, opt.height);
  draw_canvas_shading(cr, scene, t, opt, control);
  if (control) {
    control->check();
    control->set_progress(0.1);
  }
  draw_class_lines(cr, scene, t, opt, u);
  draw_weight_arrows(cr, scene, t, opt, u);
  if (opt.axes) draw_axes(cr, t, opt, u);
  if (scene.points.size() > opt.max_vector_points)
    draw_point_density(cr, scene, t, opt, point_radius(u, scene.points.size()), control, 0.1, 0.9);
  else
    draw_points(cr, scene, t, opt, u, control);
  if (opt.legend) {
    std::vector<LegendEntry> entries;
    for (int k = 0; k < scene.classes(); ++k) {
      const bool named = static_cast<int>(scene.class_names.size()) == scene.classes() &&
                         !scene.class_names[static_cast<std::size_t>(k)].empty();
      entries.push_back(
          {named ? scene.class_names[static_cast<std::size_t>(k)] : "class " + std::to_string(k),
           opt.style.class_line(k), true});
    }
    draw_legend(cr, entries, opt.width - 8.0 * u, 8.0 * u, 1.0, u, opt.style);
  }
}

}  // namespace ll::exporter
