#include "core/losses.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "core/regularizer.h"
#include "core/vector_math.h"

namespace ll {

namespace {

// Hinge h(m) and its derivative: 0 for m <= 0, else m (or m^2); a NaN margin stays NaN. Written
// with selects rather than a branch on the margin's sign, which the CPU cannot predict (margins
// change sign from point to point).
inline double hinge(double m, bool squared, double& dh) {
  const bool on = !(m <= 0.0);
  const double h = on ? m : 0.0;
  dh = on ? (squared ? 2.0 * m : 1.0) : 0.0;
  return squared ? h * h : h;
}

// Softmax probabilities of one point into p, and the cross-entropy -ln p_y (log-sum-exp with
// the max subtracted).
template <int KK>
inline double softmax_probs(const double* sc, int k, int y, double* p) {
  const int K = KK > 0 ? KK : k;
  double mx = sc[0];
  for (int j = 1; j < K; ++j) mx = std::max(mx, sc[j]);
  double sum = 0.0;
  for (int j = 0; j < K; ++j) {
    p[j] = std::exp(sc[j] - mx);
    sum += p[j];
  }
  const double inv = 1.0 / sum;
  for (int j = 0; j < K; ++j) p[j] *= inv;
  return std::log(sum) + mx - sc[y];
}

// The focal modulation of softmax cross-entropy, shared by the per-point definition and the
// blocked kernel. From ce = -ln p_y, q = 1 - p_y (as sum_{j != y} p_j, exact for small q) and p_y:
//   L = alpha q^gamma ce,   dL/ds_j = alpha F (p_j - [j == y]),
//   F = q^gamma + gamma p_y q^(gamma - 1) ce = q^gamma (1 + gamma p_y ce / q).
// Returns L and sets `factor` = alpha F. gamma = 0 gives L = alpha ce and factor = alpha: softmax
// cross-entropy exactly for alpha = 1. ce / q lies in [0, ~1] when q is small (p_y near 1), so
// nothing overflows; q = 0 (p_y = 1) is the limit L = 0, dL/ds = 0.
inline double focal_modulate(double ce, double q, double py, double gamma, double alpha,
                             double& factor) {
  if (gamma == 0.0) {
    factor = alpha;
    return alpha * ce;
  }
  if (q <= 0.0) {
    factor = 0.0;
    return 0.0;
  }
  const double qg = std::pow(q, gamma);
  factor = alpha * qg * (1.0 + gamma * py * (ce / q));
  return alpha * qg * ce;
}

// One term of the sigmoid loss, shared by the per-point definition and the blocked kernel: from
// the score s, the target t, e = e^{-|s|} and l = ln(1 + e), softplus(s) - t s with
// softplus(s) = max(s, 0) + l (exact to rounding for |s| up to 1e6 and beyond), and its
// derivative d = sigma(s) - t.
inline double sigmoid_term(double s, double t, double e, double l, double& d) {
  d = (s >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e)) - t;
  return std::max(s, 0.0) + l - t * s;
}

// The one definition of every per-point loss. KK is the number of classes when known at compile
// time (2..kMaxClasses), or 0 to use the run-time `k`; the compiler unrolls the fixed-size loops.
// `mask` holds the point's labels (bit j for label j): the sigmoid loss's targets t_j; the
// other losses use the single label y.
template <LossKind kind, int KK>
inline double point_loss_t(const LossSettings& s, const double* sc, int k, int y, unsigned mask,
                           double* ds) {
  const int K = KK > 0 ? KK : k;
  for (int j = 0; j < K; ++j) ds[j] = 0.0;
  double loss = 0.0;
  double dh = 0.0;
  if constexpr (kind != LossKind::Sigmoid) (void)mask;
  if constexpr (kind == LossKind::WestonWatkins) {
    for (int j = 0; j < K; ++j) {
      if (j == y) continue;
      loss += hinge(sc[j] - sc[y] + s.delta, s.squared, dh);
      ds[j] += dh;
      ds[y] -= dh;
    }
  } else if constexpr (kind == LossKind::OneVsAll) {
    for (int j = 0; j < K; ++j) {
      const double t = j == y ? 1.0 : -1.0;
      loss += hinge(s.delta - t * sc[j], s.squared, dh);
      ds[j] -= t * dh;
    }
  } else if constexpr (kind == LossKind::Structured) {
    int best = -1;
    for (int j = 0; j < K; ++j) {
      if (j != y && (best < 0 || sc[j] > sc[best])) best = j;
    }
    loss = hinge(sc[best] - sc[y] + s.delta, s.squared, dh);
    ds[best] += dh;
    ds[y] -= dh;
  } else if constexpr (kind == LossKind::Sigmoid) {
    // sum_j softplus(s_j) - t_j s_j; dL/ds_j = sigma(s_j) - t_j.
    (void)y;
    for (int j = 0; j < K; ++j) {
      const double e = std::exp(-std::abs(sc[j]));
      loss += sigmoid_term(sc[j], static_cast<double>((mask >> j) & 1u), e, std::log1p(e), ds[j]);
    }
  } else {  // Softmax, and Focal as its modulation
    (void)mask;
    const double ce = softmax_probs<KK>(sc, K, y, ds);
    if constexpr (kind == LossKind::Focal) {
      double q = 0.0;
      for (int j = 0; j < K; ++j) q += j == y ? 0.0 : ds[j];
      double factor = 0.0;
      loss = focal_modulate(ce, q, ds[y], s.gamma, s.alpha, factor);
      ds[y] -= 1.0;
      for (int j = 0; j < K; ++j) ds[j] *= factor;
    } else {
      loss = ce;
      ds[y] -= 1.0;
    }
  }
  return loss;
}

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

  void set(int K, double l, double wsum, const double* w0, const double* w1, const double* b) {
    loss = l;
    weight = wsum;
    std::copy(w0, w0 + K, gw0);
    std::copy(w1, w1 + K, gw1);
    std::copy(b, b + K, gb);
  }
};

// The hot loop: scores, loss and gradient of every point (or of `subset`) in one pass. Without
// kGrad the gradient's lines are left out and nothing else changes: the same loss, bit for bit.
template <LossKind kind, int K, bool kGrad>
void accumulate(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                const ClassWeights& cw, std::span<const int> subset, Sums& out) {
  double w0[K], w1[K], bb[K], gw0[K] = {}, gw1[K] = {}, gb[K] = {};
  for (int j = 0; j < K; ++j) {
    w0[j] = p.W(j, 0);
    w1[j] = p.W(j, 1);
    bb[j] = p.b(j);
  }
  double loss = 0.0, wsum = 0.0;
  auto add = [&](const Point& pt, std::size_t index) {
    double sc[K], ds[K];
    check_point(pt, index, K, kind);
    for (int j = 0; j < K; ++j) sc[j] = w0[j] * pt.x0 + w1[j] * pt.x1 + bb[j];
    const double w = cw.w[pt.label];
    loss += w * point_loss_t<kind, K>(s, sc, K, pt.label, 1u << pt.label, ds);
    wsum += w;
    if constexpr (kGrad) {
      for (int j = 0; j < K; ++j) {
        const double d = w * ds[j];
        gw0[j] += d * pt.x0;
        gw1[j] += d * pt.x1;
        gb[j] += d;
      }
    }
  };
  if (subset.empty()) {
    for (std::size_t i = 0; i < points.size(); ++i) add(points[i], i);
  } else {
    for (int i : subset) add(points.at(static_cast<std::size_t>(i)), static_cast<std::size_t>(i));
  }
  out.set(K, loss, wsum, gw0, gw1, gb);
}

// The block kernels' shared steps (structure of arrays over blocks of B points).
template <int K>
struct BlockParams {
  double w0[K], w1[K], b[K];
  explicit BlockParams(const Params& p) {
    for (int j = 0; j < K; ++j) {
      w0[j] = p.W(j, 0);
      w1[j] = p.W(j, 1);
      b[j] = p.b(j);
    }
  }
};

// Points [start, start + n) of the set, or of the subset when there is one, checked for the
// loss `kind`. Returns the OR of their Point::labels: 0 when the block has no multi-label point.
inline unsigned load_block(const std::vector<Point>& points, std::span<const int> subset,
                           std::size_t start, std::size_t n, int K, LossKind kind, double* x0,
                           double* x1, int* y) {
  unsigned any = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t index =
        subset.empty() ? start + i : static_cast<std::size_t>(subset[start + i]);
    const Point& pt = subset.empty() ? points[index] : points.at(index);
    check_point(pt, index, K, kind);
    x0[i] = pt.x0;
    x1[i] = pt.x1;
    y[i] = pt.label;
    any |= pt.labels;
  }
  return any;
}

// Adds a block's (weighted) dL_i/ds_j, d[j][i], times the inputs to the gradient sums.
template <int K, std::size_t B>
void add_block_gradient(const double (&d)[K][B], const double* x0, const double* x1, std::size_t n,
                        double* gw0, double* gw1, double* gb) {
  for (int j = 0; j < K; ++j) {
    double a0 = 0.0, a1 = 0.0, ab = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      a0 += d[j][i] * x0[i];
      a1 += d[j][i] * x1[i];
      ab += d[j][i];
    }
    gw0[j] += a0;
    gw1[j] += a1;
    gb[j] += ab;
  }
}

// Softmax (and focal, its modulation) over blocks of points, structure of arrays, so that exp
// and log run vectorized (vmath). Same formulas as point_loss_t<Softmax / Focal>: the
// probabilities p_j = e^{s_j - m} / sum, ce = ln sum + m - s_y, then focal_modulate; the tests
// check that both agree.
template <int K, bool kFocal, bool kGrad>
void accumulate_softmax(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                        const ClassWeights& cw, std::span<const int> subset, Sums& out) {
  constexpr std::size_t B = 256;
  const BlockParams<K> P(p);
  double gw0[K] = {}, gw1[K] = {}, gb[K] = {};
  alignas(64) double x0[B], x1[B], mx[B], sum[B], sy[B];
  alignas(64) double e[K][B];
  int y[B];
  const std::size_t total = subset.empty() ? points.size() : subset.size();
  double loss = 0.0, wsum = 0.0;
  for (std::size_t start = 0; start < total; start += B) {
    const std::size_t n = std::min(B, total - start);
    load_block(points, subset, start, n, K, kFocal ? LossKind::Focal : LossKind::Softmax, x0, x1,
               y);
    for (int j = 0; j < K; ++j) {
      for (std::size_t i = 0; i < n; ++i) e[j][i] = P.w0[j] * x0[i] + P.w1[j] * x1[i] + P.b[j];
    }
    for (std::size_t i = 0; i < n; ++i) {
      mx[i] = e[0][i];
      sy[i] = e[y[i]][i];
    }
    for (int j = 1; j < K; ++j) {
      for (std::size_t i = 0; i < n; ++i) mx[i] = std::max(mx[i], e[j][i]);
    }
    for (int j = 0; j < K; ++j) {
      for (std::size_t i = 0; i < n; ++i) e[j][i] -= mx[i];
      vmath::exp_inplace(e[j], n);
    }
    for (std::size_t i = 0; i < n; ++i) sum[i] = e[0][i];
    for (int j = 1; j < K; ++j) {
      for (std::size_t i = 0; i < n; ++i) sum[i] += e[j][i];
    }
    if constexpr (kGrad || kFocal) {
      for (std::size_t i = 0; i < n; ++i) {
        const double inv = 1.0 / sum[i];
        for (int j = 0; j < K; ++j) e[j][i] *= inv;  // probabilities
      }
    }
    vmath::log_inplace(sum, n);
    for (std::size_t i = 0; i < n; ++i) {
      const double ce = sum[i] + mx[i] - sy[i];
      const double w = cw.w[y[i]];
      double c = w;  // dL_i/ds_j = c (p_j - [j == y]) for this point's term of the sum
      if constexpr (kFocal) {
        double q = 0.0;
        for (int j = 0; j < K; ++j) q += j == y[i] ? 0.0 : e[j][i];
        double factor = 0.0;
        loss += w * focal_modulate(ce, q, e[y[i]][i], s.gamma, s.alpha, factor);
        c = w * factor;
      } else {
        loss += w * ce;
      }
      wsum += w;
      if constexpr (kGrad) {
        e[y[i]][i] -= 1.0;
        for (int j = 0; j < K; ++j) e[j][i] *= c;
      }
    }
    if constexpr (kGrad) add_block_gradient<K, B>(e, x0, x1, n, gw0, gw1, gb);
  }
  out.set(K, loss, wsum, gw0, gw1, gb);
}

// The sigmoid terms of a block holding multi-label points: targets t_j from each point's label
// mask m[i], weights c[i]; the scores in sc become the weighted dL_i/ds_j. Out of line, so that
// the loop of single-label blocks stays as tight as before.
template <int K, std::size_t B>
[[gnu::noinline]] void sigmoid_label_set_terms(std::size_t n, const unsigned* m, const double* c,
                                               const double (&ex)[K][B], const double (&lp)[K][B],
                                               double (&sc)[K][B], double& loss, double& wsum) {
  for (std::size_t i = 0; i < n; ++i) {
    double li = 0.0;
    for (int j = 0; j < K; ++j) {
      double d = 0.0;
      li += sigmoid_term(sc[j][i], static_cast<double>((m[i] >> j) & 1u), ex[j][i], lp[j][i], d);
      sc[j][i] = c[i] * d;
    }
    loss += c[i] * li;
    wsum += c[i];
  }
}

// Sigmoid over blocks of points with vectorized exp and log1p: sigmoid_term on the same e and
// l as point_loss_t<Sigmoid> (to the few ulp of vmath); the tests check that both agree. The
// targets t_j are the bits of each point's label mask (one bit for a single-label point).
template <int K, bool kGrad>
void accumulate_sigmoid(const std::vector<Point>& points, const Params& p, const ClassWeights& cw,
                        std::span<const int> subset, Sums& out) {
  constexpr std::size_t B = 256;
  const BlockParams<K> P(p);
  double gw0[K] = {}, gw1[K] = {}, gb[K] = {};
  alignas(64) double x0[B], x1[B], c[B];
  alignas(64) double sc[K][B], ex[K][B], lp[K][B];
  int y[B];
  unsigned m[B];
  const std::size_t total = subset.empty() ? points.size() : subset.size();
  double loss = 0.0, wsum = 0.0;
  for (std::size_t start = 0; start < total; start += B) {
    const std::size_t n = std::min(B, total - start);
    // A block of single-label points (the common case) takes the targets from y alone.
    const bool multi = load_block(points, subset, start, n, K, LossKind::Sigmoid, x0, x1, y) != 0;
    if (multi) {
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t index =
            subset.empty() ? start + i : static_cast<std::size_t>(subset[start + i]);
        const Point& pt = points[index];  // checked by load_block
        m[i] = pt.label_mask();
        c[i] = cw.of(pt);
      }
    } else {
      for (std::size_t i = 0; i < n; ++i) c[i] = cw.w[y[i]];
    }
    for (int j = 0; j < K; ++j) {
      for (std::size_t i = 0; i < n; ++i) {
        sc[j][i] = P.w0[j] * x0[i] + P.w1[j] * x1[i] + P.b[j];
        ex[j][i] = -std::abs(sc[j][i]);
      }
      vmath::exp_inplace(ex[j], n);
      std::copy(ex[j], ex[j] + n, lp[j]);
      vmath::log1p_inplace(lp[j], n);
    }
    if (multi) {
      sigmoid_label_set_terms<K, B>(n, m, c, ex, lp, sc, loss, wsum);
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        double li = 0.0;
        for (int j = 0; j < K; ++j) {
          double d = 0.0;
          li += sigmoid_term(sc[j][i], j == y[i] ? 1.0 : 0.0, ex[j][i], lp[j][i], d);
          if constexpr (kGrad) sc[j][i] = c[i] * d;  // the weighted dL_i/ds_j
        }
        loss += c[i] * li;
        wsum += c[i];
      }
    }
    if constexpr (kGrad) add_block_gradient<K, B>(sc, x0, x1, n, gw0, gw1, gb);
  }
  out.set(K, loss, wsum, gw0, gw1, gb);
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

template <LossKind kind, bool kGrad>
void accumulate_k(int K, const std::vector<Point>& points, const Params& p, const LossSettings& s,
                  const ClassWeights& cw, std::span<const int> subset, Sums& out) {
  with_classes(K, [&](auto kk) {
    constexpr int KC = decltype(kk)::value;
    if constexpr (kind == LossKind::Softmax || kind == LossKind::Focal) {
      accumulate_softmax<KC, kind == LossKind::Focal, kGrad>(points, p, s, cw, subset, out);
    } else if constexpr (kind == LossKind::Sigmoid) {
      accumulate_sigmoid<KC, kGrad>(points, p, cw, subset, out);
    } else {
      accumulate<kind, KC, kGrad>(points, p, s, cw, subset, out);
    }
  });
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

LossGradient loss_gradient(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                           std::span<const int> subset) {
  check_params(p);
  const int K = p.classes();
  const ClassWeights cw(s, K);
  Sums sums;
  with_loss(s.kind,
            [&](auto L) { accumulate_k<L.value, true>(K, points, p, s, cw, subset, sums); });
  // sum_i w_{y_i} L_i / sum_i w_{y_i}: the mean of L_i without class weights.
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

LossValue loss_value(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                     std::span<const int> subset) {
  check_params(p);
  const int K = p.classes();
  const ClassWeights cw(s, K);
  Sums sums;
  with_loss(s.kind,
            [&](auto L) { accumulate_k<L.value, false>(K, points, p, s, cw, subset, sums); });
  const double inv_n = sums.weight > 0.0 ? 1.0 / sums.weight : 0.0;  // as loss_gradient
  LossValue out;
  out.data_loss = sums.loss * inv_n;
  out.reg_loss = reg_loss(p.W, s);
  out.total_loss = out.data_loss + out.reg_loss;
  return out;
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
