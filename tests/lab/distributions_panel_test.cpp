// The distributions tab's state without a window: dragging a bar keeps each distribution
// summing to 1, presets and sizes, the numbers shown (core's), and the per-sample mode.
#include "app/lab/distributions_panel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "core/rng.h"

namespace {

using ll::lab::DistributionsModel;
using ll::lab::LogBase;

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(DistributionsModel, DraggingABarRescalesTheOthersSoTheSumStaysOne) {
  std::vector<double> d{0.5, 0.3, 0.2};
  ll::lab::set_keeping_sum(d, 0, 0.8);
  EXPECT_DOUBLE_EQ(d[0], 0.8);
  EXPECT_NEAR(d[1], 0.12, 1e-15);  // 0.3 of the remaining 0.2, in proportion 3 : 2
  EXPECT_NEAR(d[2], 0.08, 1e-15);
  EXPECT_NEAR(sum(d), 1.0, 1e-15);
  ll::lab::set_keeping_sum(d, 2, 1.7);  // clamped to 1: the others go to 0
  EXPECT_EQ(d, (std::vector<double>{0.0, 0.0, 1.0}));
  ll::lab::set_keeping_sum(d, 2, 0.4);  // the others were all 0: they share the rest equally
  EXPECT_NEAR(d[0], 0.3, 1e-15);
  EXPECT_NEAR(d[1], 0.3, 1e-15);
  ll::lab::set_keeping_sum(d, 1, std::nan(""));  // ignored
  EXPECT_NEAR(d[1], 0.3, 1e-15);

  // Many random drags over 10 outcomes: always a distribution.
  DistributionsModel m;
  m.set_outcomes(10);
  ll::Rng rng(3);
  for (int step = 0; step < 2000; ++step) {
    const int which = step % 2;
    m.set_bar(which, int(rng.uniform() * 10) % 10, rng.uniform() * 1.2 - 0.1);
    for (int w = 0; w < 2; ++w) {
      ASSERT_NEAR(sum(m.dist(w)), 1.0, 1e-12) << "step " << step;
      for (double x : m.dist(w)) ASSERT_GE(x, 0.0);
    }
  }
}

TEST(DistributionsModel, OutcomesAndPresetsKeepPAndQTheSameSize) {
  DistributionsModel m;
  ASSERT_EQ(m.outcomes(), 3);
  m.set_outcomes(5);
  EXPECT_EQ(m.p.size(), 5u);
  EXPECT_EQ(m.q.size(), 5u);
  EXPECT_NEAR(sum(m.p), 1.0, 1e-12);
  m.set_outcomes(12);
  EXPECT_EQ(m.outcomes(), 10);
  m.set_outcomes(1);
  EXPECT_EQ(m.outcomes(), 2);
  std::string why;
  ASSERT_TRUE(m.set_distribution(0, {0.4, 0.6, 0.0}, why)) << why;
  EXPECT_EQ(m.q.size(), 3u);
  ASSERT_TRUE(m.set_distribution(1, {2.0, 2.0}, why)) << why;  // normalized, p resized
  EXPECT_EQ(m.q, (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(m.p.size(), 2u);
  const std::vector<double> p = m.p;
  EXPECT_FALSE(m.set_distribution(0, {-0.5, 1.5}, why));
  EXPECT_FALSE(why.empty());
  EXPECT_FALSE(m.set_distribution(0, std::vector<double>(11, 0.1), why));
  EXPECT_EQ(m.p, p);
}

TEST(DistributionsModel, ReportsTheIdentityAndTheAsymmetry) {
  DistributionsModel m;
  std::string why;
  ASSERT_TRUE(m.set_distribution(0, {0.4, 0.6}, why));
  ASSERT_TRUE(m.set_distribution(1, {0.9, 0.1}, why));
  m.base = LogBase::Two;
  const ll::lab::DistributionReport r = m.report();
  EXPECT_NEAR(r.entropy_p.value, 0.970950594454668, 1e-12);
  EXPECT_NEAR(r.cross_entropy.value, r.entropy_p.value + r.kl.value, 1e-12);
  EXPECT_NEAR(r.cross_entropy_reverse.value, r.entropy_q.value + r.kl_reverse.value, 1e-12);
  EXPECT_GT(std::abs(r.kl.value - r.kl_reverse.value), 0.1);
  // q = 0 where p > 0: infinite, with the outcome named.
  m.set_bar(1, 0, 1.0);
  const ll::lab::DistributionReport inf = m.report();
  EXPECT_TRUE(inf.kl.infinite());
  EXPECT_EQ(inf.kl.infinite_at, 1);
  EXPECT_NE(inf.kl.reason.find("outcome 2"), std::string::npos) << inf.kl.reason;
  EXPECT_FALSE(inf.kl_reverse.infinite());
}

TEST(DistributionsModel, PerSampleModeScoresEachRow) {
  DistributionsModel m;
  m.base = LogBase::E;
  const ll::lab::PerSampleResult a = m.per_sample_result();
  ASSERT_EQ(a.losses.size(), 4);
  EXPECT_NEAR(a.error_rate, 0.25, 1e-12);
  EXPECT_NEAR(a.mean, a.sum / 4, 1e-12);
  EXPECT_NEAR(a.losses(0), -std::log(a.p_correct(0)), 1e-12);
  m.base = LogBase::Two;
  EXPECT_NEAR(m.per_sample_result().mean, a.mean / std::log(2.0), 1e-12);

  m.set_sample_prob(0, m.samples.labels(0), 1.0);  // a certain, correct row costs nothing
  EXPECT_EQ(m.per_sample_result().losses(0), 0.0);
  EXPECT_NEAR(m.samples.probs.row(0).sum(), 1.0, 1e-12);
  m.set_sample_prob(0, m.samples.labels(0), 0.0);  // q_y = 0: infinite
  EXPECT_TRUE(std::isinf(m.per_sample_result().losses(0)));
  EXPECT_NEAR(m.samples.probs.row(0).sum(), 1.0, 1e-12);

  m.set_sample_rows(6);
  EXPECT_EQ(m.sample_rows(), 6);
  EXPECT_NEAR(m.per_sample_result().losses(5), std::log2(3.0), 1e-12);  // uniform row
  m.set_sample_classes(2);
  for (int i = 0; i < m.sample_rows(); ++i) {
    EXPECT_LT(m.samples.labels(i), 2);
    EXPECT_NEAR(m.samples.probs.row(i).sum(), 1.0, 1e-12);
  }
  m.set_sample_label(5, 7);
  EXPECT_EQ(m.samples.labels(5), 1);
}

}  // namespace
