#include "app/figure/canvas_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

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
  l.ring_mid = kRingGap * s;
  l.ring_half = kRingHalf * s;
  l.outline_color = style.colors().outline;
  l.loss_color = loss_color(style);
  return l;
}

double loss_level(double L_i, LossKind kind, double reference) {
  if (std::isnan(L_i)) return 1.0;
  if (!(L_i > 0.0)) return 0.0;
  if (is_hinge(kind) || !(reference > 0.0)) return 1.0;
  // In steps of 1/kLossLevels, rounded up (any loss shows): while training, a point's ring
  // changes only when its loss crosses a step, so the points layer is repainted where it did.
  return std::ceil(std::min(1.0, L_i / reference) * kLossLevels) / kLossLevels;
}

double loss_reference(const LossSettings& s, int classes) {
  const int K = std::clamp(classes, kMinClasses, kMaxClasses);
  Params zero{WeightMatrix::Zero(K, 2), BiasVector::Zero(K)};
  LossSettings plain = s;
  plain.class_weights.clear();
  const Evaluation e = evaluate({Point{0.0, 0.0, 0}}, zero, plain);
  return e.losses.size() == 1 ? e.losses(0) : 0.0;
}

namespace {
ShapeOutline regular_shape(int n, double r, double first_deg) {
  ShapeOutline o;
  o.count = n;
  for (int i = 0; i < n; ++i) {
    const double a = (first_deg + 360.0 * i / n) * std::numbers::pi / 180.0;
    o.v[i] = Vec(r * std::cos(a), r * std::sin(a));  // pixels: y down, -90 degrees is up
  }
  return o;
}
}  // namespace

ShapeOutline shape_outline(palette::Shape shape) {
  using palette::Shape;
  switch (shape) {
    case Shape::Disc:
      return {};
    case Shape::Square:
      return regular_shape(4, 0.88 * std::numbers::sqrt2, 45.0);
    case Shape::TriangleUp:
      return regular_shape(3, 1.3, -90.0);
    case Shape::Diamond:
      return regular_shape(4, 1.25, -90.0);
    case Shape::TriangleDown:
      return regular_shape(3, 1.3, 90.0);
    case Shape::Pentagon:
      return regular_shape(5, 1.15, -90.0);
    case Shape::Star: {
      ShapeOutline o;
      o.count = 10;
      for (int i = 0; i < 10; ++i) {
        const double a = (-90.0 + 36.0 * i) * std::numbers::pi / 180.0, r = i % 2 ? 0.55 : 1.3;
        o.v[i] = Vec(r * std::cos(a), r * std::sin(a));
      }
      return o;
    }
    case Shape::Plus: {
      const double w = 0.38, h = 1.15;
      ShapeOutline o;
      o.count = 12;
      const Vec v[12] = {{-w, -h}, {w, -h}, {w, -w}, {h, -w}, {h, w},   {w, w},
                         {w, h},   {-w, h}, {-w, w}, {-h, w}, {-h, -w}, {-w, -w}};
      std::copy(v, v + 12, o.v);
      return o;
    }
    case Shape::Hexagon:
      return regular_shape(6, 1.1, -90.0);
    case Shape::TriangleRight:
      return regular_shape(3, 1.3, 0.0);
  }
  return {};
}

double shape_distance(const ShapeOutline& s, const Vec& p) {
  if (s.count == 0) return p.norm() - 1.0;
  // Distance to the nearest edge, negative inside (even-odd crossings), as shaders/points.frag.
  double d = (p - s.v[0]).squaredNorm(), sign = 1.0;
  for (int i = 0, j = s.count - 1; i < s.count; j = i, ++i) {
    const Vec e = s.v[j] - s.v[i], w = p - s.v[i];
    const Vec b = w - e * std::clamp(w.dot(e) / e.dot(e), 0.0, 1.0);
    d = std::min(d, b.squaredNorm());
    const bool c1 = p.y() >= s.v[i].y(), c2 = p.y()<s.v[j].y(), c3 = e.x() * w.y()> e.y() * w.x();
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
  }
  return sign * std::sqrt(d);
}

palette::Rgb score_shade(const Style& style, int k, double v) {
  const double t = std::tanh(std::abs(v) * 0.5);
  const palette::Rgb neg{115, 115, 128};  // the shader's vec3(0.45, 0.45, 0.5)
  return palette::mix(style.colors().background, v >= 0.0 ? style.class_line(k) : neg, 0.85 * t);
}

palette::Rgb confidence_shade(const Style& style, int k, double prob, int K) {
  const double floor = 1.0 / K;
  const double t = std::clamp((prob - floor) / (1.0 - floor), 0.0, 1.0);
  const palette::Rgb strong = palette::mix(style.class_region(k), style.class_line(k), 0.45);
  return palette::mix(style.colors().background, strong, t);
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
  switch (opt.regions) {
    case RegionMode::Argmax:
      return style.class_region(best);
    case RegionMode::Confidence: {
      double sum = 0.0;
      for (int k = 0; k < K; ++k) sum += std::exp(s[k] - s[best]);
      return confidence_shade(style, best, 1.0 / sum, K);
    }
    case RegionMode::Score: {
      const int c = std::clamp(opt.score_class, 0, K - 1);
      return score_shade(style, c, s[c]);
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

}  // namespace

double tick_label_step(const Rect& w, double grid, double ppu, double gap,
                       const std::function<double(const std::string&)>& width) {
  if (!(grid > 0.0) || !(ppu > 0.0)) return grid;
  double step = grid;
  const double mult[3] = {2.0, 2.5, 2.0};  // 1 -> 2 -> 5 -> 10 times the grid step
  for (int i = 0; i < 60; ++i) {
    double widest = 0.0;
    for (double x : ticks_with_step(w.x_min, w.x_max, step, 200))
      widest = std::max(widest, width(minus_label(x, step)));
    if (widest + gap <= step * ppu) break;
    step *= mult[i % 3];
  }
  return step;
}

namespace {

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
    const double afs = 16.0 * s, pad = 6.0 * s;
    const auto width = [&](const char* t) {
      return in.measure ? in.measure(t, afs, false) : 0.6 * afs * 2.0;
    };
    const double w1 = width("x1"), w2 = width("x2");
    const Vec p1(m.width - w1 - pad,
                 std::clamp(origin.y() - afs - 2.0 * s, pad, m.height - afs - pad));
    Vec p2(std::clamp(origin.x() - w2 - pad, pad, m.width - w2 - pad), pad);
    if (p2.x() < in.keep_clear.x()) p2.y() += in.keep_clear.y();
    f.axis_names = {{0, p1, afs}, {1, p2, afs}};
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
  }
  for (double y : ticks_with_step(w.y_min, w.y_max, step)) {
    const double py = m.to_px({0.0, y}).y();
    f.grid.push_back({{0.0, py}, {m.width, py}, f.grid_color, f.grid_alpha, 1.0 * s});
  }
  // Labels on every grid line, or on every 2nd, 5th, 10th, ... one when they would run into
  // each other (long labels when zoomed far in away from the origin). Their digits come from
  // the labelled step, so neighbouring labels always read differently.
  auto width_of = [&](const std::string& t) {
    return in.measure ? in.measure(t, fs, false) : 0.6 * fs * static_cast<double>(t.size());
  };
  const double label_step = tick_label_step(w, step, m.ppu, 10.0 * s, width_of);
  for (double x : ticks_with_step(w.x_min, w.x_max, label_step)) {
    if (x == 0.0) continue;
    const double px = m.to_px({x, 0.0}).x();
    f.tick_labels.push_back(
        {minus_label(x, label_step), {std::floor(px + 3.0), std::floor(ax_y)}, fs, false, weak});
  }
  for (double y : ticks_with_step(w.y_min, w.y_max, label_step)) {
    if (y == 0.0) continue;
    const double py = m.to_px({0.0, y}).y();
    f.tick_labels.push_back({minus_label(y, label_step),
                             {std::floor(ax_x), std::floor(py - fs - 1.0)},
                             fs,
                             false,
                             weak});
  }
}

// The W labels near their arrow heads, each at the first free spot of a search: straight out
// along the arrow, then further out and to either side, then rings around the head farther and
// farther away. A spot is free when its box overlaps no label placed before, no arrow head, no
// tick label and no point's marker (with its loss ring), and lies inside the canvas. When no spot
// is free of heads and points (a crowded view), the one overlapping them least is taken; labels
// never overlap each other while a free spot exists within the search (the rings reach 12 label
// heights out).
struct LabelBox {
  Vec a, b;
  bool hits(const LabelBox& o) const {
    return a.x() < o.b.x() && o.a.x() < b.x() && a.y() < o.b.y() && o.a.y() < b.y();
  }
  double overlap(const LabelBox& o) const {
    const double w = std::min(b.x(), o.b.x()) - std::max(a.x(), o.a.x());
    const double h = std::min(b.y(), o.b.y()) - std::max(a.y(), o.a.y());
    return w > 0.0 && h > 0.0 ? w * h : 0.0;
  }
};

// The obstacles bucketed in square cells, so that a candidate box is tested against the few
// near it rather than every point's marker: the same sum as over all of them, in their order.
class ObstacleIndex {
 public:
  ObstacleIndex(const std::vector<LabelBox>& boxes, double cell) : boxes_(boxes), cell_(cell) {
    if (boxes.empty()) return;
    lo_ = boxes[0].a;
    Vec hi = boxes[0].b;
    for (const LabelBox& o : boxes) {
      lo_ = lo_.cwiseMin(o.a);
      hi = hi.cwiseMax(o.b);
    }
    if (!lo_.allFinite() || !hi.allFinite() || !(cell_ > 0.0)) {  // one cell holds them all
      lo_ = Vec::Zero();
      cell_ = std::numeric_limits<double>::infinity();
      nx_ = ny_ = 1;
      cells_.emplace_back(boxes.size());
      for (std::size_t i = 0; i < boxes.size(); ++i) cells_[0][i] = static_cast<std::uint32_t>(i);
      return;
    }
    // At most 128 cells a side: far-flung obstacles make the cells larger, never more of them.
    cell_ = std::max(cell_, (hi - lo_).maxCoeff() / 128.0);
    nx_ = static_cast<int>((hi.x() - lo_.x()) / cell_) + 1;
    ny_ = static_cast<int>((hi.y() - lo_.y()) / cell_) + 1;
    cells_.resize(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_));
    for (std::size_t i = 0; i < boxes.size(); ++i)
      visit(boxes[i],
            [&](std::vector<std::uint32_t>& c) { c.push_back(static_cast<std::uint32_t>(i)); });
  }
  // `sum` plus box.overlap(o) for each obstacle o, added in the obstacles' order.
  double add_overlap(const LabelBox& box, double sum) {
    found_.clear();
    visit(box, [&](const std::vector<std::uint32_t>& c) {
      found_.insert(found_.end(), c.begin(), c.end());
    });
    std::sort(found_.begin(), found_.end());
    found_.erase(std::unique(found_.begin(), found_.end()), found_.end());
    for (const std::uint32_t i : found_) sum += box.overlap(boxes_[i]);
    return sum;
  }

 private:
  template <class F>
  void visit(const LabelBox& b, F&& f) {
    if (cells_.empty()) return;
    if (nx_ == 1 && ny_ == 1) {
      f(cells_[0]);
      return;
    }
    if (!b.a.allFinite() || !b.b.allFinite()) return;    // overlaps nothing
    if (b.b.x() < lo_.x() || b.b.y() < lo_.y()) return;  // before every obstacle
    const auto index = [&](double v, double lo, int n) {
      const double c = std::floor((v - lo) / cell_);  // clamped in double: no overflow
      return static_cast<int>(std::clamp(c, 0.0, static_cast<double>(n - 1)));
    };
    const int i0 = index(b.a.x(), lo_.x(), nx_), i1 = index(b.b.x(), lo_.x(), nx_);
    const int j0 = index(b.a.y(), lo_.y(), ny_), j1 = index(b.b.y(), lo_.y(), ny_);
    for (int j = j0; j <= j1; ++j)
      for (int i = i0; i <= i1; ++i) f(cells_[static_cast<std::size_t>(j * nx_ + i)]);
  }
  const std::vector<LabelBox>& boxes_;
  double cell_;
  Vec lo_ = Vec::Zero();
  int nx_ = 0, ny_ = 0;
  std::vector<std::vector<std::uint32_t>> cells_;
  std::vector<std::uint32_t> found_;
};

void place_labels(CanvasFigure& f, const CanvasInput& in) {
  const double s = in.style.scale;
  const double fs = 16.0 * s;
  const double pad = 2.0 * s;
  const CanvasMapping& m = f.map;
  std::vector<LabelBox> obstacles;
  for (const Arrow& ar : f.arrows) {
    const ArrowShape sh = arrow_shape(ar);
    if (sh.empty) continue;
    const Vec lo = sh.tip.cwiseMin(sh.left).cwiseMin(sh.right);
    const Vec hi = sh.tip.cwiseMax(sh.left).cwiseMax(sh.right);
    obstacles.push_back({lo - Vec(pad, pad), hi + Vec(pad, pad)});
  }
  for (const Text& t : f.tick_labels) {  // and off the tick labels
    const double w = in.measure ? in.measure(t.text, t.size, false)
                                : 0.6 * t.size * static_cast<double>(t.text.size());
    obstacles.push_back({t.top_left, t.top_left + Vec(w, t.size)});
  }
  const Scene& scene = *in.scene;
  if (scene.points.size() <= kCompactPoints) {  // big markers: keep labels off them
    const double r = (kPointRadius + kRingGap + kRingHalf) * s;
    for (const Point& p : scene.points) {
      if (!std::isfinite(p.x0) || !std::isfinite(p.x1)) continue;
      const Vec c = m.to_px({p.x0, p.x1});
      if (c.x() < -r || c.y() < -r || c.x() > m.width + r || c.y() > m.height + r) continue;
      obstacles.push_back({c - Vec(r, r), c + Vec(r, r)});
    }
  }
  ObstacleIndex index(obstacles, 32.0 * s);
  std::vector<LabelBox> placed;
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
    std::vector<Vec> centres;
    for (int out = 0; out < 6; ++out)
      for (int across : {0, 1, -1, 2, -2}) {
        centres.push_back(ar.to + (reach + 6.0 * s + out * 0.6 * fs) * dir +
                          across * 0.9 * fs * side);
      }
    for (int ring = 1; ring <= 12; ++ring)
      for (int i = 0; i < 16; ++i) {
        const double t = std::atan2(dir.y(), dir.x()) +
                         (i % 2 ? 1 : -1) * ((i + 1) / 2) * (std::numbers::pi / 8.0);
        centres.push_back(ar.to + (reach + ring * fs) * Vec(std::cos(t), std::sin(t)));
      }
    LabelBox best{Vec::Zero(), size};
    double best_cost = std::numeric_limits<double>::infinity();
    for (const Vec& c : centres) {
      // Whole pixels, as ImGui snaps text: both backends put the glyphs at the same place.
      const Vec a(std::floor(c.x() - 0.5 * size.x()), std::floor(c.y() - 0.5 * size.y()));
      const LabelBox box{a, a + size};
      const LabelBox padded{a - Vec(pad, pad), a + size + Vec(pad, pad)};
      double cost = 0.0;
      for (const LabelBox& o : placed)
        if (padded.hits(o)) cost += 1e6 + padded.overlap(o);
      cost = index.add_overlap(box, cost);
      // Outside the canvas: as bad as covering its own area.
      const double inside = box.overlap({{0.0, 0.0}, {m.width, m.height}});
      cost += 4.0 * std::max(0.0, (box.b - box.a).prod() - inside);
      if (cost < 1e-6) cost = 0.0;  // rounding in the areas: this spot is free
      if (cost < best_cost) {
        best_cost = cost;
        best = box;
        if (cost == 0.0) break;
      }
    }
    placed.push_back(best);
    f.arrow_labels.push_back({text, best.a, fs, true, ar.color, 1.0, k});
  }
}

}  // namespace

namespace {

// The colour bar of the smooth shadings (see CanvasFigure::ColorBar): score: one column from
// s = -4 to +4 (the shading is nearly saturated there); confidence: one column per class from
// p = 1/K to 1.
void describe_color_bar(CanvasFigure& f, const Scene& scene, const CanvasInput& in) {
  const int K = scene.classes();
  const double s = in.style.scale, fs = 13.0 * s, pad = 8.0 * s;
  CanvasFigure::ColorBar& b = f.color_bar;
  constexpr int kSamples = 48;
  std::string title, top, mid, bottom;
  if (in.options.regions == RegionMode::Score) {
    const int c = std::clamp(in.options.score_class, 0, K - 1);
    const bool named = c < static_cast<int>(scene.class_names.size()) &&
                       !scene.class_names[static_cast<std::size_t>(c)].empty();
    std::string sub;  // the class number in subscript digits (U+2080..U+2089)
    for (const char d : std::to_string(c))
      sub += std::string("\xe2\x82") + static_cast<char>('\x80' + (d - '0'));
    title = "score s" + sub +
            (named ? " (" + scene.class_names[static_cast<std::size_t>(c)] + ")" : std::string());
    b.columns.emplace_back();
    for (int i = 0; i < kSamples; ++i)
      b.columns.back().push_back(score_shade(in.style, c, -4.0 + 8.0 * (i + 0.5) / kSamples));
    top = "+4", mid = "0", bottom = "\u22124";
  } else {
    title = "confidence max p";
    for (int k = 0; k < K; ++k) {
      b.columns.emplace_back();
      for (int i = 0; i < kSamples; ++i) {
        const double prob = 1.0 / K + (1.0 - 1.0 / K) * (i + 0.5) / kSamples;
        b.columns.back().push_back(confidence_shade(in.style, k, prob, K));
      }
    }
    char lo[16];
    std::snprintf(lo, sizeof lo, "%.2g", 1.0 / K);
    top = "1", bottom = lo;
  }
  const auto width_of = [&](const std::string& t) {
    return in.measure ? in.measure(t, fs, false) : 0.6 * fs * static_cast<double>(t.size());
  };
  b.column_width = (in.options.regions == RegionMode::Score ? 16.0 : std::max(4.0, 24.0 / K)) * s;
  b.bar_height = 110.0 * s;
  const double bar_w = b.column_width * static_cast<double>(b.columns.size());
  const double value_w = std::max({width_of(top), width_of(mid), width_of(bottom)});
  b.width = std::max(width_of(title), bar_w + 6.0 * s + value_w) + 2.0 * pad;
  b.height = fs + 4.0 * s + b.bar_height + 2.0 * pad;
  b.top_left = Vec(in.map.width - b.width - pad, in.map.height - b.height - pad);
  b.bar_top_left = b.top_left + Vec(pad, pad + fs + 4.0 * s);
  b.box_color = in.style.colors().background;
  const palette::Rgb ink = in.style.colors().text;
  b.labels.push_back({title, b.top_left + Vec(pad, pad), fs, false, ink});
  const double vx = b.bar_top_left.x() + bar_w + 6.0 * s;
  const auto value = [&](const std::string& t, double frac) {  // frac 0 at the bottom
    if (t.empty()) return;
    const double y = b.bar_top_left.y() + (1.0 - frac) * b.bar_height - 0.5 * fs;
    b.labels.push_back({t, Vec(vx, y), fs, false, ink});
  };
  value(top, 1.0);
  value(mid, 0.5);
  value(bottom, 0.0);
}

}  // namespace

std::vector<CanvasFigure::ColorCell> CanvasFigure::color_bar_cells() const {
  std::vector<ColorCell> cells;
  const ColorBar& b = color_bar;
  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    const std::vector<palette::Rgb>& col = b.columns[c];
    const double x0 = b.bar_top_left.x() + b.column_width * static_cast<double>(c);
    const double h = b.bar_height / static_cast<double>(col.size());
    for (std::size_t i = 0; i < col.size(); ++i) {  // sample 0 at the bottom
      const double y1 = b.bar_top_left.y() + b.bar_height - h * static_cast<double>(i);
      cells.push_back({Vec(x0, y1 - h), Vec(x0 + b.column_width, y1), col[i]});
    }
  }
  return cells;
}

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
    const double ref = have ? loss_reference(scene.loss, K) : 0.0;
    f.markers.reserve(scene.points.size());
    for (std::size_t i = 0; i < scene.points.size(); ++i) {
      const Point& p = scene.points[i];
      if (!std::isfinite(p.x0) || !std::isfinite(p.x1)) continue;
      Marker mk{m.to_px({p.x0, p.x1}), p.label, 0.0, false};
      if (have) {
        const auto ii = static_cast<Eigen::Index>(i);
        mk.loss = loss_level(in.eval->losses(ii), scene.loss.kind, ref);
        mk.wrong = in.eval->predictions(ii) != p.label;
      }
      f.markers.push_back(mk);
    }
  }
  const auto multi_label = [&](const Point& p) {
    if (!p.multi_label() || !std::isfinite(p.x0) || !std::isfinite(p.x1)) return;
    CanvasFigure::MultiLabel ml{m.to_px({p.x0, p.x1}), {}};
    for (int k = 0; k < K; ++k)
      if (p.label_mask() >> k & 1u) ml.cls.push_back(k);
    f.multi_labels.push_back(std::move(ml));
  };
  if (in.multi_label_points) {
    for (const std::uint32_t i : *in.multi_label_points)
      if (i < scene.points.size()) multi_label(scene.points[i]);
  } else {
    for (const Point& p : scene.points) multi_label(p);
  }
  if (in.options.regions != RegionMode::Argmax) describe_color_bar(f, scene, in);
  if (in.options.legend) {
    const bool named = static_cast<int>(scene.class_names.size()) == K;
    for (int k = 0; k < K; ++k) {
      const std::string& n = named ? scene.class_names[static_cast<std::size_t>(k)] : std::string();
      f.legend.push_back({n.empty() ? "class " + std::to_string(k) : n, in.style.class_line(k),
                          in.style.class_shape(k)});
    }
  }
  return f;
}

}  // namespace ll::figure
