#include "core/metric/playground.h"

#include <limits>

namespace ll::metric {

Playground default_playground() {
  Playground g;
  g.anchor = Vec2(0.0, 0.0);
  g.positives = {Vec2(1.0, 0.5), Vec2(-0.9, 1.1)};  // d = 1.118 (nearest), 1.421
  // Relative to the nearest positive (d² = 1.25, m = 1): hard (d² = 0.5), semi-hard
  // (d² = 1.6525 < 2.25), easy (d = 2.33, beyond the plain form's 2.118 too).
  g.negatives = {Vec2(-0.5, -0.5), Vec2(0.3, -1.25), Vec2(-2.0, -1.2)};
  return g;
}

Vec2 position(const Playground& g, PointRef r) {
  switch (r.kind) {
    case PointKind::Positive:
      return g.positives.at(size_t(r.index));
    case PointKind::Negative:
      return g.negatives.at(size_t(r.index));
    case PointKind::Anchor:
      break;
  }
  return g.anchor;
}

std::optional<PointRef> hit_test(const Playground& g, const Vec2& at, double radius) {
  std::optional<PointRef> best;
  double best_d2 = radius * radius;
  auto consider = [&](PointRef r, const Vec2& p) {
    const double d2 = (p - at).squaredNorm();
    if (d2 <= best_d2 && (!best || d2 < best_d2)) best_d2 = d2, best = r;
  };
  for (int i = int(g.negatives.size()) - 1; i >= 0; --i)
    consider({PointKind::Negative, i}, g.negatives[size_t(i)]);
  for (int i = int(g.positives.size()) - 1; i >= 0; --i)
    consider({PointKind::Positive, i}, g.positives[size_t(i)]);
  consider({PointKind::Anchor, 0}, g.anchor);
  return best;
}

void move_point(Playground& g, PointRef r, const Vec2& to) {
  switch (r.kind) {
    case PointKind::Positive:
      g.positives.at(size_t(r.index)) = to;
      return;
    case PointKind::Negative:
      g.negatives.at(size_t(r.index)) = to;
      return;
    case PointKind::Anchor:
      g.anchor = to;
      return;
  }
}

PointRef add_point(Playground& g, PointKind kind, const Vec2& at) {
  switch (kind) {
    case PointKind::Positive:
      g.positives.push_back(at);
      return {kind, int(g.positives.size()) - 1};
    case PointKind::Negative:
      g.negatives.push_back(at);
      return {kind, int(g.negatives.size()) - 1};
    case PointKind::Anchor:
      break;
  }
  g.anchor = at;
  return {PointKind::Anchor, 0};
}

bool remove_point(Playground& g, PointRef r) {
  std::vector<Vec2>* v = r.kind == PointKind::Positive   ? &g.positives
                         : r.kind == PointKind::Negative ? &g.negatives
                                                         : nullptr;
  if (!v || r.index < 0 || r.index >= int(v->size())) return false;
  v->erase(v->begin() + r.index);
  return true;
}

int nearest_positive(const Playground& g) {
  int best = -1;
  double best_d2 = std::numeric_limits<double>::infinity();
  for (int i = 0; i < int(g.positives.size()); ++i) {
    const double d2 = (g.positives[size_t(i)] - g.anchor).squaredNorm();
    if (d2 < best_d2) best_d2 = d2, best = i;
  }
  return best;
}

PlaygroundReport evaluate(const Playground& g, const PlaygroundSettings& s, int reference) {
  PlaygroundReport r;
  const int np = int(g.positives.size()), nn = int(g.negatives.size());
  r.reference = reference >= 0 && reference < np ? reference : nearest_positive(g);
  r.grad_positives.assign(size_t(np), Vec2::Zero());
  r.grad_negatives.assign(size_t(nn), Vec2::Zero());
  if (r.reference >= 0) {
    r.d_ap = (g.positives[size_t(r.reference)] - g.anchor).norm();
    r.rings = category_rings(r.d_ap, s.margin, s.form);
    const double dp = form_distance(r.d_ap, s.form);
    for (const Vec2& n : g.negatives)
      r.categories.push_back(
          classify_negative(dp, form_distance((n - g.anchor).norm(), s.form), s.margin));
  }
  if (s.loss == MetricLoss::Contrastive) {
    for (int i = 0; i < np; ++i)
      r.pairs.push_back({PointKind::Positive, i,
                         contrastive_pair(g.anchor, g.positives[size_t(i)], 1, s.margin, s.form)});
    for (int i = 0; i < nn; ++i)
      r.pairs.push_back({PointKind::Negative, i,
                         contrastive_pair(g.anchor, g.negatives[size_t(i)], 0, s.margin, s.form)});
    r.terms = int(r.pairs.size());
  } else {
    for (int i = 0; i < np; ++i)
      for (int j = 0; j < nn; ++j)
        r.triplets.push_back({i, j,
                              triplet_term(g.anchor, g.positives[size_t(i)], g.negatives[size_t(j)],
                                           s.margin, s.form)});
    r.terms = int(r.triplets.size());
  }
  if (r.terms == 0) return r;
  const double w = 1.0 / double(r.terms);
  double sum = 0.0;
  for (const PairRow& p : r.pairs) {
    sum += p.term.loss;
    r.active += p.term.active();
    r.grad_anchor += w * p.term.grad_a;
    auto& other = p.kind == PointKind::Positive ? r.grad_positives : r.grad_negatives;
    other[size_t(p.index)] += w * p.term.grad_b;
  }
  for (const TripletRow& t : r.triplets) {
    sum += t.term.loss;
    r.active += t.term.active();
    r.grad_anchor += w * t.term.grad_a;
    r.grad_positives[size_t(t.positive)] += w * t.term.grad_p;
    r.grad_negatives[size_t(t.negative)] += w * t.term.grad_n;
  }
  r.total = sum * w;
  return r;
}

}  // namespace ll::metric
