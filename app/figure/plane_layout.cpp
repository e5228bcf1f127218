#include "app/figure/plane_layout.h"

#include <algorithm>
#include <cmath>

#include "app/figure/plot_figure.h"  // kPlotFontPx, plot_tick_text
#include "core/ticks.h"

namespace ll::figure {

using metric::PlaneRole;

namespace {

constexpr double kTwoPi = 6.283185307179586;
constexpr double kTickAlpha = 170.0 / 255.0;

bool plane_is_negative(PlaneRole r) {
  return r == PlaneRole::Hard || r == PlaneRole::SemiHard || r == PlaneRole::Easy ||
         r == PlaneRole::Negative;
}

Vec plane_px(const metric::PlaneMapping& m, const metric::Vec2& p) { return m.to_pixels(p); }

PlaneMarkerLook plane_marker(const Style& s, Vec at, PlaneRole role, int cls, double radius) {
  PlaneMarkerLook k;
  k.at = at;
  k.shape = plane_shape(role);
  k.radius = k.shape == PlaneShape::Diamond ? 1.3 * radius : radius;
  k.fill = plane_color(s, role, cls);
  k.fill_alpha = role == PlaneRole::ClassOrigin ? 160.0 / 255.0 : 1.0;
  k.outlined = role != PlaneRole::ClassOrigin;
  k.outline = s.colors().outline;
  k.outline_alpha = 200.0 / 255.0;
  k.outline_width = s.scale;
  return k;
}

// Dashes of a circle: about one dash per 4 pixels of circumference (at least 48, at most 512
// segments), every other segment drawn.
std::vector<PlaneRingLook::Arc> ring_dashes(double r) {
  const int n = 2 * (std::clamp(static_cast<int>(r / 2.0), 48, 512) / 2);
  std::vector<PlaneRingLook::Arc> out;
  for (int i = 0; i < n; i += 2) out.push_back({kTwoPi * i / n, kTwoPi * (i + 1) / n});
  return out;
}

// Ring labels: each where its box is farthest from every marker and from the labels placed
// before it (angles every 15 degrees, from 45 degrees on, the upper right first), inside the
// figure; none when no position fits.
void place_ring_labels(PlaneLayout& l, const metric::PlaneFigure& f, const Style& s,
                       const MeasureText& measure) {
  std::vector<Vec> taken;
  for (const PlaneMarkerLook& mk : l.markers) taken.push_back(mk.at);
  for (const metric::PlaneRing& r : f.rings) {
    const double rp = r.radius * l.mapping.scale;
    if (rp < 1.0 || r.label.empty()) continue;
    const Vec c = plane_px(l.mapping, r.center);
    const Vec sz(measure(r.label, l.font, false), l.font);
    bool found = false;
    Vec best_at = c;
    double best = -1.0;
    for (int k = 0; k < 24; ++k) {
      const double t = 0.785398 + 0.261799 * k;
      const Vec p(c.x() + rp * std::cos(t), c.y() - rp * std::sin(t));
      // The box beside the ring at p, on its outer side.
      const Vec at(std::cos(t) >= 0 ? p.x() + 4.0 : p.x() - sz.x() - 4.0,
                   std::sin(t) >= 0 ? p.y() - sz.y() - 2.0 : p.y() + 2.0);
      if (at.x() < 0 || at.y() < 0 || at.x() + sz.x() > l.width || at.y() + sz.y() > l.height)
        continue;
      const Vec mid = at + 0.5 * sz;
      double clear = 1e9;
      for (const Vec& q : taken)
        clear = std::min(clear, std::max(std::abs(q.x() - mid.x()) - 0.5 * sz.x(),
                                         std::abs(q.y() - mid.y()) - 0.5 * sz.y()));
      if (!found || clear > best + 2.0) best = clear, best_at = at, found = true;
    }
    if (!found) continue;  // no room in the figure
    BoxedText b;
    b.text.text = r.label;
    b.text.top_left = best_at;
    b.text.size = l.font;
    b.text.color = plane_color(s, r.role);
    b.box_min = best_at - Vec(2, 1);
    b.box_max = best_at + sz + Vec(2, 1);
    b.box = s.colors().legend_fill;
    b.box_alpha = 200.0 / 255.0;
    l.ring_labels.push_back(b);
    taken.push_back(best_at + 0.5 * sz);
  }
}

void place_legend(PlaneLayout& l, const metric::PlaneFigure& f, const Style& s,
                  const MeasureText& measure) {
  if (f.legend.empty()) return;
  const double sc = l.scale, fh = l.font;
  double tw = 0.0;
  for (const metric::PlaneLegendEntry& e : f.legend) tw = std::max(tw, measure(e.text, fh, false));
  const double row = fh + 4.0, sample = 22.0 * sc;
  const Vec box(sample + tw + 16, row * static_cast<double>(f.legend.size()) + 6);
  // The corner covering the fewest markers (top left, top right, bottom left, bottom right on
  // ties).
  Vec b0(8, 8);
  int fewest = -1;
  for (int corner = 0; corner < 4; ++corner) {
    const Vec c0(corner % 2 == 0 ? 8.0 : l.width - 8 - box.x(),
                 corner < 2 ? 8.0 : l.height - 8 - box.y());
    int covered = 0;
    for (const PlaneMarkerLook& mk : l.markers) {
      const double r = mk.radius + 2.0;
      const Vec q = mk.at;
      covered += q.x() + r > c0.x() && q.x() - r < c0.x() + box.x() && q.y() + r > c0.y() &&
                 q.y() - r < c0.y() + box.y();
    }
    if (fewest < 0 || covered < fewest) fewest = covered, b0 = c0;
  }
  l.legend = true;
  l.legend_min = b0;
  l.legend_max = b0 + box;
  l.legend_fill = s.colors().legend_fill;
  l.legend_border = s.colors().grid;
  l.legend_alpha = 225.0 / 255.0;
  for (std::size_t i = 0; i < f.legend.size(); ++i) {
    const metric::PlaneLegendEntry& e = f.legend[i];
    const double y = b0.y() + 4 + row * static_cast<double>(i);
    const Vec c(b0.x() + 6 + sample * 0.5, y + fh * 0.5);
    PlaneLegendRow r;
    r.ring = e.ring;
    r.color = plane_color(s, e.role);
    r.width = 2.0 * sc;
    r.sample_a = e.ring ? Vec(c.x() - sample * 0.5, c.y()) : c;
    r.sample_b = e.ring ? Vec(c.x() + sample * 0.5, c.y()) : c;
    if (!e.ring) r.marker = plane_marker(s, c, e.role, 0, 5.0 * sc);
    r.label.text = e.text;
    r.label.top_left = Vec(b0.x() + 10 + sample, y);
    r.label.size = fh;
    r.label.color = s.colors().text;
    l.legend_rows.push_back(r);
  }
}

}  // namespace

palette::Rgb plane_color(const Style& s, PlaneRole role, int cls) {
  auto cb = [&s](int k) {
    return palette::class_colors(k, s.theme, palette::Scheme::ColorBlindSafe).line;
  };
  switch (role) {
    case PlaneRole::Anchor:
      return s.colors().text;
    case PlaneRole::Positive:
    case PlaneRole::RingInner:
      return cb(0);  // blue
    case PlaneRole::Hard:
      return cb(2);  // vermillion
    case PlaneRole::SemiHard:
    case PlaneRole::RingOuter:
      return cb(6);  // yellow (darkened on the light theme)
    case PlaneRole::Easy:
      return cb(1);  // bluish green
    case PlaneRole::Negative:
    case PlaneRole::RingMargin:
      return palette::mix(s.colors().text, s.colors().background, 0.45);
    case PlaneRole::Class:
      return s.class_line(cls);
    case PlaneRole::ClassOrigin:
      break;
  }
  return palette::mix(s.class_line(cls), s.colors().background, 0.6);
}

PlaneShape plane_shape(PlaneRole role) {
  if (role == PlaneRole::Anchor) return PlaneShape::Square;
  if (plane_is_negative(role)) return PlaneShape::Diamond;
  return PlaneShape::Disc;
}

std::vector<Vec> plane_marker_polygon(const PlaneMarkerLook& m) {
  const double r = m.radius, x = m.at.x(), y = m.at.y();
  if (m.shape == PlaneShape::Square)
    return {Vec(x - r, y - r), Vec(x + r, y - r), Vec(x + r, y + r), Vec(x - r, y + r)};
  if (m.shape == PlaneShape::Diamond)
    return {Vec(x, y - r), Vec(x + r, y), Vec(x, y + r), Vec(x - r, y)};
  return {};
}

PlaneLayout layout_plane(const metric::PlaneFigure& f, double width, double height, const Style& s,
                         const MeasureText& measure) {
  PlaneLayout l;
  l.width = std::max(width, 1.0);
  l.height = std::max(height, 1.0);
  l.scale = std::max(0.75, static_cast<double>(s.scale));
  l.font = kPlotFontPx * l.scale;
  l.mapping = metric::fit_plane(f, 0.0, 0.0, l.width, l.height);
  const metric::PlaneMapping& m = l.mapping;
  const palette::ThemeColors& tc = s.colors();
  l.background = tc.background;
  l.border = tc.grid;
  const double sc = l.scale, fh = l.font;

  // Grid: one step for both axes (the plane has one scale), labels inside the left and bottom.
  const metric::Vec2 lo = m.to_plane(metric::Vec2(0.0, l.height));
  const metric::Vec2 hi = m.to_plane(metric::Vec2(l.width, 0.0));
  const double step = nice_step(0.0, std::max(hi.x() - lo.x(), hi.y() - lo.y()), 8);
  auto grid_line = [&](Vec a, Vec b, bool axis) {
    Line g;
    g.a = a, g.b = b;
    g.color = axis ? tc.axis : tc.grid;
    g.alpha = axis ? 150.0 / 255.0 : 1.0;
    g.width = sc;
    l.grid.push_back(g);
  };
  auto tick_text = [&](double v, Vec at) {
    Text t;
    t.text = plot_tick_text(v, step);
    t.top_left = at;
    t.size = fh;
    t.color = tc.text;
    t.alpha = kTickAlpha;
    l.tick_labels.push_back(t);
  };
  if (step > 0.0 && std::isfinite(step)) {
    for (double v : ticks_with_step(lo.x(), hi.x(), step)) {
      const double x = plane_px(m, metric::Vec2(v, 0)).x();
      grid_line(Vec(x, 0), Vec(x, l.height), v == 0.0);
      if (x > 3.0 * fh && x < l.width - 1.5 * fh) tick_text(v, Vec(x + 2, l.height - fh - 2));
    }
    for (double v : ticks_with_step(lo.y(), hi.y(), step)) {
      const double y = plane_px(m, metric::Vec2(0, v)).y();
      grid_line(Vec(0, y), Vec(l.width, y), v == 0.0);
      if (y < l.height - 2.0 * fh) tick_text(v, Vec(3, y - fh - 1));
    }
  }

  // The semi-hard band: between the inner and the outer ring of the same centre.
  const metric::PlaneRing *inner = nullptr, *outer = nullptr;
  for (const metric::PlaneRing& r : f.rings) {
    if (r.role == PlaneRole::RingInner) inner = &r;
    if (r.role == PlaneRole::RingOuter) outer = &r;
  }
  if (inner && outer && inner->center == outer->center && outer->radius > inner->radius)
    l.bands.push_back({plane_px(m, inner->center), inner->radius * m.scale, outer->radius * m.scale,
                       plane_color(s, PlaneRole::SemiHard), 38.0 / 255.0});
  for (const metric::PlaneRing& r : f.rings) {
    const double rp = r.radius * m.scale;
    if (rp < 1.0 || !std::isfinite(rp)) continue;
    PlaneRingLook g;
    g.center = plane_px(m, r.center);
    g.radius = rp;
    g.width = 2.0 * sc;
    g.color = plane_color(s, r.role);
    if (r.dashed) g.dashes = ring_dashes(rp);
    l.rings.push_back(std::move(g));
  }
  for (const metric::PlaneArrow& a : f.arrows) {
    Arrow ar;
    ar.from = plane_px(m, a.from);
    ar.to = plane_px(m, a.to);
    if ((ar.to - ar.from).norm() < 3.0 * sc) continue;
    ar.color = plane_color(s, a.role);
    ar.width = 2.0 * sc;
    ar.head = 9.0 * sc;
    l.arrows.push_back(ar);
  }
  for (const metric::PlaneMarker& mk : f.markers) {
    const double r = mk.radius_px * sc;
    PlaneMarkerLook k = plane_marker(s, plane_px(m, mk.at), mk.role, mk.cls, r);
    if (mk.highlighted) {
      k.highlight = true;
      k.highlight_radius = r * 1.6 + 3.0;
      k.highlight_width = 2.5 * sc;
    }
    if (!mk.label.empty()) {
      Text t;
      t.text = mk.label;
      t.top_left = Vec(k.at.x() + r + 3.0, k.at.y() - r - fh + 2.0);
      t.size = fh;
      t.color = tc.text;
      l.marker_labels.push_back(t);
    }
    l.markers.push_back(k);
  }
  place_ring_labels(l, f, s, measure);
  place_legend(l, f, s, measure);
  return l;
}

}  // namespace ll::figure
