#pragma once
// The one definition of every per-point loss (point_loss_t): L_i and dL_i/ds_j from a point's
// scores. The pieces it shares with the lane kernels of the 2-D training hot loop
// (core/loss_kernels.h) are templates on the number type: the hinge, the multiclass margin and
// softmax's log-sum-exp. Internal to core/losses.cpp, core/loss_kernels.cpp and their tests;
// the public entry points are in core/losses.h.
#include <algorithm>
#include <cmath>

#include "core/scene.h"

namespace ll::loss_detail {

// Hinge h(m) and its derivative, written with selects (no branch) so that the same template
// serves one point (T = double) and the kernels' lanes of points (T a GCC vector of doubles,
// core/loss_kernels.cpp): m <= 0 (the kink m = 0 included: subgradient 0) gives 0; a NaN margin
// gives NaN as it would through the positive branch.
template <class T>
inline T hinge(T m, bool squared, T& dh) {
  const T zero{}, one = zero + 1.0;
  const auto pos = !(m <= 0.0);
  dh = pos ? (squared ? 2.0 * m : one) : zero;
  return pos ? (squared ? m * m : m) : zero;
}

// The multiclass margin of class j against the label's score s_y (Weston-Watkins, structured).
template <class T>
inline T margin(T sj, T sy, double delta) {
  return sj - sy + delta;
}

// Softmax of K scores with the max subtracted (log-sum-exp): p_j = e^{s_j - m} / sum into p,
// and returns the cross-entropy ln sum + m - s_y = -ln p_y. T is double (one point, `exp` and
// `log` std::exp and std::log) or a vector of lanes (the kernels, libmvec's vector exp and log).
template <class T, class Exp, class Log>
inline T softmax_ce(const T* sc, int K, T sy, T* p, Exp exp_of, Log log_of) {
  T mx = sc[0];
  for (int j = 1; j < K; ++j) mx = mx < sc[j] ? sc[j] : mx;  // std::max(mx, sc[j])
  T sum{};
  for (int j = 0; j < K; ++j) {
    p[j] = exp_of(sc[j] - mx);
    sum += p[j];
  }
  const T inv = 1.0 / sum;
  for (int j = 0; j < K; ++j) p[j] *= inv;
  return log_of(sum) + mx - sy;
}

// Softmax probabilities of one point into p, and the cross-entropy -ln p_y.
template <int KK>
inline double softmax_probs(const double* sc, int k, int y, double* p) {
  const int K = KK > 0 ? KK : k;
  return softmax_ce(
      sc, K, sc[y], p, [](double v) { return std::exp(v); }, [](double v) { return std::log(v); });
}

// The focal modulation of softmax cross-entropy. From ce = -ln p_y, q = 1 - p_y (as sum_{j != y}
// p_j, exact for small q) and p_y:
//   L = alpha q^gamma ce,   dL/ds_j = alpha F (p_j - [j == y]),
//   F = q^gamma + gamma p_y q^(gamma - 1) ce = q^gamma (1 + gamma p_y ce / q).
// Returns L and sets `factor` = alpha F. gamma = 0 gives L = alpha ce and factor = alpha: softmax
// cross-entropy exactly for alpha = 1. ce / q lies in [0, ~1] when q is small (p_y near 1), so
// nothing overflows; q = 0 (p_y = 1) is the limit L = 0, dL/ds = 0.
// T is double (`pow_of` std::pow) or a vector of lanes (written with selects for q <= 0).
template <class T, class Pow>
inline T focal_modulate(T ce, T q, T py, double gamma, double alpha, T& factor, Pow pow_of) {
  const T zero{};
  if (gamma == 0.0) {
    factor = zero + alpha;
    return alpha * ce;
  }
  const auto pos = !(q <= 0.0);
  const T qs = pos ? q : zero + 1.0;  // (the q <= 0 lanes' value is not used)
  const T qg = pow_of(qs, gamma);
  factor = pos ? alpha * qg * (1.0 + gamma * py * (ce / qs)) : zero;
  return pos ? alpha * qg * ce : zero;
}

// One term of the sigmoid loss: from the score s, the target t, e = e^{-|s|} and l = ln(1 + e),
// softplus(s) - t s with softplus(s) = max(s, 0) + l (exact to rounding for |s| up to 1e6 and
// beyond), and its derivative d = sigma(s) - t.
// T is double or a vector of lanes.
template <class T>
inline T sigmoid_term(T s, T t, T e, T l, T& d) {
  const T zero{};
  d = (s >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e)) - t;
  return (s < 0.0 ? zero : s) + l - t * s;  // std::max(s, 0.0) + l - t s
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
      loss += hinge(margin(sc[j], sc[y], s.delta), s.squared, dh);
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
    loss = hinge(margin(sc[best], sc[y], s.delta), s.squared, dh);
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
      loss = focal_modulate(ce, q, ds[y], s.gamma, s.alpha, factor,
                            [](double v, double g) { return std::pow(v, g); });
      ds[y] -= 1.0;
      for (int j = 0; j < K; ++j) ds[j] *= factor;
    } else {
      loss = ce;
      ds[y] -= 1.0;
    }
  }
  return loss;
}

}  // namespace ll::loss_detail
