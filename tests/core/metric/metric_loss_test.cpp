// core/metric/metric_loss.h: closed-form pairs and triplets, the category boundaries exactly at
// D(a,p) and D(a,p) + m, the subgradient at d = 0 and finite-difference gradients of both
// losses in both distance forms.
#include "core/metric/metric_loss.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "core/rng.h"

namespace ll::metric {
namespace {

void expect_vec(const Vec2& v, double x, double y, double tol = 1e-12) {
  EXPECT_NEAR(v.x(), x, tol);
  EXPECT_NEAR(v.y(), y, tol);
}

TEST(MetricLoss, TripletSquaredClosedForm) {
  // d²(a,p) = 1, d²(a,n) = 0.25: L = 1 + 1 − 0.25, a hard negative.
  const TripletTerm t =
      triplet_term(Vec2(0, 0), Vec2(1, 0), Vec2(0.5, 0), 1.0, DistanceForm::Squared);
  EXPECT_DOUBLE_EQ(t.loss, 1.75);
  EXPECT_EQ(t.category, NegativeCategory::Hard);
  EXPECT_TRUE(t.active());
  expect_vec(t.grad_a, -1.0, 0.0);  // 2(n − p)
  expect_vec(t.grad_p, 2.0, 0.0);   // −2(a − p)
  expect_vec(t.grad_n, -1.0, 0.0);  // 2(a − n)
  // Far negative: easy, zero loss and zero gradients.
  const TripletTerm e =
      triplet_term(Vec2(0, 0), Vec2(1, 0), Vec2(0, 2), 1.0, DistanceForm::Squared);
  EXPECT_EQ(e.category, NegativeCategory::Easy);
  EXPECT_EQ(e.loss, 0.0);
  EXPECT_FALSE(e.active());
  EXPECT_EQ(e.grad_a, Vec2::Zero());
  EXPECT_EQ(e.grad_p, Vec2::Zero());
  EXPECT_EQ(e.grad_n, Vec2::Zero());
}

TEST(MetricLoss, TripletPlainClosedForm) {
  // d(a,p) = 5, d(a,n) = 6, m = 2: L = 5 − 6 + 2 = 1, semi-hard.
  const TripletTerm t = triplet_term(Vec2(0, 0), Vec2(3, 4), Vec2(0, 6), 2.0, DistanceForm::Plain);
  EXPECT_DOUBLE_EQ(t.d_ap, 5.0);
  EXPECT_DOUBLE_EQ(t.d_an, 6.0);
  EXPECT_DOUBLE_EQ(t.d2_ap, 25.0);
  EXPECT_DOUBLE_EQ(t.d2_an, 36.0);
  EXPECT_DOUBLE_EQ(t.loss, 1.0);
  EXPECT_EQ(t.category, NegativeCategory::SemiHard);
  expect_vec(t.grad_a, -0.6, 0.2);  // (a − p)/5 − (a − n)/6
  expect_vec(t.grad_p, 0.6, 0.8);
  expect_vec(t.grad_n, 0.0, -1.0);
  // The same points in the squared form: 2 + 25 − 36 < 0, easy.
  const TripletTerm s =
      triplet_term(Vec2(0, 0), Vec2(3, 4), Vec2(0, 6), 2.0, DistanceForm::Squared);
  EXPECT_EQ(s.category, NegativeCategory::Easy);
  EXPECT_EQ(s.loss, 0.0);
}

TEST(MetricLoss, ContrastiveClosedForm) {
  const Vec2 a(0, 0), b(3, 4);
  const PairTerm sim = contrastive_pair(a, b, 1, 6.0, DistanceForm::Plain);
  EXPECT_DOUBLE_EQ(sim.loss, 25.0);  // y d²
  expect_vec(sim.grad_a, -6.0, -8.0);
  expect_vec(sim.grad_b, 6.0, 8.0);
  // Dissimilar, plain (the lecture's): max(6 − 5, 0)² = 1, gradient −2 h (a − b)/d.
  const PairTerm dis = contrastive_pair(a, b, 0, 6.0, DistanceForm::Plain);
  EXPECT_DOUBLE_EQ(dis.loss, 1.0);
  expect_vec(dis.grad_a, 1.2, 1.6);
  expect_vec(dis.grad_b, -1.2, -1.6);
  // Beyond the margin: no loss, no push.
  const PairTerm far = contrastive_pair(a, b, 0, 5.0, DistanceForm::Plain);
  EXPECT_EQ(far.loss, 0.0);
  EXPECT_FALSE(far.active());
  EXPECT_EQ(far.grad_a, Vec2::Zero());
  // Squared form: max(30 − 25, 0)² = 25, gradient −4 h (a − b).
  const PairTerm sq = contrastive_pair(a, b, 0, 30.0, DistanceForm::Squared);
  EXPECT_DOUBLE_EQ(sq.loss, 25.0);
  expect_vec(sq.grad_a, 60.0, 80.0);
  // The similar term does not depend on the form or the margin.
  EXPECT_DOUBLE_EQ(contrastive_pair(a, b, 1, 30.0, DistanceForm::Squared).loss, 25.0);
}

TEST(MetricLoss, LectureYPlusMinusOneWouldBreakTheFormula) {
  // y ∈ {0, 1} is what the formula needs: with y = −1 the "dissimilar" pair would get −d² +
  // 2 max(m − d, 0)², which rewards pulling it closer. LossLab reads any non-zero y as 1.
  const PairTerm t = contrastive_pair(Vec2(0, 0), Vec2(1, 0), -1, 2.0, DistanceForm::Plain);
  EXPECT_EQ(t.y, 1);
  EXPECT_DOUBLE_EQ(t.loss, 1.0);
}

TEST(MetricLoss, PlainFormSubgradientAtZeroDistance) {
  // The anchor on its positive: (a − p)/d is undefined, LossLab uses 0.
  const Vec2 a(1, 1), n(1, 1.5);
  const TripletTerm t = triplet_term(a, a, n, 1.0, DistanceForm::Plain);
  EXPECT_DOUBLE_EQ(t.loss, 0.5);
  expect_vec(t.grad_p, 0.0, 0.0);
  expect_vec(t.grad_a, 0.0, 1.0);  // only −(a − n)/d(a,n)
  expect_vec(t.grad_n, 0.0, -1.0);
  // The negative on the anchor: a full margin of loss, no direction to push in.
  const TripletTerm on = triplet_term(a, Vec2(2, 1), a, 1.0, DistanceForm::Plain);
  EXPECT_DOUBLE_EQ(on.loss, 2.0);
  EXPECT_EQ(on.category, NegativeCategory::Hard);
  expect_vec(on.grad_n, 0.0, 0.0);
  expect_vec(on.grad_a, -1.0, 0.0);
  const PairTerm pair = contrastive_pair(a, a, 0, 1.5, DistanceForm::Plain);
  EXPECT_DOUBLE_EQ(pair.loss, 2.25);
  EXPECT_EQ(pair.grad_a, Vec2::Zero());
  EXPECT_EQ(pair.grad_b, Vec2::Zero());
}

TEST(MetricLoss, CategoryBoundariesPlain) {
  // d(a,p) = 1, m = 0.5: [0, 1) hard, [1, 1.5) semi-hard, [1.5, ∞) easy.
  const Vec2 a(0, 0), p(1, 0);
  const double m = 0.5;
  auto at = [&](double y) { return triplet_term(a, p, Vec2(0, y), m, DistanceForm::Plain); };
  EXPECT_EQ(at(std::nextafter(1.0, 0.0)).category, NegativeCategory::Hard);
  const TripletTerm on_p = at(1.0);
  EXPECT_EQ(on_p.category, NegativeCategory::SemiHard);
  EXPECT_DOUBLE_EQ(on_p.loss, 0.5);
  const TripletTerm inside = at(std::nextafter(1.5, 0.0));
  EXPECT_EQ(inside.category, NegativeCategory::SemiHard);
  EXPECT_GT(inside.loss, 0.0);
  const TripletTerm on_margin = at(1.5);
  EXPECT_EQ(on_margin.category, NegativeCategory::Easy);
  EXPECT_EQ(on_margin.loss, 0.0);
  EXPECT_EQ(on_margin.grad_n, Vec2::Zero());
  EXPECT_EQ(classify_negative(1.0, 1.0, 0.5), NegativeCategory::SemiHard);
  EXPECT_EQ(classify_negative(1.0, 1.5, 0.5), NegativeCategory::Easy);
  EXPECT_EQ(classify_negative(1.0, std::nextafter(1.0, 0.0), 0.5), NegativeCategory::Hard);
  // m = 0: no semi-hard band, the positive's distance is already easy.
  EXPECT_EQ(classify_negative(1.0, 1.0, 0.0), NegativeCategory::Easy);
}

TEST(MetricLoss, CategoryBoundariesSquared) {
  // d²(a,p) = 1, m = 3: d² in [0, 1) hard, [1, 4) semi-hard, [4, ∞) easy (d = 2).
  const Vec2 a(0, 0), p(1, 0);
  const double m = 3.0;
  auto at = [&](double y) { return triplet_term(a, p, Vec2(0, y), m, DistanceForm::Squared); };
  EXPECT_EQ(at(std::nextafter(1.0, 0.0)).category, NegativeCategory::Hard);
  const TripletTerm on_p = at(1.0);
  EXPECT_EQ(on_p.category, NegativeCategory::SemiHard);
  EXPECT_DOUBLE_EQ(on_p.loss, 3.0);
  const TripletTerm inside = at(std::nextafter(2.0, 0.0));
  EXPECT_EQ(inside.category, NegativeCategory::SemiHard);
  EXPECT_GT(inside.loss, 0.0);
  const TripletTerm on_margin = at(2.0);
  EXPECT_EQ(on_margin.category, NegativeCategory::Easy);
  EXPECT_EQ(on_margin.loss, 0.0);
  // Plain at the same point: 1 + 3 − 2 > 0, still semi-hard (the forms differ).
  EXPECT_EQ(triplet_term(a, p, Vec2(0, 2), m, DistanceForm::Plain).category,
            NegativeCategory::SemiHard);
}

TEST(MetricLoss, RingsAtTheBoundaries) {
  const Rings plain = category_rings(1.25, 0.5, DistanceForm::Plain);
  EXPECT_DOUBLE_EQ(plain.inner, 1.25);
  EXPECT_DOUBLE_EQ(plain.outer, 1.75);
  const Rings sq = category_rings(std::sqrt(1.25), 1.0, DistanceForm::Squared);
  EXPECT_DOUBLE_EQ(sq.inner, std::sqrt(1.25));
  EXPECT_NEAR(sq.outer, 1.5, 1e-15);
  EXPECT_DOUBLE_EQ(contrastive_margin_radius(4.0, DistanceForm::Squared), 2.0);
  EXPECT_DOUBLE_EQ(contrastive_margin_radius(4.0, DistanceForm::Plain), 4.0);
}

TEST(MetricLoss, NamesRoundTrip) {
  for (DistanceForm f : {DistanceForm::Squared, DistanceForm::Plain}) {
    DistanceForm g{};
    ASSERT_TRUE(parse(to_string(f), g));
    EXPECT_EQ(g, f);
  }
  for (MetricLoss l : {MetricLoss::Contrastive, MetricLoss::Triplet}) {
    MetricLoss g{};
    ASSERT_TRUE(parse(to_string(l), g));
    EXPECT_EQ(g, l);
  }
  DistanceForm f{};
  EXPECT_FALSE(parse("euclid", f));
  EXPECT_EQ(lecture_form(MetricLoss::Triplet), DistanceForm::Squared);
  EXPECT_EQ(lecture_form(MetricLoss::Contrastive), DistanceForm::Plain);
  EXPECT_STREQ(to_string(NegativeCategory::SemiHard), "semi-hard");
}

// Central differences of `loss` at each coordinate of `x` against `grad`.
void expect_fd(const std::function<double(const Vec2&)>& loss, const Vec2& x, const Vec2& grad,
               const char* what) {
  const double h = 1e-6;
  for (int k = 0; k < 2; ++k) {
    Vec2 lo = x, hi = x;
    lo[k] -= h, hi[k] += h;
    const double fd = (loss(hi) - loss(lo)) / (2 * h);
    EXPECT_NEAR(grad[k], fd, 1e-6 * std::max(1.0, std::abs(fd))) << what << " coordinate " << k;
  }
}

class MetricLossFd : public ::testing::TestWithParam<DistanceForm> {};

TEST_P(MetricLossFd, TripletGradientsMatchFiniteDifferences) {
  const DistanceForm f = GetParam();
  Rng rng(7);
  int active = 0, checked = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const Vec2 a(rng.uniform(-2, 2), rng.uniform(-2, 2)), p(rng.uniform(-2, 2), rng.uniform(-2, 2)),
        n(rng.uniform(-2, 2), rng.uniform(-2, 2));
    const double m = rng.uniform(0.1, 2.0);
    const TripletTerm t = triplet_term(a, p, n, m, f);
    // Stay off the kinks (hinge at 0, a distance at 0), where there is no derivative.
    const double dp = form_distance(t.d_ap, f), dn = form_distance(t.d_an, f);
    if (std::abs(dp + m - dn) < 1e-3 || t.d_ap < 1e-3 || t.d_an < 1e-3) continue;
    ++checked;
    active += t.active();
    expect_fd([&](const Vec2& x) { return triplet_term(x, p, n, m, f).loss; }, a, t.grad_a, "a");
    expect_fd([&](const Vec2& x) { return triplet_term(a, x, n, m, f).loss; }, p, t.grad_p, "p");
    expect_fd([&](const Vec2& x) { return triplet_term(a, p, x, m, f).loss; }, n, t.grad_n, "n");
  }
  EXPECT_GT(checked, 150);
  EXPECT_GT(active, 40);  // both the active and the zero side were checked
  EXPECT_LT(active, checked - 20);
}

TEST_P(MetricLossFd, ContrastiveGradientsMatchFiniteDifferences) {
  const DistanceForm f = GetParam();
  Rng rng(11);
  int active_dissimilar = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const Vec2 a(rng.uniform(-2, 2), rng.uniform(-2, 2)), b(rng.uniform(-2, 2), rng.uniform(-2, 2));
    const double m = rng.uniform(0.5, 3.0);
    const int y = trial % 2;
    const PairTerm t = contrastive_pair(a, b, y, m, f);
    if (std::abs(form_distance(t.d, f) - m) < 1e-3 || t.d < 1e-3) continue;
    active_dissimilar += y == 0 && t.active();
    expect_fd([&](const Vec2& x) { return contrastive_pair(x, b, y, m, f).loss; }, a, t.grad_a,
              "a");
    expect_fd([&](const Vec2& x) { return contrastive_pair(a, x, y, m, f).loss; }, b, t.grad_b,
              "b");
  }
  EXPECT_GT(active_dissimilar, 20);
}

INSTANTIATE_TEST_SUITE_P(BothForms, MetricLossFd,
                         ::testing::Values(DistanceForm::Squared, DistanceForm::Plain),
                         [](const auto& param_info) {
                           return std::string(to_string(param_info.param));
                         });

}  // namespace
}  // namespace ll::metric
