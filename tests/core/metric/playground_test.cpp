// core/metric/playground.h: the hand-placed points, their edits and their evaluation.
#include "core/metric/playground.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ll::metric {
namespace {

TEST(Playground, DefaultHasOneNegativeOfEachCategoryInBothForms) {
  const Playground g = default_playground();
  for (DistanceForm f : {DistanceForm::Squared, DistanceForm::Plain}) {
    const PlaygroundReport r = evaluate(g, {MetricLoss::Triplet, f, 1.0});
    EXPECT_EQ(r.reference, 0);
    EXPECT_DOUBLE_EQ(r.d_ap, std::sqrt(1.25));
    ASSERT_EQ(r.categories.size(), 3u);
    EXPECT_EQ(r.categories[0], NegativeCategory::Hard);
    EXPECT_EQ(r.categories[1], NegativeCategory::SemiHard);
    EXPECT_EQ(r.categories[2], NegativeCategory::Easy);
  }
}

TEST(Playground, TripletReportIsTheMeanOverEveryPositiveNegativePair) {
  const Playground g = default_playground();
  const PlaygroundSettings s{MetricLoss::Triplet, DistanceForm::Squared, 1.0};
  const PlaygroundReport r = evaluate(g, s);
  ASSERT_EQ(r.triplets.size(), 6u);
  EXPECT_EQ(r.terms, 6);
  double sum = 0.0;
  int active = 0;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) {
      const TripletRow& t = r.triplets[size_t(i * 3 + j)];
      EXPECT_EQ(t.positive, i);
      EXPECT_EQ(t.negative, j);
      const TripletTerm e = triplet_term(g.anchor, g.positives[size_t(i)], g.negatives[size_t(j)],
                                         1.0, DistanceForm::Squared);
      EXPECT_EQ(t.term.loss, e.loss);
      sum += e.loss;
      active += e.loss > 0;
    }
  EXPECT_DOUBLE_EQ(r.total, sum / 6);
  EXPECT_EQ(r.active, active);
  // Hand check of the first row: m + d²(a,p1) − d²(a,n1) = 1 + 1.25 − 0.5.
  EXPECT_DOUBLE_EQ(r.triplets[0].term.loss, 1.75);
  // The easy negative contributes nothing with either positive.
  EXPECT_EQ(r.triplets[2].term.loss, 0.0);
  EXPECT_EQ(r.triplets[5].term.loss, 0.0);
  EXPECT_EQ(r.grad_negatives[2], Vec2::Zero());
}

TEST(Playground, TotalGradientMatchesFiniteDifferences) {
  const Playground g = default_playground();
  for (MetricLoss l : {MetricLoss::Triplet, MetricLoss::Contrastive})
    for (DistanceForm f : {DistanceForm::Squared, DistanceForm::Plain}) {
      const PlaygroundSettings s{l, f, 1.0};
      const PlaygroundReport r = evaluate(g, s);
      const double h = 1e-6;
      auto check = [&](PointRef ref, const Vec2& grad) {
        for (int k = 0; k < 2; ++k) {
          Playground lo = g, hi = g;
          Vec2 p = position(g, ref);
          p[k] -= h;
          move_point(lo, ref, p);
          p[k] += 2 * h;
          move_point(hi, ref, p);
          const double fd = (evaluate(hi, s).total - evaluate(lo, s).total) / (2 * h);
          EXPECT_NEAR(grad[k], fd, 1e-6) << to_string(l) << " " << to_string(f);
        }
      };
      check({PointKind::Anchor, 0}, r.grad_anchor);
      for (int i = 0; i < 2; ++i) check({PointKind::Positive, i}, r.grad_positives[size_t(i)]);
      for (int j = 0; j < 3; ++j) check({PointKind::Negative, j}, r.grad_negatives[size_t(j)]);
    }
}

TEST(Playground, ContrastivePairsArePositivesThenNegatives) {
  const Playground g = default_playground();
  const PlaygroundReport r = evaluate(g, {MetricLoss::Contrastive, DistanceForm::Plain, 2.0});
  ASSERT_EQ(r.pairs.size(), 5u);
  EXPECT_EQ(r.pairs[0].kind, PointKind::Positive);
  EXPECT_EQ(r.pairs[0].term.y, 1);
  EXPECT_DOUBLE_EQ(r.pairs[0].term.loss, 1.25);  // d²(a, p1)
  EXPECT_EQ(r.pairs[2].kind, PointKind::Negative);
  EXPECT_EQ(r.pairs[2].term.y, 0);
  const double h = 2.0 - std::sqrt(0.5);
  EXPECT_DOUBLE_EQ(r.pairs[2].term.loss, h * h);  // max(m − d, 0)², d = √0.5
  EXPECT_EQ(r.pairs[4].term.loss, 0.0);           // d = 2.33 > m
  EXPECT_TRUE(r.triplets.empty());
}

TEST(Playground, EditsAndHitTest) {
  Playground g = default_playground();
  const auto hit = hit_test(g, Vec2(0.98, 0.52), 0.1);
  ASSERT_TRUE(hit);
  EXPECT_EQ(*hit, (PointRef{PointKind::Positive, 0}));
  EXPECT_FALSE(hit_test(g, Vec2(2.5, 2.5), 0.1));
  EXPECT_EQ(*hit_test(g, Vec2(0.01, 0.0), 0.1), (PointRef{PointKind::Anchor, 0}));

  const PointRef n = add_point(g, PointKind::Negative, Vec2(0.2, 0.1));
  EXPECT_EQ(n, (PointRef{PointKind::Negative, 3}));
  // Nearer to the new negative than to the anchor: the negative.
  EXPECT_EQ(*hit_test(g, Vec2(0.15, 0.08), 0.5), n);
  move_point(g, n, Vec2(1.0, -1.0));
  EXPECT_EQ(position(g, n), Vec2(1.0, -1.0));
  EXPECT_TRUE(remove_point(g, n));
  EXPECT_EQ(g.negatives.size(), 3u);
  EXPECT_FALSE(remove_point(g, {PointKind::Anchor, 0}));
  EXPECT_FALSE(remove_point(g, {PointKind::Positive, 7}));

  // Removing the nearest positive moves the reference to the other one.
  ASSERT_TRUE(remove_point(g, {PointKind::Positive, 0}));
  EXPECT_EQ(nearest_positive(g), 0);
  EXPECT_DOUBLE_EQ(evaluate(g, {}).d_ap, std::sqrt(0.81 + 1.21));
  g.positives.clear();
  const PlaygroundReport none = evaluate(g, {});
  EXPECT_EQ(none.reference, -1);
  EXPECT_TRUE(none.categories.empty());
  EXPECT_EQ(none.terms, 0);
  EXPECT_EQ(none.total, 0.0);
}

TEST(Playground, ChosenReferenceSetsTheRings) {
  const Playground g = default_playground();
  const PlaygroundReport r = evaluate(g, {MetricLoss::Triplet, DistanceForm::Plain, 0.5}, 1);
  EXPECT_EQ(r.reference, 1);
  EXPECT_DOUBLE_EQ(r.rings.inner, std::sqrt(0.81 + 1.21));
  EXPECT_DOUBLE_EQ(r.rings.outer, std::sqrt(0.81 + 1.21) + 0.5);
  // Relative to p2 (d = 1.421) the semi-hard negative (d = 1.285) becomes hard.
  EXPECT_EQ(r.categories[1], NegativeCategory::Hard);
}

}  // namespace
}  // namespace ll::metric
