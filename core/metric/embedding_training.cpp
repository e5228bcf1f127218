#include "core/metric/embedding_training.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace ll::metric {

LinearMap collapsed_map() {
  LinearMap m;
  m.A << 0.5, 0.4, 0.4, 0.5;
  m.c = Vec2(0.0, 0.0);
  return m;
}

std::vector<LabelledPoint> labelled_points(const Scene& s, std::size_t max_points) {
  std::vector<LabelledPoint> out;
  const std::size_t n = s.points.size();
  const std::size_t take = std::min(n, max_points);
  out.reserve(take);
  for (std::size_t i = 0; i < take; ++i) {
    const Point& p = s.points[take == n ? i : i * n / take];
    out.push_back({Vec2(p.x0, p.x1), p.label});
  }
  return out;
}

const char* to_string(Mining m) {
  switch (m) {
    case Mining::All:
      return "all";
    case Mining::Hard:
      return "hard";
    case Mining::SemiHard:
      return "semi-hard";
    case Mining::Random:
      break;
  }
  return "random";
}

const char* describe(Mining m) {
  switch (m) {
    case Mining::All:
      return "every triplet (contrastive: every pair)";
    case Mining::Hard:
      return "each (anchor, positive) with its nearest negative: hard whenever one is";
    case Mining::SemiHard:
      return "each (anchor, positive) with its nearest semi-hard negative, none if it has none";
    case Mining::Random:
      break;
  }
  return "each (anchor, positive) with a negative drawn at random (seeded)";
}

std::vector<Vec2> embed(const std::vector<LabelledPoint>& points, const LinearMap& map) {
  std::vector<Vec2> e;
  e.reserve(points.size());
  for (const LabelledPoint& p : points) e.push_back(map(p.x));
  return e;
}

namespace {

// D(e_i, e_j) in the settings' form, row-major n x n, computed as triplet_term does (so the
// categories and losses read from it are the same numbers).
std::vector<double> form_distances(const std::vector<Vec2>& emb, DistanceForm f) {
  const std::size_t n = emb.size();
  std::vector<double> d(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const double d2 = (emb[i] - emb[j]).squaredNorm();
      d[i * n + j] = f == DistanceForm::Squared ? d2 : std::sqrt(d2);
    }
  return d;
}

}  // namespace

MinedBatch mine(const std::vector<Vec2>& emb, const std::vector<LabelledPoint>& points,
                const EmbeddingSettings& s, Mining mining, Rng& rng) {
  MinedBatch b;
  const int n = int(points.size());
  const std::vector<double> dm = mining == Mining::Hard || mining == Mining::SemiHard
                                     ? form_distances(emb, s.form)
                                     : std::vector<double>();
  auto dist = [&](int i, int j) { return dm[size_t(i) * size_t(n) + size_t(j)]; };
  const bool triplet = s.loss == MetricLoss::Triplet;
  if (!triplet && mining == Mining::All) {
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j)
        b.pairs.push_back({i, j, points[size_t(i)].label == points[size_t(j)].label ? 1 : 0});
    return b;
  }
  std::vector<int> negatives;
  for (int a = 0; a < n; ++a) {
    negatives.clear();
    for (int k = 0; k < n; ++k)
      if (points[size_t(k)].label != points[size_t(a)].label) negatives.push_back(k);
    for (int p = 0; p < n; ++p) {
      if (p == a || points[size_t(p)].label != points[size_t(a)].label) continue;
      if (!triplet) b.pairs.push_back({a, p, 1});
      if (negatives.empty()) continue;
      if (mining == Mining::All) {
        for (int k : negatives) b.triplets.push_back({a, p, k});
        continue;
      }
      int chosen = -1;
      if (mining == Mining::Random) {
        chosen = negatives[size_t(rng.below(negatives.size()))];
      } else {
        const double dp = dist(a, p);
        double best = std::numeric_limits<double>::infinity();
        for (int k : negatives) {
          const double dn = dist(a, k);
          if (mining == Mining::SemiHard &&
              classify_negative(dp, dn, s.margin) != NegativeCategory::SemiHard)
            continue;
          if (dn < best) best = dn, chosen = k;
        }
      }
      if (chosen < 0) continue;
      if (triplet)
        b.triplets.push_back({a, p, chosen});
      else
        b.pairs.push_back({a, chosen, 0});
    }
  }
  return b;
}

Objective objective(const std::vector<LabelledPoint>& points, const LinearMap& map,
                    const EmbeddingSettings& s, const MinedBatch& batch) {
  Objective o;
  o.terms = int(batch.size());
  if (o.terms == 0) return o;
  const std::vector<Vec2> e = embed(points, map);
  // dL/de_i accumulated per point, then chained through e_i = A x_i + c.
  std::vector<Vec2> g(points.size(), Vec2::Zero());
  double sum = 0.0;
  for (const MinedTriplet& t : batch.triplets) {
    const TripletTerm r =
        triplet_term(e[size_t(t.a)], e[size_t(t.p)], e[size_t(t.n)], s.margin, s.form);
    sum += r.loss;
    o.active += r.active();
    g[size_t(t.a)] += r.grad_a, g[size_t(t.p)] += r.grad_p, g[size_t(t.n)] += r.grad_n;
  }
  for (const MinedPair& p : batch.pairs) {
    const PairTerm r = contrastive_pair(e[size_t(p.a)], e[size_t(p.b)], p.y, s.margin, s.form);
    sum += r.loss;
    o.active += r.active();
    g[size_t(p.a)] += r.grad_a, g[size_t(p.b)] += r.grad_b;
  }
  const double w = 1.0 / double(o.terms);
  o.loss = sum * w;
  for (std::size_t i = 0; i < points.size(); ++i) {
    o.grad_A += w * g[i] * points[i].x.transpose();
    o.grad_c += w * g[i];
  }
  return o;
}

FullLoss full_loss(const std::vector<Vec2>& emb, const std::vector<LabelledPoint>& points,
                   const EmbeddingSettings& s) {
  FullLoss r;
  const std::size_t n = points.size();
  const std::vector<double> d = form_distances(emb, s.form);
  double sum = 0.0;
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t p = 0; p < n; ++p) {
      const bool same = points[p].label == points[a].label;
      if (s.loss == MetricLoss::Contrastive) {
        if (p <= a) continue;
        // As contrastive_pair: y d² + (1 − y) max(m − D, 0)².
        const double d2 = (emb[a] - emb[p]).squaredNorm();
        const double h = std::max(s.margin - d[a * n + p], 0.0);
        const double l = same ? d2 : h * h;
        sum += l, r.active += l > 0.0, ++r.terms;
        continue;
      }
      if (p == a || !same) continue;
      const double t = d[a * n + p] + s.margin;
      for (std::size_t k = 0; k < n; ++k) {
        if (points[k].label == points[a].label) continue;
        const double l = std::max(t - d[a * n + k], 0.0);
        sum += l, r.active += l > 0.0, ++r.terms;
      }
    }
  }
  r.loss = r.terms > 0 ? sum / double(r.terms) : 0.0;
  return r;
}

MinedCategories mined_categories(const std::vector<Vec2>& emb, const MinedBatch& batch,
                                 const EmbeddingSettings& s) {
  MinedCategories c;
  for (const MinedTriplet& t : batch.triplets) {
    const TripletTerm r =
        triplet_term(emb[size_t(t.a)], emb[size_t(t.p)], emb[size_t(t.n)], s.margin, s.form);
    switch (r.category) {
      case NegativeCategory::Hard:
        ++c.hard;
        break;
      case NegativeCategory::SemiHard:
        ++c.semi_hard;
        break;
      case NegativeCategory::Easy:
        ++c.easy;
        break;
    }
  }
  return c;
}

EmbeddingTrainer::EmbeddingTrainer(std::vector<LabelledPoint> points, const LinearMap& start,
                                   std::uint64_t seed)
    : points_(std::move(points)), map_(start), rng_(seed) {}

const StepRecord& EmbeddingTrainer::step(const EmbeddingSettings& s) {
  const std::vector<Vec2> e = embed(points_, map_);
  MinedBatch batch = mine(e, points_, s, s.mining, rng_);
  const Objective o = objective(points_, map_, s, batch);
  StepRecord rec;
  rec.step = history_.empty() ? 0 : history_.back().step + 1;
  rec.loss = o.loss;
  rec.terms = o.terms;
  rec.active = o.active;
  rec.mined = mined_categories(e, batch, s);
  if (s.mining == Mining::All) {
    rec.full_loss = o.loss, rec.all_terms = o.terms, rec.all_active = o.active;
  } else {
    const FullLoss f = full_loss(e, points_, s);
    rec.full_loss = f.loss, rec.all_terms = f.terms, rec.all_active = f.active;
  }
  map_.A -= s.lr * o.grad_A;
  map_.c -= s.lr * o.grad_c;
  history_.push_back(rec);
  last_batch_ = std::move(batch);
  return history_.back();
}

}  // namespace ll::metric
