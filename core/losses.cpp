#include "core/losses.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "core/loss_blocks.h"
#include "core/point_loss.h"
#include "core/regularizer.h"
#include "core/vector_math.h"

namespace ll {

namespace {

using loss_detail::focal_modulate;
using loss_detail::point_loss_t;
using loss_detail::sigmoid_term;

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

struct Sums {
  double loss = 0.0;    // sum_i w_{y_i} L_i
  double weight = 0.0;  // sum_i w_{y_i}
  double gw0[kMaxClasses] = {}, gw1[kMaxClasses] = {}, gb[kMaxClasses] = {};

  template <int K>
  void set(const loss_blocks::Lanes<K>& lanes) {
    for (std::size_t l = 0; l < loss_blocks::kLanes; ++l) {
      loss += lanes.loss[l];
      weight += lanes.weight[l];
      for (int j = 0; j < K; ++j) {
        gw0[j] += lanes.g0[j][l];
        gw1[j] += lanes.g1[j][l];
        gb[j] += lanes.gb[j][l];
      }
    }
  }
};

using loss_blocks::Block;
using loss_blocks::kBlock;
using loss_blocks::padded;

// Block columns copied from points: a block of Points, or a subset's points gathered.
struct Buffer {
  alignas(64) double x0[kBlock], x1[kBlock], c[kBlock];
  int y[kBlock];
  unsigned m[kBlock];

  // Entries [n, padded(n)) add nothing: weight 0 at the origin.
  void pad(std::size_t n) {
    for (std::size_t i = n; i < padded(n); ++i) {
      x0[i] = x1[i] = c[i] = 0.0;
      y[i] = 0;
      m[i] = 1;
    }
  }
};

// Points taken one by one (a vector of Points, or a subset of either kind of set), each checked
// for the loss. `At` gives point `index` of the set, checking the index.
template <class At>
struct GatherSource {
  At at;
  std::span<const int> subset;
  std::size_t count;
  int K;
  LossKind kind;
  const ClassWeights& cw;

  std::size_t size() const { return count; }
  [[gnu::always_inline]] Block load(std::size_t start, std::size_t n, Buffer& buf) const {
    unsigned any = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t index =
          subset.empty() ? start + i : static_cast<std::size_t>(subset[start + i]);
      const Point pt = at(index);
      check_point(pt, index, K, kind);
      buf.x0[i] = pt.x0;
      buf.x1[i] = pt.x1;
      buf.y[i] = pt.label;
      buf.c[i] = cw.w[pt.label];
      any |= pt.labels;
    }
    if (any) {  // the rare block holding a multi-label point (sigmoid only: checked)
      for (std::size_t i = 0; i < n; ++i) {
        const Point pt =
            at(subset.empty() ? start + i : static_cast<std::size_t>(subset[start + i]));
        buf.m[i] = pt.label_mask();
        buf.c[i] = cw.of(pt);
      }
    }
    buf.pad(n);
    return {buf.x0, buf.x1, buf.y, any ? buf.m : nullptr, buf.c, n};
  }
};

// All points of a PointColumns: the block's coordinates and labels are read in place; the
// labels were checked once for the whole set (check_columns).
struct ColumnSource {
  const PointColumns& cols;
  const ClassWeights& cw;

  std::size_t size() const { return cols.size(); }
  [[gnu::always_inline]] Block load(std::size_t start, std::size_t n, Buffer& buf) const {
    const int* y = cols.label() + start;
    for (std::size_t i = 0; i < n; ++i) buf.c[i] = cw.w[y[i]];
    for (std::size_t i = n; i < padded(n); ++i) buf.c[i] = 0.0;
    unsigned any = 0;
    if (const std::uint16_t* labels = cols.labels()) {
      for (std::size_t i = 0; i < n; ++i) any |= labels[start + i];
      if (any) {
        for (std::size_t i = 0; i < padded(n); ++i) {
          const unsigned ls = labels[start + i];
          buf.m[i] = ls != 0 ? ls : 1u << y[i];
          buf.c[i] = i < n ? cw.of_mask(buf.m[i]) : 0.0;
        }
      }
    }
    return {cols.x0() + start, cols.x1() + start, y, any ? buf.m : nullptr, buf.c, n};
  }
};

// Every point of the columns checked at once: labels below K, multi-label points only under
// sigmoid. On a fault, the points are checked one by one to throw check_point's message for
// the first faulty one.
void check_columns(const PointColumns& cols, int K, LossKind kind) {
  if (cols.label_bound() <= static_cast<std::uint64_t>(K) &&
      (cols.multi_label_count() == 0 || kind == LossKind::Sigmoid))
    return;
  for (std::size_t i = 0; i < cols.size(); ++i) check_point(cols.point(i), i, K, kind);
}

#if defined(__GNUC__) && !defined(__clang__)
#define LL_SIMD_CLONES
#else
#define LL_SIMD_CLONES
#endif

// The hot loop: every block of the source through the loss kind's block kernel. Compiled
// twice, for AVX2 and for the baseline, the AVX2 clone picked at load time (without FMA: both
// clones compute the same numbers).
template <LossKind kind, int K, class Source>
LL_SIMD_CLONES void run_blocks(const Source& src, const Params& p, const LossSettings& s,
                               Sums& out) {
  const loss_blocks::Coefficients<K> P(p);
  loss_blocks::Lanes<K> lanes;
  alignas(64) loss_blocks::Rows<K> rows;
  Buffer buf;
  const std::size_t total = src.size();
  for (std::size_t start = 0; start < total; start += kBlock) {
    const Block b = src.load(start, std::min(kBlock, total - start), buf);
    loss_blocks::block<kind, K>(P, s, b, rows, lanes);
  }
  out.set<K>(lanes);
}

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

template <LossKind kind, class Source>
void accumulate_k(int K, const Source& src, const Params& p, const LossSettings& s, Sums& out) {
  with_classes(K, [&](auto kk) { run_blocks<kind, decltype(kk)::value>(src, p, s, out); });
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

template <class At>
Sums gather_sums(At at, std::size_t size, const Params& p, const LossSettings& s,
                 const ClassWeights& cw, std::span<const int> subset) {
  const int K = p.classes();
  const GatherSource<At> src{at, subset, subset.empty() ? size : subset.size(), K, s.kind, cw};
  Sums sums;
  with_loss(s.kind, [&](auto L) { accumulate_k<L.value>(K, src, p, s, sums); });
  return sums;
}

}  // namespace

LossGradient loss_gradient(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                           std::span<const int> subset) {
  check_params(p);
  const ClassWeights cw(s, p.classes());
  if (subset.empty()) {
    const auto at = [&](std::size_t i) -> const Point& { return points[i]; };
    return finish(gather_sums(at, points.size(), p, s, cw, subset), p, s);
  }
  const auto at = [&](std::size_t i) -> const Point& { return points.at(i); };
  return finish(gather_sums(at, points.size(), p, s, cw, subset), p, s);
}

LossGradient loss_gradient(const PointColumns& cols, const Params& p, const LossSettings& s,
                           std::span<const int> subset) {
  check_params(p);
  const int K = p.classes();
  const ClassWeights cw(s, K);
  if (!subset.empty()) {
    const auto at = [&](std::size_t i) {
      if (i >= cols.size())
        throw std::out_of_range("subset index " + std::to_string(i) + " is outside the " +
                                std::to_string(cols.size()) + " points");
      return cols.point(i);
    };
    return finish(gather_sums(at, cols.size(), p, s, cw, subset), p, s);
  }
  check_columns(cols, K, s.kind);
  const ColumnSource src{cols, cw};
  Sums sums;
  with_loss(s.kind, [&](auto L) { accumulate_k<L.value>(K, src, p, s, sums); });
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
