#include "core/metric/plane_figure.h"

#include <algorithm>
#include <string>

namespace ll::metric {

PlaneRole role_of(NegativeCategory c) {
  switch (c) {
    case NegativeCategory::Hard:
      return PlaneRole::Hard;
    case NegativeCategory::SemiHard:
      return PlaneRole::SemiHard;
    case NegativeCategory::Easy:
      break;
  }
  return PlaneRole::Easy;
}

PlaneMapping fit_plane(const PlaneFigure& f, double left, double top, double width, double height) {
  PlaneMapping m;
  const double xr = std::max(f.x_max - f.x_min, 1e-9), yr = std::max(f.y_max - f.y_min, 1e-9);
  m.scale = std::max(std::min(width / xr, height / yr), 1e-9);
  m.cx = left + 0.5 * width - m.scale * 0.5 * (f.x_min + f.x_max);
  m.cy = top + 0.5 * height + m.scale * 0.5 * (f.y_min + f.y_max);
  return m;
}

namespace {

void add_arrow(PlaneFigure& f, const Vec2& at, const Vec2& grad, double scale, PlaneRole role) {
  if (grad.squaredNorm() == 0.0) return;
  f.arrows.push_back({at, at - scale * grad, role});
}

}  // namespace

PlaneFigure playground_figure(const Playground& g, const PlaygroundSettings& s,
                              const PlaygroundReport& r, const PlaygroundFigureOptions& o,
                              double x_min, double x_max, double y_min, double y_max) {
  PlaneFigure f;
  f.x_min = x_min, f.x_max = x_max, f.y_min = y_min, f.y_max = y_max;
  const bool contrastive = s.loss == MetricLoss::Contrastive;
  const bool squared = s.form == DistanceForm::Squared;
  if (r.reference >= 0) {
    f.rings.push_back({g.anchor, r.rings.inner, PlaneRole::RingInner, false, "d(a,p)"});
    f.rings.push_back({g.anchor, r.rings.outer, PlaneRole::RingOuter, false,
                       squared ? "√(d²(a,p)+m)" : "d(a,p)+m"});
  }
  if (contrastive)
    f.rings.push_back({g.anchor, contrastive_margin_radius(s.margin, s.form), PlaneRole::RingMargin,
                       true, squared ? "√m" : "m"});

  auto negative_role = [&](int j) {
    return j < int(r.categories.size()) ? role_of(r.categories[size_t(j)]) : PlaneRole::Negative;
  };
  if (o.arrows == ArrowMode::EachTerm) {
    const double w = 1.0;  // each term's own gradient
    for (const PairRow& p : r.pairs) {
      const bool pos = p.kind == PointKind::Positive;
      const PlaneRole role = pos ? PlaneRole::Positive : negative_role(p.index);
      const Vec2& other = pos ? g.positives[size_t(p.index)] : g.negatives[size_t(p.index)];
      add_arrow(f, g.anchor, w * p.term.grad_a, o.arrow_scale, role);
      add_arrow(f, other, w * p.term.grad_b, o.arrow_scale, role);
    }
    for (const TripletRow& t : r.triplets) {
      const PlaneRole role = negative_role(t.negative);
      add_arrow(f, g.anchor, w * t.term.grad_a, o.arrow_scale, role);
      add_arrow(f, g.positives[size_t(t.positive)], w * t.term.grad_p, o.arrow_scale, role);
      add_arrow(f, g.negatives[size_t(t.negative)], w * t.term.grad_n, o.arrow_scale, role);
    }
  } else if (o.arrows == ArrowMode::PerPoint) {
    // The sum of the point's term arrows: the mean's gradient times the number of terms.
    const double n = double(r.terms);
    add_arrow(f, g.anchor, n * r.grad_anchor, o.arrow_scale, PlaneRole::Anchor);
    for (size_t i = 0; i < g.positives.size(); ++i)
      add_arrow(f, g.positives[i], n * r.grad_positives[i], o.arrow_scale, PlaneRole::Positive);
    for (size_t j = 0; j < g.negatives.size(); ++j)
      add_arrow(f, g.negatives[j], n * r.grad_negatives[j], o.arrow_scale, negative_role(int(j)));
  }

  auto highlighted = [&](PointKind k, int i) {
    return o.highlight && *o.highlight == PointRef{k, i};
  };
  for (int j = 0; j < int(g.negatives.size()); ++j)
    f.markers.push_back({g.negatives[size_t(j)], negative_role(j), 0, 6.0,
                         highlighted(PointKind::Negative, j), "n" + std::to_string(j + 1)});
  for (int i = 0; i < int(g.positives.size()); ++i)
    f.markers.push_back({g.positives[size_t(i)], PlaneRole::Positive, 0,
                         i == r.reference ? 7.0 : 6.0, highlighted(PointKind::Positive, i),
                         "p" + std::to_string(i + 1)});
  f.markers.push_back(
      {g.anchor, PlaneRole::Anchor, 0, 7.0, highlighted(PointKind::Anchor, 0), "a"});

  f.legend = {{PlaneRole::Anchor, "anchor", false},
              {PlaneRole::Positive, "positive", false},
              {PlaneRole::Hard, "hard negative", false},
              {PlaneRole::SemiHard, "semi-hard", false},
              {PlaneRole::Easy, "easy", false}};
  if (r.reference >= 0) {
    f.legend.push_back({PlaneRole::RingInner, "d(a,p)", true});
    f.legend.push_back({PlaneRole::RingOuter, squared ? "√(d²(a,p)+m)" : "d(a,p)+m", true});
  }
  if (contrastive) f.legend.push_back({PlaneRole::RingMargin, squared ? "√m" : "m", true});
  return f;
}

PlaneView playground_view(const Playground& g, const PlaygroundReport& r) {
  double x0 = g.anchor.x(), x1 = x0, y0 = g.anchor.y(), y1 = y0;
  auto include = [&](const Vec2& p) {
    x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
    y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
  };
  for (const Vec2& p : g.positives) include(p);
  for (const Vec2& p : g.negatives) include(p);
  const double ring = std::max(r.rings.outer, r.rings.inner);  // the outer ring fits too
  include(g.anchor + Vec2(ring, ring)), include(g.anchor - Vec2(ring, ring));
  const double half = std::max({0.5 * (x1 - x0), 0.5 * (y1 - y0), 1.0}) * 1.15;
  const double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
  return {cx - half, cx + half, cy - half, cy + half};
}

PlaneFigure embedding_figure(const std::vector<LabelledPoint>& points, const LinearMap& map,
                             bool show_inputs) {
  PlaneFigure f;
  f.x_min = f.y_min = -1.0;
  f.x_max = f.y_max = 1.0;
  auto include = [&f](const Vec2& p) {
    f.x_min = std::min(f.x_min, p.x()), f.x_max = std::max(f.x_max, p.x());
    f.y_min = std::min(f.y_min, p.y()), f.y_max = std::max(f.y_max, p.y());
  };
  if (show_inputs) {
    for (const LabelledPoint& p : points) {
      f.markers.push_back({p.x, PlaneRole::ClassOrigin, p.label, 3.0, false, ""});
      include(p.x);
    }
  }
  for (const LabelledPoint& p : points) {
    const Vec2 e = map(p.x);
    f.markers.push_back({e, PlaneRole::Class, p.label, 5.0, false, ""});
    include(e);
  }
  f.legend.push_back({PlaneRole::Class, "f(x) = A x + c", false});
  if (show_inputs) f.legend.push_back({PlaneRole::ClassOrigin, "input x", false});
  const double px = 0.08 * (f.x_max - f.x_min), py = 0.08 * (f.y_max - f.y_min);
  f.x_min -= px, f.x_max += px, f.y_min -= py, f.y_max += py;
  return f;
}

}  // namespace ll::metric
