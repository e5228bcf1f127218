#include "core/losses.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "core/loss_kernels.h"
#include "core/point_loss.h"
#include "core/regularizer.h"

namespace ll {

namespace {

using loss_detail::point_loss_t;

void check_params(const Params& p) {
  if (p.classes() < kMinClasses || p.classes() > kMaxClasses || p.b.size() != p.W.rows()) {
    throw std::invalid_argument("a classifier needs 2 to " + std::to_string(kMaxClasses) +
                                " classes and one bias per class");
  }
}

inline void check_label(int label, int K) {
  if (static_cast<unsigned>(label) >= static_cast<unsigned>(K)) {
    throw std::out_of_range("point label " + std::to_string(label) + " is outside [0, " +
                            std::to_string(K) + ")");
  }
}

// "[0, 2]"
std::string label_list(unsigned mask) {
  std::string out = "[";
  for (int k = 0; k < 16; ++k) {
    if (!(mask & (1u << k))) continue;
    if (out.size() > 1) out += ", ";
    out += std::to_string(k);
  }
  return out + "]";
}

std::string multi_label_message(std::size_t index, const Point& pt, LossKind kind) {
  return "point " + std::to_string(index) + " has the labels " + label_list(pt.label_mask()) +
         "; only the sigmoid loss accepts multi-label points (the loss is " + to_string(kind) + ")";
}

// The rare path of a multi-label point: its labels below K, and a loss that accepts it.
[[gnu::noinline]] void check_multi_label(const Point& pt, std::size_t index, int K, LossKind kind) {
  if (kind != LossKind::Sigmoid) throw std::invalid_argument(multi_label_message(index, pt, kind));
  if (pt.label_mask() >> K) {
    throw std::out_of_range("point " + std::to_string(index) + " has the labels " +
                            label_list(pt.label_mask()) + ", outside [0, " + std::to_string(K) +
                            ")");
  }
}

// Every point's check: its label (or labels) in [0, K), several labels only under sigmoid.
inline void check_point(const Point& pt, std::size_t index, int K, LossKind kind) {
  check_label(pt.label, K);
  if (pt.labels != 0) check_multi_label(pt, index, K, kind);
}

// The weight of each class: s.class_weights, or all 1 when it is empty (multiplying by 1 and
// summing ones is exact, so unweighted losses go through the same code unchanged).
struct ClassWeights {
  double w[kMaxClasses];
  ClassWeights(const LossSettings& s, int K) {
    if (!s.class_weights.empty() && s.class_weights.size() != static_cast<std::size_t>(K)) {
      throw std::invalid_argument("class_weights has " + std::to_string(s.class_weights.size()) +
                                  " entries for " + std::to_string(K) + " classes");
    }
    for (int k = 0; k < K; ++k) {
      w[k] = s.class_weights.empty() ? 1.0 : s.class_weights[static_cast<std::size_t>(k)];
      if (!(w[k] > 0.0) || !std::isfinite(w[k]))
        throw std::invalid_argument("class weights must be positive and finite");
    }
  }
  // The weight of a point: w_y, or for a multi-label point the mean of its labels' weights (it
  // counts as one point, split into equal shares, one per label, each weighted by its class).
  double of(const Point& pt) const { return pt.labels == 0 ? w[pt.label] : of_mask(pt.labels); }
  double of_mask(unsigned mask) const {
    if ((mask & (mask - 1)) == 0) return w[std::countr_zero(mask)];
    double sum = 0.0;
    int n = 0;
    for (int k = 0; k < kMaxClasses; ++k) {
      if (mask & (1u << k)) {
        sum += w[k];
        ++n;
      }
    }
    return sum / n;
  }
};

using loss_kernels::Sums;

// Calls f(std::integral_constant<int, K>) for the run-time K in 2..kMaxClasses.
template <class F>
void with_classes(int K, F&& f) {
  switch (K) {
    case 2:
      return f(std::integral_constant<int, 2>{});
    case 3:
      return f(std::integral_constant<int, 3>{});
    case 4:
      return f(std::integral_constant<int, 4>{});
    case 5:
      return f(std::integral_constant<int, 5>{});
    case 6:
      return f(std::integral_constant<int, 6>{});
    case 7:
      return f(std::integral_constant<int, 7>{});
    case 8:
      return f(std::integral_constant<int, 8>{});
    case 9:
      return f(std::integral_constant<int, 9>{});
    default:
      static_assert(kMaxClasses == 10, "with_classes lists every K up to kMaxClasses");
      return f(std::integral_constant<int, kMaxClasses>{});
  }
}

}  // namespace

int argmax(const double* v, int K) {
  int best = 0;
  for (int j = 1; j < K; ++j) {
    if (v[j] > v[best]) best = j;
  }
  return best;
}

void point_scores(const Params& p, const Point& pt, double* scores) {
  const int K = p.classes();
  for (int j = 0; j < K; ++j) scores[j] = p.W(j, 0) * pt.x0 + p.W(j, 1) * pt.x1 + p.b(j);
}

void softmax(const double* scores, int K, double* probs) {
  const double mx = *std::max_element(scores, scores + K);
  double sum = 0.0;
  for (int j = 0; j < K; ++j) {
    probs[j] = std::exp(scores[j] - mx);
    sum += probs[j];
  }
  for (int j = 0; j < K; ++j) probs[j] /= sum;
}

namespace {
// Calls f(std::integral_constant<LossKind, L>) for the run-time loss kind.
template <class F>
decltype(auto) with_loss(LossKind kind, F&& f) {
  using K = LossKind;
  switch (kind) {
    case K::WestonWatkins:
      return f(std::integral_constant<K, K::WestonWatkins>{});
    case K::OneVsAll:
      return f(std::integral_constant<K, K::OneVsAll>{});
    case K::Structured:
      return f(std::integral_constant<K, K::Structured>{});
    case K::Softmax:
      return f(std::integral_constant<K, K::Softmax>{});
    case K::Sigmoid:
      return f(std::integral_constant<K, K::Sigmoid>{});
    case K::Focal:
      return f(std::integral_constant<K, K::Focal>{});
  }
  throw std::invalid_argument("unknown loss kind");
}
}  // namespace

double point_loss(const LossSettings& s, const double* sc, int K, int y, double* ds) {
  return with_loss(s.kind, [&](auto L) {
    const unsigned mask = y >= 0 && y < 32 ? 1u << y : 0u;  // (a bad y is the caller's fault)
    return point_loss_t<L.value, 0>(s, sc, K, y, mask, ds);
  });
}

double point_loss_labels(const LossSettings& s, const double* sc, int K, unsigned mask,
                         double* ds) {
  if (mask == 0 || (K < 32 && (mask >> K) != 0))
    throw std::out_of_range("point labels " + label_list(mask) +
                            " are not a non-empty subset of [0, " + std::to_string(K) + ")");
  if ((mask & (mask - 1)) != 0 && s.kind != LossKind::Sigmoid) {
    throw std::invalid_argument("the labels " + label_list(mask) +
                                ": only the sigmoid loss accepts multi-label points (the loss is " +
                                to_string(s.kind) + ")");
  }
  const int y = std::countr_zero(mask);
  return with_loss(s.kind, [&](auto L) { return point_loss_t<L.value, 0>(s, sc, K, y, mask, ds); });
}

unsigned predicted_label_mask(LossKind kind, const double* scores, int K) {
  if (kind != LossKind::Sigmoid) return 1u << argmax(scores, K);
  unsigned m = 0;
  for (int j = 0; j < K; ++j) m |= scores[j] > 0.0 ? 1u << j : 0u;
  return m;
}

std::string multi_label_conflict(const std::vector<Point>& points, LossKind kind) {
  if (kind == LossKind::Sigmoid) return {};
  for (std::size_t i = 0; i < points.size(); ++i)
    if (points[i].labels != 0) return multi_label_message(i, points[i], kind);
  return {};
}

namespace {

// sum_i w_{y_i} L_i / sum_i w_{y_i} (the mean of L_i without class weights), the mean gradient,
// and the regularizer.
LossGradient finish(const Sums& sums, const Params& p, const LossSettings& s) {
  const int K = p.classes();
  const double inv_n = sums.weight > 0.0 ? 1.0 / sums.weight : 0.0;
  LossGradient out;
  out.dW.resize(K, 2);
  out.db.resize(K);
  for (int j = 0; j < K; ++j) {
    out.dW(j, 0) = sums.gw0[j] * inv_n;
    out.dW(j, 1) = sums.gw1[j] * inv_n;
    out.db(j) = sums.gb[j] * inv_n;
  }
  out.data_loss = sums.loss * inv_n;
  out.reg_loss = reg_loss(p.W, s);
  out.total_loss = out.data_loss + out.reg_loss;
  add_reg_gradient(p.W, s, out.dW);
  return out;
}

// The generic path: point_loss_t point by point, each point checked (the losses without a
// kernel, core/loss_kernels.h).
template <LossKind kind, int K>
void per_point_sums(const std::vector<Point>& points, std::span<const int> subset, const Params& p,
                    const LossSettings& s, const ClassWeights& cw, Sums& out) {
  double sc[K], ds[K];
  const std::size_t n = subset.empty() ? points.size() : subset.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t index = subset.empty() ? i : static_cast<std::size_t>(subset[i]);
    const Point& pt = points[index];
    check_point(pt, index, K, s.kind);
    point_scores(p, pt, sc);
    const double li = point_loss_t<kind, K>(s, sc, K, pt.label, pt.label_mask(), ds);
    const double w = cw.of(pt);
    out.loss += w * li;
    out.weight += w;
    for (int j = 0; j < K; ++j) {
      const double d = w * ds[j];
      out.gw0[j] += d * pt.x0;
      out.gw1[j] += d * pt.x1;
      out.gb[j] += d;
    }
  }
}

}  // namespace

LossGradient loss_gradient(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                           std::span<const int> subset) {
  check_params(p);
  const int K = p.classes();
  const ClassWeights cw(s, K);
  for (const int i : subset) {
    if (static_cast<std::size_t>(i) >= points.size())
      throw std::out_of_range("subset index " + std::to_string(i) + " is outside the " +
                              std::to_string(points.size()) + " points");
  }
  Sums sums;
  if (loss_kernels::covers(s.kind)) {
    const loss_kernels::Input in{points.data(),
                                 subset.empty() ? nullptr : subset.data(),
                                 subset.empty() ? points.size() : subset.size(),
                                 &p,
                                 &s,
                                 cw.w};
    if (!loss_kernels::accumulate(in, sums, loss_kernels::best())) {
      // Some point is invalid: find the first and throw its message.
      for (std::size_t i = 0; i < in.n; ++i) {
        const std::size_t index = subset.empty() ? i : static_cast<std::size_t>(subset[i]);
        check_point(points[index], index, K, s.kind);
      }
    }
  } else {
    with_loss(s.kind, [&](auto L) {
      with_classes(K, [&](auto kk) {
        per_point_sums<L.value, decltype(kk)::value>(points, subset, p, s, cw, sums);
      });
    });
  }
  return finish(sums, p, s);
}

Evaluation evaluate(const std::vector<Point>& points, const Params& p, const LossSettings& s) {
  check_params(p);
  const int K = p.classes();
  const auto N = static_cast<Eigen::Index>(points.size());
  Evaluation e;
  e.scores.resize(N, K);
  e.losses.resize(N);
  e.dscores.resize(N, K);
  e.predictions.resize(N);
  e.dW = WeightMatrix::Zero(K, 2);
  e.db = BiasVector::Zero(K);
  const ClassWeights cw(s, K);
  double sc[kMaxClasses] = {}, ds[kMaxClasses] = {};
  std::size_t correct = 0, exact = 0, label_hits = 0;
  double loss = 0.0, wsum = 0.0;
  for (Eigen::Index i = 0; i < N; ++i) {
    const Point& pt = points[static_cast<std::size_t>(i)];
    check_point(pt, static_cast<std::size_t>(i), K, s.kind);
    const unsigned mask = pt.label_mask();
    point_scores(p, pt, sc);
    e.losses(i) = with_loss(
        s.kind, [&](auto L) { return point_loss_t<L.value, 0>(s, sc, K, pt.label, mask, ds); });
    e.predictions(i) = argmax(sc, K);
    correct += (mask >> e.predictions(i)) & 1u;
    const unsigned predicted = predicted_label_mask(s.kind, sc, K);
    exact += predicted == mask ? 1 : 0;
    label_hits += static_cast<std::size_t>(K - std::popcount(predicted ^ mask));
    const double w = cw.of(pt);
    loss += w * e.losses(i);
    wsum += w;
    for (int j = 0; j < K; ++j) {
      e.scores(i, j) = sc[j];
      e.dscores(i, j) = ds[j];
      e.dW(j, 0) += w * ds[j] * pt.x0;
      e.dW(j, 1) += w * ds[j] * pt.x1;
      e.db(j) += w * ds[j];
    }
  }
  const double inv_n = wsum > 0.0 ? 1.0 / wsum : 0.0;
  e.dW *= inv_n;
  e.db *= inv_n;
  e.data_loss = loss * inv_n;
  e.reg_loss = reg_loss(p.W, s);
  e.total_loss = e.data_loss + e.reg_loss;
  const double n = static_cast<double>(N);
  e.accuracy = N > 0 ? static_cast<double>(correct) / n : 0.0;
  e.exact_match = N > 0 ? static_cast<double>(exact) / n : 0.0;
  e.label_accuracy = N > 0 ? static_cast<double>(label_hits) / (n * K) : 0.0;
  add_reg_gradient(p.W, s, e.dW);
  return e;
}

}  // namespace ll

namespace ll {

double accuracy(const std::vector<Point>& points, const Params& p) {
  if (points.empty()) return 0.0;
  double sc[kMaxClasses] = {};
  std::size_t correct = 0;
  for (const Point& pt : points) {
    point_scores(p, pt, sc);
    correct += (pt.label_mask() >> argmax(sc, p.classes())) & 1u;
  }
  return static_cast<double>(correct) / static_cast<double>(points.size());
}

Accuracies accuracies(const std::vector<Point>& points, const Params& p, LossKind kind) {
  Accuracies a;
  if (points.empty()) return a;
  const int K = p.classes();
  double sc[kMaxClasses] = {};
  std::size_t correct = 0, exact = 0, hits = 0;
  for (const Point& pt : points) {
    point_scores(p, pt, sc);
    const unsigned mask = pt.label_mask(), predicted = predicted_label_mask(kind, sc, K);
    correct += (mask >> argmax(sc, K)) & 1u;
    exact += predicted == mask ? 1 : 0;
    hits += static_cast<std::size_t>(K - std::popcount(predicted ^ mask));
  }
  const double n = static_cast<double>(points.size());
  a.accuracy = static_cast<double>(correct) / n;
  a.exact_match = static_cast<double>(exact) / n;
  a.label_accuracy = static_cast<double>(hits) / (n * K);
  return a;
}

}  // namespace ll
