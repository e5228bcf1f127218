#include "core/lab/distributions.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/curves.h"
#include "core/losses.h"

namespace ll::lab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void check_sizes(std::span<const double> p, std::span<const double> q) {
  if (p.size() != q.size())
    throw std::invalid_argument("p has " + std::to_string(p.size()) + " outcomes and q has " +
                                std::to_string(q.size()) + " (they need the same number)");
}

// The shortest text that reads back to v.
std::string format(double v) {
  std::array<char, 32> buf{};
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return std::string(buf.data(), res.ptr);
}

// Sum over the outcomes with p_i > 0 of p_i * term(i), or infinite at the first i with
// p_i > 0 and q_i = 0.
template <class Term>
InfoValue sum_over_support(std::span<const double> p, std::span<const double> q, LogBase b,
                           const char* p_name, const char* q_name, Term term) {
  InfoValue v;
  double nats = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!(p[i] > 0.0)) continue;  // 0 log 0 = 0
    if (!(q[i] > 0.0)) {
      v.value = kInf;
      v.infinite_at = static_cast<int>(i);
      v.reason = std::string(q_name) + " = 0 where " + p_name + " > 0 (outcome " +
                 std::to_string(i + 1) + ")";
      return v;
    }
    nats += p[i] * term(p[i], q[i]);
  }
  v.value = from_nats(nats, b);
  return v;
}

}  // namespace

std::string check_distribution(std::span<const double> p, bool normalize, const std::string& name) {
  const int n = static_cast<int>(p.size());
  if (n < kMinOutcomes || n > kMaxOutcomes)
    return name + " needs 2 to 10 outcomes; got " + std::to_string(n);
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    const double v = p[static_cast<std::size_t>(i)];
    if (!std::isfinite(v))
      return name + ": entry " + std::to_string(i + 1) + " is not a finite number";
    if (v < 0.0)
      return name + ": entry " + std::to_string(i + 1) + " is negative (" + format(v) + ")";
    sum += v;
  }
  if (!std::isfinite(sum)) return name + ": the entries' sum is not finite";
  if (normalize) {
    if (!(sum > 0.0)) return name + ": the entries sum to 0 (nothing to normalize)";
  } else if (std::abs(sum - 1.0) > kSumTolerance) {
    return name + ": the probabilities sum to " + format(sum) +
           ", not 1 within 1e-9 (use --normalize to rescale)";
  }
  return {};
}

std::vector<double> normalized(std::span<const double> p) {
  double sum = 0.0;
  for (double v : p) {
    if (!std::isfinite(v) || v < 0.0)
      throw std::invalid_argument("a distribution's entries must be finite and non-negative");
    sum += v;
  }
  if (!(sum > 0.0) || !std::isfinite(sum))
    throw std::invalid_argument("a distribution's entries must have a positive finite sum");
  std::vector<double> out(p.begin(), p.end());
  for (double& v : out) v /= sum;
  return out;
}

double information(double p, LogBase b) { return from_nats(curves::cross_entropy(p).value, b); }

InfoValue cross_entropy(std::span<const double> p, std::span<const double> q, LogBase b,
                        const char* p_name, const char* q_name) {
  check_sizes(p, q);
  return sum_over_support(p, q, b, p_name, q_name,
                          [](double, double qi) { return curves::cross_entropy(qi).value; });
}

InfoValue entropy(std::span<const double> p, LogBase b) { return cross_entropy(p, p, b); }

InfoValue kl_divergence(std::span<const double> p, std::span<const double> q, LogBase b,
                        const char* p_name, const char* q_name) {
  check_sizes(p, q);
  return sum_over_support(p, q, b, p_name, q_name, [](double pi, double qi) {
    // ln(p/q) is the accurate form when p ~ q; -ln q + ln p when the ratio would overflow.
    const double r = pi / qi;
    return std::isfinite(r) && r > 0.0
               ? std::log(r)
               : curves::cross_entropy(qi).value - curves::cross_entropy(pi).value;
  });
}

DistributionReport compare(std::span<const double> p, std::span<const double> q, LogBase b) {
  check_sizes(p, q);
  DistributionReport r;
  r.entropy_p = entropy(p, b);
  r.entropy_q = entropy(q, b);
  r.cross_entropy = cross_entropy(p, q, b, "p", "q");
  r.cross_entropy_reverse = cross_entropy(q, p, b, "q", "p");
  r.kl = kl_divergence(p, q, b, "p", "q");
  r.kl_reverse = kl_divergence(q, p, b, "q", "p");
  return r;
}

namespace {
void check_outcomes(int n) {
  if (n < kMinOutcomes || n > kMaxOutcomes)
    throw std::invalid_argument("a distribution needs 2 to 10 outcomes; got " + std::to_string(n));
}
void check_outcome(int n, int k) {
  check_outcomes(n);
  if (k < 0 || k >= n)
    throw std::invalid_argument("outcome " + std::to_string(k) + " is outside [0, " +
                                std::to_string(n) + ")");
}
}  // namespace

std::vector<double> uniform_distribution(int n) {
  check_outcomes(n);
  return std::vector<double>(static_cast<std::size_t>(n), 1.0 / n);
}

std::vector<double> one_hot_distribution(int n, int k) { return peaked_distribution(n, k, 1.0); }

std::vector<double> peaked_distribution(int n, int k, double peak) {
  check_outcome(n, k);
  if (!(peak >= 0.0 && peak <= 1.0))
    throw std::invalid_argument("the peak probability must be in [0, 1]");
  std::vector<double> p(static_cast<std::size_t>(n), (1.0 - peak) / (n - 1));
  p[static_cast<std::size_t>(k)] = peak;
  return p;
}

std::vector<double> softmax_distribution(std::span<const double> scores) {
  check_outcomes(static_cast<int>(scores.size()));
  for (double s : scores)
    if (!std::isfinite(s)) throw std::invalid_argument("the scores must be finite numbers");
  std::vector<double> p(scores.size());
  softmax(scores.data(), static_cast<int>(scores.size()), p.data());
  return p;
}

std::vector<NamedDistribution> lecture_distributions() {
  const std::vector<double> cat_scores{3.2, 5.1, -1.7};
  return {{"Binary 0.4 / 0.6", {0.4, 0.6}},
          {"Binary 0.99 / 0.01", {0.99, 0.01}},
          {"Binary 0.5 / 0.5 (maximal)", {0.5, 0.5}},
          {"Softmax of the cat column (3.2, 5.1, -1.7)", softmax_distribution(cat_scores)}};
}

PerSampleResult per_sample(const ProbabilityTable& t, LogBase b) {
  const TableScore s = score(t);  // throws std::invalid_argument on mismatched labels
  PerSampleResult r;
  r.p_correct = s.p_correct;
  r.predictions = s.predictions;
  r.error_rate = s.error_rate;
  r.losses = s.cross_entropy.unaryExpr([b](double nats) { return from_nats(nats, b); });
  r.sum = r.losses.sum();
  r.mean = r.losses.size() > 0 ? r.sum / static_cast<double>(r.losses.size()) : 0.0;
  return r;
}

Eigen::VectorXi labels_from_one_hot(const Eigen::MatrixXd& targets) {
  Eigen::VectorXi labels(targets.rows());
  for (Eigen::Index i = 0; i < targets.rows(); ++i) {
    int hot = -1;
    for (Eigen::Index j = 0; j < targets.cols(); ++j) {
      const double v = targets(i, j);
      if (v == 1.0 && hot < 0) {
        hot = static_cast<int>(j);
      } else if (v != 0.0) {
        throw std::invalid_argument("target row " + std::to_string(i + 1) +
                                    " is not one-hot (one entry 1, the others 0)");
      }
    }
    if (hot < 0)
      throw std::invalid_argument("target row " + std::to_string(i + 1) +
                                  " is not one-hot (one entry 1, the others 0)");
    labels(i) = hot;
  }
  return labels;
}

}  // namespace ll::lab
