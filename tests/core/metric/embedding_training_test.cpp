// core/metric/embedding_training.h: gradients with respect to A and c, mining (hard picks hard
// negatives, semi-hard only semi-hard ones, random is seeded), easy triplets contribute nothing,
// and training lowers the loss.
#include "core/metric/embedding_training.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/datasets.h"

namespace ll::metric {
namespace {

std::vector<LabelledPoint> blobs() {
  Scene s;
  EXPECT_TRUE(make_preset("blobs", s));
  return labelled_points(s, 60);
}

class EmbeddingFd : public ::testing::TestWithParam<std::tuple<MetricLoss, DistanceForm, Mining>> {
};

TEST_P(EmbeddingFd, GradientsWithRespectToAAndCMatchFiniteDifferences) {
  const auto [loss, form, mining] = GetParam();
  const std::vector<LabelledPoint> pts = blobs();
  EmbeddingSettings s;
  s.loss = loss, s.form = form, s.margin = 0.4, s.mining = mining;
  LinearMap map;
  map.A << 0.9, -0.3, 0.2, 0.7;
  map.c = Vec2(0.1, -0.2);
  Rng rng(3);
  const MinedBatch batch = mine(embed(pts, map), pts, s, mining, rng);
  ASSERT_GT(batch.size(), 0u);
  const Objective o = objective(pts, map, s, batch);
  ASSERT_GT(o.active, 0);
  const double h = 1e-6;
  for (int k = 0; k < 6; ++k) {
    LinearMap lo = map, hi = map;
    double* pl = k < 4 ? &lo.A(k / 2, k % 2) : &lo.c[k - 4];
    double* ph = k < 4 ? &hi.A(k / 2, k % 2) : &hi.c[k - 4];
    *pl -= h, *ph += h;
    const double fd =
        (objective(pts, hi, s, batch).loss - objective(pts, lo, s, batch).loss) / (2 * h);
    const double g = k < 4 ? o.grad_A(k / 2, k % 2) : o.grad_c[k - 4];
    EXPECT_NEAR(g, fd, 1e-5 * std::max(1.0, std::abs(fd))) << "parameter " << k;
  }
}

INSTANTIATE_TEST_SUITE_P(
    LossesFormsMining, EmbeddingFd,
    ::testing::Combine(::testing::Values(MetricLoss::Triplet, MetricLoss::Contrastive),
                       ::testing::Values(DistanceForm::Squared, DistanceForm::Plain),
                       ::testing::Values(Mining::All, Mining::Hard)),
    [](const auto& param_info) {
      std::string n = std::string(to_string(std::get<0>(param_info.param))) + "_" +
                      to_string(std::get<1>(param_info.param)) + "_" +
                      to_string(std::get<2>(param_info.param));
      for (char& c : n)
        if (c == '-') c = '_';
      return n;
    });

// Three points per class on a line; distances are easy to read.
std::vector<LabelledPoint> line_points() {
  return {{Vec2(0, 0), 0}, {Vec2(1, 0), 0}, {Vec2(0.5, 0), 1}, {Vec2(3, 0), 1}, {Vec2(1.6, 0), 1}};
}

TEST(Mining, HardPicksTheNearestNegative) {
  const std::vector<LabelledPoint> pts = line_points();
  const std::vector<Vec2> e = embed(pts, LinearMap{});
  EmbeddingSettings s;
  s.form = DistanceForm::Plain;
  s.margin = 1.0;
  Rng rng(1);
  const MinedBatch b = mine(e, pts, s, Mining::Hard, rng);
  // One triplet per ordered positive pair: class 0 has 2, class 1 has 6.
  ASSERT_EQ(b.triplets.size(), 8u);
  int hard = 0;
  for (const MinedTriplet& t : b.triplets) {
    const double dn = (e[size_t(t.n)] - e[size_t(t.a)]).norm();
    for (size_t k = 0; k < pts.size(); ++k) {
      if (pts[k].label != pts[size_t(t.a)].label) {
        EXPECT_LE(dn, (e[k] - e[size_t(t.a)]).norm());
      }
    }
    // Whenever the pair has a hard negative, the pick is hard.
    bool any_hard = false;
    for (size_t k = 0; k < pts.size(); ++k)
      any_hard |= pts[k].label != pts[size_t(t.a)].label &&
                  triplet_term(e[size_t(t.a)], e[size_t(t.p)], e[k], s.margin, s.form).category ==
                      NegativeCategory::Hard;
    const TripletTerm term =
        triplet_term(e[size_t(t.a)], e[size_t(t.p)], e[size_t(t.n)], s.margin, s.form);
    EXPECT_EQ(term.category == NegativeCategory::Hard, any_hard) << t.a << " " << t.p;
    hard += term.category == NegativeCategory::Hard;
  }
  EXPECT_EQ(hard, 7);  // only (a = x 3, p = x 1.6) has no negative nearer than 1.4
  // Anchor 0 (x = 0), positive 1 (x = 1): nearest negative x = 0.5 (index 2).
  EXPECT_EQ(b.triplets[0].a, 0);
  EXPECT_EQ(b.triplets[0].p, 1);
  EXPECT_EQ(b.triplets[0].n, 2);
}

TEST(Mining, SemiHardPicksOnlySemiHardNegatives) {
  const std::vector<LabelledPoint> pts = line_points();
  const std::vector<Vec2> e = embed(pts, LinearMap{});
  EmbeddingSettings s;
  s.form = DistanceForm::Plain;
  s.margin = 1.0;
  Rng rng(1);
  const MinedBatch b = mine(e, pts, s, Mining::SemiHard, rng);
  ASSERT_FALSE(b.triplets.empty());
  for (const MinedTriplet& t : b.triplets)
    EXPECT_EQ(
        triplet_term(e[size_t(t.a)], e[size_t(t.p)], e[size_t(t.n)], s.margin, s.form).category,
        NegativeCategory::SemiHard);
  // Anchor 0, positive 1 (d = 1): negatives at 0.5 (hard), 1.6 (semi-hard), 3 (easy).
  EXPECT_EQ(b.triplets[0].a, 0);
  EXPECT_EQ(b.triplets[0].n, 4);
}

TEST(Mining, RandomIsSeededAndDeterministic) {
  const std::vector<LabelledPoint> pts = blobs();
  const std::vector<Vec2> e = embed(pts, LinearMap{});
  const EmbeddingSettings s;
  auto draw = [&](std::uint64_t seed) {
    Rng rng(seed);
    std::vector<int> n;
    for (const MinedTriplet& t : mine(e, pts, s, Mining::Random, rng).triplets) n.push_back(t.n);
    return n;
  };
  EXPECT_EQ(draw(5), draw(5));
  EXPECT_NE(draw(5), draw(6));
  EmbeddingTrainer a(pts, collapsed_map(), 9), b(pts, collapsed_map(), 9);
  EmbeddingSettings r;
  r.mining = Mining::Random;
  for (int i = 0; i < 20; ++i) EXPECT_EQ(a.step(r).loss, b.step(r).loss);
  EXPECT_EQ(a.map().A, b.map().A);
}

TEST(Mining, AllCountsEveryTripletAndPair) {
  const std::vector<LabelledPoint> pts = line_points();
  Rng rng(1);
  const std::vector<Vec2> e = embed(pts, LinearMap{});
  EmbeddingSettings s;
  // Per ordered positive pair, every negative: class 0: 2 × 3, class 1: 6 × 2.
  EXPECT_EQ(mine(e, pts, s, Mining::All, rng).triplets.size(), 18u);
  s.loss = MetricLoss::Contrastive;
  EXPECT_EQ(mine(e, pts, s, Mining::All, rng).pairs.size(), 10u);  // 5 choose 2
  // Contrastive with mining: the positive pair and one mined negative pair each.
  EXPECT_EQ(mine(e, pts, s, Mining::Hard, rng).pairs.size(), 16u);
}

TEST(Embedding, FullLossEqualsTheObjectiveOverEveryTerm) {
  const std::vector<LabelledPoint> pts = blobs();
  LinearMap map;
  map.A << 0.9, -0.3, 0.2, 0.7;
  const std::vector<Vec2> e = embed(pts, map);
  for (MetricLoss l : {MetricLoss::Triplet, MetricLoss::Contrastive})
    for (DistanceForm f : {DistanceForm::Squared, DistanceForm::Plain}) {
      EmbeddingSettings s;
      s.loss = l, s.form = f, s.margin = 0.4;
      Rng rng(1);
      const Objective o = objective(pts, map, s, mine(e, pts, s, Mining::All, rng));
      const FullLoss full = full_loss(e, pts, s);
      EXPECT_EQ(full.terms, o.terms);
      EXPECT_EQ(full.active, o.active);
      EXPECT_NEAR(full.loss, o.loss, 1e-15 * std::max(1.0, o.loss));
      EXPECT_GT(full.active, 0);
    }
}

TEST(Embedding, EasyTripletsContributeNothing) {
  // Classes far apart: every triplet is easy, so loss, active count and gradients are 0.
  const std::vector<LabelledPoint> pts = {
      {Vec2(0, 0), 0}, {Vec2(0.1, 0), 0}, {Vec2(5, 0), 1}, {Vec2(5.1, 0), 1}};
  for (DistanceForm f : {DistanceForm::Squared, DistanceForm::Plain}) {
    EmbeddingSettings s;
    s.form = f;
    s.margin = 1.0;
    Rng rng(1);
    const MinedBatch all = mine(embed(pts, LinearMap{}), pts, s, Mining::All, rng);
    ASSERT_EQ(all.triplets.size(), 8u);
    const Objective o = objective(pts, LinearMap{}, s, all);
    EXPECT_EQ(o.loss, 0.0);
    EXPECT_EQ(o.active, 0);
    EXPECT_EQ(o.grad_A, Eigen::Matrix2d::Zero());
    EXPECT_EQ(o.grad_c, Vec2::Zero());
    // Semi-hard mining finds nothing to learn from.
    EXPECT_EQ(mine(embed(pts, LinearMap{}), pts, s, Mining::SemiHard, rng).size(), 0u);
    EmbeddingTrainer t(pts, LinearMap{}, 1);
    const StepRecord& r = t.step(s);
    EXPECT_EQ(r.all_active, 0);
    EXPECT_EQ(t.map().A, Eigen::Matrix2d::Identity());  // no step taken
  }
}

class EmbeddingTraining : public ::testing::TestWithParam<std::tuple<MetricLoss, Mining>> {};

TEST_P(EmbeddingTraining, TrainingReducesTheLoss) {
  const auto [loss, mining] = GetParam();
  for (DistanceForm f : {DistanceForm::Squared, DistanceForm::Plain}) {
    EmbeddingSettings s;
    s.loss = loss, s.form = f, s.mining = mining, s.margin = 0.5, s.lr = 0.05;
    EmbeddingTrainer t(blobs(), collapsed_map(), 1);
    const StepRecord first = t.step(s);
    for (int i = 0; i < 300; ++i) t.step(s);
    const StepRecord& last = t.history().back();
    EXPECT_EQ(t.history().size(), 301u);
    EXPECT_EQ(last.step, 300);
    EXPECT_LT(last.full_loss, 0.5 * first.full_loss)
        << to_string(loss) << " " << to_string(f) << " " << to_string(mining);
    // Easy triplets stop contributing (a similar contrastive pair is active while d > 0).
    if (loss == MetricLoss::Triplet) {
      EXPECT_LT(last.all_active, first.all_active);
    }
    EXPECT_GT(first.all_terms, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(LossesMining, EmbeddingTraining,
                         ::testing::Combine(::testing::Values(MetricLoss::Triplet,
                                                              MetricLoss::Contrastive),
                                            ::testing::Values(Mining::All, Mining::Hard,
                                                              Mining::SemiHard, Mining::Random)),
                         [](const auto& param_info) {
                           std::string n = std::string(to_string(std::get<0>(param_info.param))) +
                                           "_" + to_string(std::get<1>(param_info.param));
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

TEST(Embedding, LabelledPointsSubsampleEvenly) {
  Scene s;
  ASSERT_TRUE(make_preset("spiral", s));
  ASSERT_EQ(s.points.size(), 90u);
  const std::vector<LabelledPoint> p = labelled_points(s, 45);
  ASSERT_EQ(p.size(), 45u);
  EXPECT_EQ(p[1].x, Vec2(s.points[2].x0, s.points[2].x1));
  int per_class[3] = {0, 0, 0};
  for (const LabelledPoint& q : p) ++per_class[q.label];
  for (int c : per_class) EXPECT_EQ(c, 15);
  EXPECT_EQ(labelled_points(s, 1000).size(), 90u);
}

}  // namespace
}  // namespace ll::metric

namespace ll::metric {
namespace {

TEST(Mining, MinedCategoriesCountEachTripletsNegative) {
  // a = 0, p = (1, 0) (d² = 1), m = 1: n at d² 0.25 hard, 1.44 semi-hard, 4 easy.
  const std::vector<Vec2> emb = {Vec2(0, 0), Vec2(1, 0), Vec2(0.5, 0), Vec2(0, 1.2), Vec2(-2, 0)};
  MinedBatch b;
  b.triplets = {{0, 1, 2}, {0, 1, 3}, {0, 1, 4}, {0, 1, 2}};
  EmbeddingSettings s;
  const MinedCategories c = mined_categories(emb, b, s);
  EXPECT_EQ(c.hard, 2);
  EXPECT_EQ(c.semi_hard, 1);
  EXPECT_EQ(c.easy, 1);
  // Plain form: d(a,p) = 1, outer 2: the d = 1.2 negative is semi-hard, d = 2 easy (boundary).
  s.form = DistanceForm::Plain;
  const MinedCategories p = mined_categories(emb, b, s);
  EXPECT_EQ(p.semi_hard, 1);
  EXPECT_EQ(p.easy, 1);
  b.triplets.clear();
  b.pairs = {{0, 2, 0}};
  EXPECT_EQ(mined_categories(emb, b, s).hard, 0);  // contrastive batches: none
}

TEST(Embedding, StepRecordsTheCategoriesOfItsBatch) {
  std::vector<LabelledPoint> pts = {
      {Vec2(0, 0), 0}, {Vec2(1, 0), 0}, {Vec2(0.5, 0), 1}, {Vec2(3, 0), 1}};
  EmbeddingTrainer t(pts, LinearMap{}, 1);
  EmbeddingSettings s;
  s.mining = Mining::Hard;
  const StepRecord r = t.step(s);
  // Pairs (0,1) and (1,0) of class 0, (2,3) and (3,2) of class 1; hard mining picks the
  // nearest negative. (0,1): n = 2 at d² 0.25 < 1 hard; (1,0): n = 2 at 0.25 < 1 hard;
  // (2,3): nearest of {0, 1} is 0/1 at 0.25 < 6.25 hard; (3,2): 1 at d² 4 < 6.25 hard.
  EXPECT_EQ(r.terms, 4);
  EXPECT_EQ(r.mined.hard, 4);
  EXPECT_EQ(t.last_batch().triplets.size(), 4u);
}

}  // namespace
}  // namespace ll::metric
