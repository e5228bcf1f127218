#include "app/figure/canvas_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/ticks.h"

namespace ll::figure {

CanvasMapping fit_mapping(const Rect& world, double width, double height) {
  CanvasMapping m;
  m.width = width;
  m.height = height;
  m.ppu = std::min(width / world.width(), height / world.height());
  const double cx = 0.5 * (world.x_min + world.x_max), cy = 0.5 * (world.y_min + world.y_max);
  const double hw = 0.5 * width / m.ppu, hh = 0.5 * height / m.ppu;
  m.world = Rect{cx - hw, cy - hh, cx + hw, cy + hh};
  return m;
}

double text_ascent(double size) {
  // DejaVu Sans: ascender 1901 of its 2384 line units; ImGui rounds floor(ascent + 1).
  return std::floor(1901.0 / 2384.0 * size + 1.0);
}

ArrowShape arrow_shape(const Arrow& a) {
  ArrowShape s;
  const Vec d = a.to - a.from;
  const double len = d.norm();
  if (!(len >= 1e-6)) return s;
  const Vec u = d / len, n(-u.y(), u.x());
  const double h = std::min(a.head, 0.6 * len + 4.0);
  const Vec back = a.to - h * u;
  s.shaft_from = a.from;
  s.shaft_to = back + 0.2 * h * u;  // the shaft ends inside the head
  s.tip = a.to;
  s.left = back + 0.45 * h * n;
  s.right = back - 0.45 * h * n;
  s.empty = false;
  return s;
}

float compact_radius(std::size_t count, float scale) {
  const float full = kCompactRadius * scale;
  if (count == 0) return full;
  // Sprite side 2 * (r + outline) with outline <= r: at most (4 r)^2 pixels a point.
  const double fit = 0.25 * std::sqrt(kCompactPixelBudget / static_cast<double>(count));
  return std::clamp(static_cast<float>(fit), std::min(1.0f, full), full);
}

PointLook point_look(std::size_t count, const Style& style) {
  PointLook l;
  const double s = style.scale;
  l.compact = count > kCompactPoints;
  l.radius = l.compact ? compact_radius(count, style.scale) : kPointRadius * s;
  l.outline = 1.25 * s;
  if (l.compact) l.outline = std::min(l.outline, 0.4 * l.radius);
  l.ring_mid = 3.5 * s;
  l.ring_half = 1.1 * s;
  l.outline_color = style.colors().outline;
  l.loss_color = kLossColor;
  return l;
}

palette::Rgb region_color(const Params& p, const CanvasOptions& opt, const Style& style,
                          const Vec& x) {
  const int K = p.classes();
  double s[kMaxClasses];
  int best = 0;
  for (int k = 0; k < K; ++k) {
    s[k] = p.W(k, 0) * x.x() + p.W(k, 1) * x.y() + p.b(k);
    if (s[k] > s[best]) best = k;
  }
  const palette::Rgb bg = style.colors().background;
  switch (opt.regions) {
    case RegionMode::Argmax:
      return style.class_region(best);
    case RegionMode::Confidence: {
      double sum = 0.0;
      for (int k = 0; k < K; ++k) sum += std::exp(s[k] - s[best]);
      const double prob = 1.0 / sum, floor = 1.0 / K;
      const double t = std::clamp((prob - floor) / (1.0 - floor), 0.0, 1.0);
      const palette::Rgb strong =
          palette::mix(style.class_region(best), style.class_line(best), 0.45);
      return palette::mix(bg, strong, t);
    }
    case RegionMode::Score: {
      const int c = std::clamp(opt.score_class, 0, K - 1);
      const double v = s[c];
      const double t = std::tanh(std::abs(v) * 0.5);
      const palette::Rgb neg{115, 115, 128};  // the shader's vec3(0.45, 0.45, 0.5)
      return palette::mix(bg, v >= 0.0 ? style.class_line(c) : neg, 0.85 * t);
    }
  }
  return style.class_region(best);
}

double grid_step(double ppu, double scale) {
  return nice_step(0.0, kGridTargetPx * scale / ppu, 1);  // core/ticks: the one tick rule
}

Vec nearest_on_line(const Params& p, int k, const Vec& ref) {
  const Vec w(p.W(k, 0), p.W(k, 1));
  const double n2 = w.squaredNorm();
  if (n2 < kMinWeightNorm * kMinWeightNorm) return ref;
  const double s = w.dot(ref) + p.b(k);
  return ref - (s / n2) * w;
}

Vec arrow_head(const Params& p, int k, const Vec& base) {
  return base + kArrowScale * Vec(p.W(k, 0), p.W(k, 1));
}

Vec shown_arrow_head(const Params& p, int k, const Vec& base, const CanvasMapping& map,
                     double min_px) {
  const Vec sb = map.to_px(base), sh = map.to_px(arrow_head(p, k, base));
  const Vec w(p.W(k, 0), p.W(k, 1));
  const double wl = w.norm();
  if ((sh - sb).norm() >= min_px || wl < kMinWeightNorm) return sh;
  return sb + min_px * Vec(w.x() / wl, -w.y() / wl);  // pixels: y points down
}

namespace {

// core's tick label with a real minus sign (U+2212) for negative values.
std::string minus_label(double v, double step) {
  std::string s = tick_label(v, step);
  if (s.size() > 1 && s[0] == '-') s.replace(0, 1, "\u2212");
  return s;
}

// The line s_k(x) = level across the canvas, a few pixels beyond its edges.
bool level_line(const Params& p, int k, double level, const CanvasMapping& m, Line& out) {
  const double pad = 4.0 / m.ppu;
  const Rect r{m.world.x_min - pad, m.world.y_min - pad, m.world.x_max + pad, m.world.y_max + pad};
  const auto seg = level_segment(p, k, level, r);
  if (!seg) return false;
  out.a = m.to_px(seg->a);
  out.b = m.to_px(seg->b);
  return true;
}

void add_grid_and_axes(CanvasFigure& f, const CanvasInput& in) {
  const CanvasMapping& m = f.map;
  const double s = in.style.scale;
  const bool dark = in.style.dark();
  f.grid_color = dark ? palette::Rgb{255, 255, 255} : palette::Rgb{0, 0, 0};
  f.grid_alpha = dark ? 0.10 : 0.08;
  f.axis_color = dark ? palette::Rgb{217, 217, 217} : palette::Rgb{0, 0, 0};
  f.axis_alpha = dark ? 0.8 : 0.85;
  const Vec origin = m.to_px({0.0, 0.0});
  if (in.options.axes) {
    f.axes.push_back(
        {{origin.x(), 0.0}, {origin.x(), m.height}, f.axis_color, f.axis_alpha, 1.5 * s});
    f.axes.push_back(
        {{0.0, origin.y()}, {m.width, origin.y()}, f.axis_color, f.axis_alpha, 1.5 * s});
  }
  if (!in.options.grid || !in.options.axes) return;  // no axes: no grid or tick labels either
  f.grid_step = grid_step(m.ppu, s);
  const double step = f.grid_step;
  const Rect& w = m.world;
  const palette::Rgb weak = dark ? palette::Rgb{160, 160, 170} : palette::Rgb{100, 100, 110};
  const double fs = 13.0 * s;
  // Labels sit on the axes when they are visible, otherwise on the canvas edges.
  const double ax_y = std::clamp(origin.y() + 3.0, 2.0, m.height - fs - 2.0);
  const double ax_x = std::clamp(origin.x() + 3.0, 2.0, m.width - 40.0 * s);
  for (double x : ticks_with_step(w.x_min, w.x_max, step)) {
    const double px = m.to_px({x, 0.0}).x();
    f.grid.push_back({{px, 0.0}, {px, m.height}, f.grid_color, f.grid_alpha, 1.0 * s});
    if (x == 0.0) continue;
    f.tick_labels.push_back(
        {minus_label(x, step), {std::floor(px + 3.0), std::floor(ax_y)}, fs, false, weak});
  }
  for (double y : ticks_with_step(w.y_min, w.y_max, step)) {
    const double py = m.to_px({0.0, y}).y();
    f.grid.push_back({{0.0, py}, {m.width, py}, f.grid_color, f.grid_alpha, 1.0 * s});
    if (y == 0.0) continue;
    f.tick_labels.push_back(
        {minus_label(y, step), {std::floor(ax_x), std::floor(py - fs - 1.0)}, fs, false, weak});
  }
}

// The W labels beyond the arrow heads, placed so that they overlap neither each other nor any
// arrow head: first straight out along the arrow, then further out, then to either side.
void place_labels(CanvasFigure& f, const CanvasInput& in) {
  const double s = in.style.scale;
  const double fs = 16.0 * s;
  struct Box {
    Vec a, b;
  };
  std::vector<Box> placed;
  auto free_at = [&](const Vec& a, const Vec& b) {
    for (const Box& c : placed)
      if (a.x() < c.b.x() && c.a.x() < b.x() && a.y() < c.b.y() && c.a.y() < b.y()) return false;
    for (const Arrow& ar : f.arrows) {  // keep clear of every arrow head
      const Vec& h = ar.to;
      if (h.x() > a.x() - 4 * s && h.x() < b.x() + 4 * s && h.y() > a.y() - 4 * s &&
          h.y() < b.y() + 4 * s)
        return false;
    }
    return true;
  };
  const Scene& scene = *in.scene;
  for (const Arrow& ar : f.arrows) {
    const int k = ar.cls;
    std::string text;
    if (!scene.class_names.empty() && k < static_cast<int>(scene.class_names.size()))
      text = scene.class_names[static_cast<std::size_t>(k)];
    else
      text = "W" + std::to_string(k);
    const Vec size(in.measure ? in.measure(text, fs, true) : 0.6 * fs * text.size(), fs);
    const Vec d = ar.to - ar.from;
    const Vec dir = d / std::max(1e-6, d.norm());
    const double reach = 0.5 * (std::abs(dir.x()) * size.x() + std::abs(dir.y()) * size.y());
    const Vec side(-dir.y(), dir.x());
    Vec a, b;
    bool found = false;
    for (int attempt = 0; attempt < 12 && !found; ++attempt) {
      const double along = reach + 6.0 * s + (attempt / 3) * 0.8 * fs;
      const double across = (attempt % 3 == 0 ? 0.0 : attempt % 3 == 1 ? 1.0 : -1.0) * 1.1 * fs;
      const Vec c = ar.to + along * dir + across * side;
      // Whole pixels, as ImGui snaps text: both backends put the glyphs at the same place.
      a = Vec(std::floor(c.x() - 0.5 * size.x()), std::floor(c.y() - 0.5 * size.y()));
      b = a + size;
      found = free_at(a, b);
    }
    placed.push_back({a, b});
    f.arrow_labels.push_back({text, a, fs, true, ar.color, 1.0, k});
  }
}

}  // namespace

CanvasFigure describe_canvas(const CanvasInput& in) {
  CanvasFigure f;
  f.map = in.map;
  f.style = in.style;
  f.options = in.options;
  const Scene& scene = *in.scene;
  const Params& P = scene.params;
  f.params = P;
  const CanvasMapping& m = f.map;
  const double s = in.style.scale;
  const int K = P.classes();

  if (in.options.regions == RegionMode::Argmax) {
    for (const Polygon& poly : class_regions(P, m.world)) {
      std::vector<Vec> px;
      px.reserve(poly.size());
      for (const Eigen::Vector2d& v : poly) px.push_back(m.to_px(v));
      f.regions.push_back(std::move(px));
    }
  }
  add_grid_and_axes(f, in);

  // Margin lines s_k = +-m for the hinge losses (m = delta), or +-1.
  if (in.options.margins) {
    const double mg = is_hinge(scene.loss.kind) ? scene.loss.delta : 1.0;
    for (int k = 0; k < K; ++k)
      for (double level : {-mg, mg}) {
        Line l{{}, {}, in.style.class_line(k), 150.0 / 255.0, 1.0 * s, k, true, 5.0 * s, 4.0 * s};
        if (level_line(P, k, level, m, l)) f.margin_lines.push_back(l);
      }
  }
  // Zero-score lines and weight arrows (at least kArrowMinRadii pick radii long).
  const Vec centre(0.5 * (m.world.x_min + m.world.x_max), 0.5 * (m.world.y_min + m.world.y_max));
  for (int k = 0; k < K; ++k) {
    if (Vec(P.W(k, 0), P.W(k, 1)).norm() < kMinWeightNorm) continue;
    const bool hot = k == in.highlight.hot_line;
    Line l{{}, {}, in.style.class_line(k), 1.0, (hot ? 4.0 : 2.0) * s, k};
    if (level_line(P, k, 0.0, m, l)) f.class_lines.push_back(l);
    const Vec base = nearest_on_line(P, k, in.anchors ? in.anchors[k] : centre);
    const bool hot_arrow = k == in.highlight.hot_arrow;
    f.arrows.push_back({k, m.to_px(base),
                        shown_arrow_head(P, k, base, m, kArrowMinRadii * kArrowPickPx * s),
                        in.style.class_line(k), (hot_arrow ? 3.5 : 2.0) * s, 13.0 * s});
  }
  place_labels(f, in);

  f.points = point_look(scene.points.size(), in.style);
  if (in.markers) {
    const bool have =
        in.eval && in.eval->losses.size() == static_cast<Eigen::Index>(scene.points.size());
    f.markers.reserve(scene.points.size());
    for (std::size_t i = 0; i < scene.points.size(); ++i) {
      const Point& p = scene.points[i];
      if (!std::isfinite(p.x0) || !std::isfinite(p.x1)) continue;
      Marker mk{m.to_px({p.x0, p.x1}), p.label, false, false};
      if (have) {
        const auto ii = static_cast<Eigen::Index>(i);
        mk.loss = in.eval->losses(ii) > 0.0;
        mk.wrong = in.eval->predictions(ii) != p.label;
      }
      f.markers.push_back(mk);
    }
  }
  if (in.options.legend) {
    const bool named = static_cast<int>(scene.class_names.size()) == K;
    for (int k = 0; k < K; ++k) {
      const std::string& n = named ? scene.class_names[static_cast<std::size_t>(k)] : std::string();
      f.legend.push_back({n.empty() ? "class " + std::to_string(k) : n, in.style.class_line(k)});
    }
  }
  return f;
}

}  // namespace ll::figure
