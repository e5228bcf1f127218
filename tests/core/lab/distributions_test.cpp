// The distributions lab's model: entropies, cross-entropies, KL divergences and the per-sample
// table, against values recomputed here and the lectures' numbers.
#include "core/lab/distributions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "core/curves.h"

namespace ll::lab {
namespace {

using V = std::vector<double>;

double h_by_hand(const V& p, const V& q) {  // -sum p ln q in nats, p > 0 only
  double h = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (p[i] > 0.0) h -= p[i] * std::log(q[i]);
  return h;
}

TEST(Distributions, EntropyCrossEntropyAndKlByHand) {
  const V p{0.5, 0.25, 0.125, 0.125}, q{0.1, 0.2, 0.3, 0.4};
  const DistributionReport r = compare(p, q, LogBase::E);
  EXPECT_NEAR(r.entropy_p.value, h_by_hand(p, p), 1e-12);
  EXPECT_NEAR(r.entropy_q.value, h_by_hand(q, q), 1e-12);
  EXPECT_NEAR(r.cross_entropy.value, h_by_hand(p, q), 1e-12);
  EXPECT_NEAR(r.cross_entropy_reverse.value, h_by_hand(q, p), 1e-12);
  // The identity, both ways round.
  EXPECT_NEAR(r.cross_entropy.value, r.entropy_p.value + r.kl.value, 1e-12);
  EXPECT_NEAR(r.cross_entropy_reverse.value, r.entropy_q.value + r.kl_reverse.value, 1e-12);
  // Not symmetric.
  EXPECT_GT(std::abs(r.kl.value - r.kl_reverse.value), 0.05);
  EXPECT_GT(std::abs(r.cross_entropy.value - r.cross_entropy_reverse.value), 0.01);
  EXPECT_FALSE(r.kl.infinite());
  // The dyadic p has exactly 1.75 bits of entropy.
  EXPECT_NEAR(entropy(p, LogBase::Two).value, 1.75, 1e-12);
  EXPECT_NEAR(entropy(p, LogBase::Two).value, curves::entropy_bits(p), 1e-12);
  EXPECT_NEAR(entropy(p, LogBase::Ten).value, h_by_hand(p, p) / std::log(10.0), 1e-12);
  EXPECT_NEAR(compare(p, q, LogBase::Two).kl.value, r.kl.value / std::numbers::ln2, 1e-12);
}

TEST(Distributions, LectureEntropies) {
  EXPECT_NEAR(information(0.4, LogBase::Two), 1.322, 5e-4);
  EXPECT_NEAR(information(0.99, LogBase::Two), 0.0145, 5e-5);
  EXPECT_NEAR(entropy(V{0.4, 0.6}, LogBase::Two).value, 0.971, 5e-4);
  EXPECT_NEAR(entropy(V{0.99, 0.01}, LogBase::Two).value, 0.081, 5e-4);
  EXPECT_NEAR(entropy(V{0.5, 0.5}, LogBase::Two).value, 1.0, 1e-15);
  EXPECT_NEAR(entropy(uniform_distribution(10), LogBase::E).value, std::log(10.0), 1e-12);
}

TEST(Distributions, LecturePresets) {
  const std::vector<NamedDistribution> d = lecture_distributions();
  ASSERT_EQ(d.size(), 4u);
  for (const NamedDistribution& n : d) EXPECT_EQ(check_distribution(n.p), "") << n.name;
  EXPECT_NEAR(entropy(d[0].p, LogBase::Two).value, 0.971, 5e-4);
  EXPECT_NEAR(entropy(d[1].p, LogBase::Two).value, 0.081, 5e-4);
  EXPECT_EQ(entropy(d[2].p, LogBase::Two).value, 1.0);
  EXPECT_NEAR(d[3].p[0], 0.13, 0.005);
  EXPECT_NEAR(d[3].p[1], 0.87, 0.005);
}

TEST(Distributions, ZeroLogZeroAndInfiniteKlWithReason) {
  const V p{1.0, 0.0, 0.0}, q{0.5, 0.5, 0.0};
  const DistributionReport r = compare(p, q, LogBase::Two);
  EXPECT_EQ(r.entropy_p.value, 0.0);
  EXPECT_FALSE(r.entropy_p.infinite());
  EXPECT_NEAR(r.entropy_q.value, 1.0, 1e-15);
  EXPECT_NEAR(r.kl.value, 1.0, 1e-15);             // log2(1 / 0.5)
  EXPECT_NEAR(r.cross_entropy.value, 1.0, 1e-15);  // 0 + 1
  EXPECT_TRUE(r.kl_reverse.infinite());
  EXPECT_TRUE(std::isinf(r.kl_reverse.value));
  EXPECT_EQ(r.kl_reverse.infinite_at, 1);
  EXPECT_EQ(r.kl_reverse.reason, "p = 0 where q > 0 (outcome 2)");
  EXPECT_TRUE(r.cross_entropy_reverse.infinite());
  EXPECT_EQ(r.cross_entropy_reverse.reason, "p = 0 where q > 0 (outcome 2)");
  const InfoValue forward = kl_divergence(q, p, LogBase::E);
  EXPECT_EQ(forward.reason, "q = 0 where p > 0 (outcome 2)");
  // KL of a distribution with itself is 0, even with zeros.
  EXPECT_EQ(kl_divergence(q, q, LogBase::E).value, 0.0);
  // A tiny q (the ratio overflows) is large but finite.
  const InfoValue tiny = kl_divergence(V{0.5, 0.5}, V{1.0, 1e-320}, LogBase::E);
  EXPECT_FALSE(tiny.infinite());
  EXPECT_NEAR(tiny.value, 0.5 * std::log(0.5) + 0.5 * (std::log(0.5) - std::log(1e-320)), 1e-9);
}

TEST(Distributions, CheckAndNormalize) {
  EXPECT_EQ(check_distribution(V{0.5, 0.5}), "");
  EXPECT_EQ(check_distribution(V{0.5, 0.5 + 5e-10}), "");
  EXPECT_EQ(check_distribution(V{0.5, 0.6}),
            "p: the probabilities sum to 1.1, not 1 within 1e-9 (use --normalize to rescale)");
  EXPECT_EQ(check_distribution(V{0.5, 0.6}, true), "");
  EXPECT_EQ(check_distribution(V{1.5, -0.5}, false, "q"), "q: entry 2 is negative (-0.5)");
  EXPECT_EQ(check_distribution(V{1.0}), "p needs 2 to 10 outcomes; got 1");
  EXPECT_EQ(check_distribution(V(11, 1.0 / 11)), "p needs 2 to 10 outcomes; got 11");
  EXPECT_EQ(check_distribution(V{0.0, 0.0}, true),
            "p: the entries sum to 0 (nothing to normalize)");
  EXPECT_EQ(check_distribution(V{std::nan(""), 1.0}), "p: entry 1 is not a finite number");
  const V n = normalized(V{1.0, 3.0});
  EXPECT_EQ(n, (V{0.25, 0.75}));
  EXPECT_THROW(normalized(V{0.0, 0.0}), std::invalid_argument);
  EXPECT_THROW(normalized(V{-1.0, 2.0}), std::invalid_argument);
  EXPECT_THROW(compare(V{0.5, 0.5}, V{1.0, 0.0, 0.0}, LogBase::E), std::invalid_argument);
}

TEST(Distributions, Presets) {
  EXPECT_EQ(uniform_distribution(4), (V{0.25, 0.25, 0.25, 0.25}));
  EXPECT_EQ(one_hot_distribution(3, 1), (V{0.0, 1.0, 0.0}));
  const V peaked = peaked_distribution(4, 2, 0.7);
  EXPECT_EQ(peaked[2], 0.7);
  EXPECT_NEAR(peaked[0], 0.1, 1e-15);
  EXPECT_EQ(check_distribution(peaked), "");
  const V sm = softmax_distribution(V{3.2, 5.1, -1.7});
  const double s = std::exp(3.2) + std::exp(5.1) + std::exp(-1.7);
  EXPECT_NEAR(sm[0], std::exp(3.2) / s, 1e-12);
  EXPECT_NEAR(sm[2], std::exp(-1.7) / s, 1e-12);
  EXPECT_THROW(uniform_distribution(1), std::invalid_argument);
  EXPECT_THROW(one_hot_distribution(3, 3), std::invalid_argument);
  EXPECT_THROW(peaked_distribution(3, 0, 1.5), std::invalid_argument);
}

TEST(Distributions, PerSampleReusesTheSameAccuracyTables) {
  const ProbabilityTable a = same_accuracy_model_a(), b = same_accuracy_model_b();
  for (const ProbabilityTable* t : {&a, &b}) {
    const TableScore nats = score(*t);
    const PerSampleResult bits = per_sample(*t, LogBase::Two);
    double sum = 0.0;
    for (Eigen::Index i = 0; i < t->probs.rows(); ++i) {
      const double q = t->probs(i, t->labels(i)) / t->probs.row(i).sum();
      EXPECT_NEAR(bits.losses(i), -std::log2(q), 1e-12);
      sum += -std::log2(q);
    }
    EXPECT_NEAR(bits.sum, sum, 1e-12);
    EXPECT_NEAR(bits.mean, sum / 4.0, 1e-12);
    EXPECT_NEAR(bits.mean, nats.mean_cross_entropy / std::numbers::ln2, 1e-12);
    EXPECT_EQ(bits.error_rate, 0.25);
  }
  // Same error rate, different cross-entropy (the lecture's point).
  EXPECT_GT(per_sample(a, LogBase::E).mean - per_sample(b, LogBase::E).mean, 0.5);
}

TEST(Distributions, OneHotTargets) {
  Eigen::MatrixXd targets(3, 3);
  targets << 0, 0, 1, 0, 1, 0, 1, 0, 0;
  EXPECT_EQ(labels_from_one_hot(targets), Eigen::Vector3i(2, 1, 0));
  targets(1, 0) = 1.0;
  EXPECT_THROW(labels_from_one_hot(targets), std::invalid_argument);
  targets.row(1).setZero();
  EXPECT_THROW(labels_from_one_hot(targets), std::invalid_argument);
}

}  // namespace
}  // namespace ll::lab
