#pragma once
// The distributions lab's model: entropy, cross-entropy and KL divergence of two discrete
// distributions p and q over 2..10 outcomes, in bits, nats or log10 units, and the per-sample
// cross-entropy of a table of predicted probabilities against one-hot targets.
//   H(p) = -sum_i p_i log p_i,  H(p, q) = -sum_i p_i log q_i,  D_KL(p || q) = sum_i p_i
//   log(p_i/q_i)
// with 0 log 0 = 0 (outcomes with p_i = 0 contribute nothing) and H(p, q) = H(p) + D_KL(p || q).
// -log q is core/curves.h's cross_entropy; the base conversion is log_base.h's.
#include <Eigen/Core>
#include <span>
#include <string>
#include <vector>

#include "core/lab/log_base.h"
#include "core/lab/same_accuracy.h"

namespace ll::lab {

inline constexpr int kMinOutcomes = 2;
inline constexpr int kMaxOutcomes = 10;
inline constexpr double kSumTolerance = 1e-9;  // |sum p - 1| allowed without normalizing

// A value that may be +infinite; when it is, `infinite_at` is the first outcome (0-based) with
// first > 0 where second = 0, and `reason` says so ("q = 0 where p > 0 (outcome 3)").
struct InfoValue {
  double value = 0.0;
  int infinite_at = -1;
  std::string reason;
  bool infinite() const { return infinite_at >= 0; }
};

// Empty string when `p` is a distribution over 2..10 outcomes (finite, non-negative, summing to
// 1 within kSumTolerance; with `normalize`, any positive sum), else a one-line reason naming it
// `name`.
std::string check_distribution(std::span<const double> p, bool normalize = false,
                               const std::string& name = "p");
// p / sum p. Throws std::invalid_argument unless the entries are finite, non-negative and
// their sum is positive.
std::vector<double> normalized(std::span<const double> p);

// -log_b p of one event of probability p (0.4 -> 1.322 bits); +inf for p = 0.
double information(double p, LogBase b);
// H(p, q); infinite where q = 0 and p > 0 (names: how the reason calls p and q).
InfoValue cross_entropy(std::span<const double> p, std::span<const double> q, LogBase b,
                        const char* p_name = "p", const char* q_name = "q");
// H(p) = H(p, p), never infinite.
InfoValue entropy(std::span<const double> p, LogBase b);
// D_KL(p || q); infinite where q = 0 and p > 0.
InfoValue kl_divergence(std::span<const double> p, std::span<const double> q, LogBase b,
                        const char* p_name = "p", const char* q_name = "q");

struct DistributionReport {
  InfoValue entropy_p, entropy_q;
  InfoValue cross_entropy, cross_entropy_reverse;  // H(p, q), H(q, p)
  InfoValue kl, kl_reverse;                        // D(p || q), D(q || p)
};
// Preconditions: p and q of equal size (std::invalid_argument otherwise).
DistributionReport compare(std::span<const double> p, std::span<const double> q, LogBase b);

// Presets over n outcomes (n in 2..10).
std::vector<double> uniform_distribution(int n);
std::vector<double> one_hot_distribution(int n, int k);
// `peak` on outcome k, the rest shared equally (peak in [0, 1]).
std::vector<double> peaked_distribution(int n, int k, double peak = 0.7);
// The softmax of the scores (core/losses.h's softmax).
std::vector<double> softmax_distribution(std::span<const double> scores);

// The lectures' named distributions for the lab's preset menu: the binary entropies of the
// entropy slide (0.4/0.6: 0.971 bits; 0.99/0.01: 0.081 bits; 0.5/0.5: 1 bit, the maximum) and
// the softmax of the cat column's scores (3.2, 5.1, -1.7).
struct NamedDistribution {
  std::string name;
  std::vector<double> p;
};
std::vector<NamedDistribution> lecture_distributions();

// Per-sample mode: rows of predicted probabilities with their labels (same_accuracy.h's table,
// scored by its score()): per-row -log_b q_y, their sum and mean, and the error rate.
struct PerSampleResult {
  Eigen::VectorXd losses;       // -log_b q_y per row (+inf where q_y = 0)
  Eigen::VectorXd p_correct;    // q_y after row normalization
  Eigen::VectorXi predictions;  // argmax per row (ties: lower index)
  double sum = 0.0, mean = 0.0, error_rate = 0.0;
};
PerSampleResult per_sample(const ProbabilityTable& t, LogBase b);
// The class of each one-hot target row; throws std::invalid_argument unless every row has
// exactly one entry 1 and the others 0.
Eigen::VectorXi labels_from_one_hot(const Eigen::MatrixXd& targets);

}  // namespace ll::lab
