#pragma once
// The loss kernels' one template (core/loss_kernels.h), over a lane type V: double (one point at
// a time, core/loss_kernels.cpp) or a GCC vector of doubles (several points at once,
// core/loss_kernels_avx2.cpp, compiled for AVX2). A Math type gives V's exp and log.
//
// Each point's terms are point_loss_t's (core/point_loss.h) through the same templates (hinge,
// margin, softmax_ce), with the label's branches written as selects on the lane's label:
//   Weston-Watkins: L = sum_{j != y} h(m_j) adds +0 for j = y (the same sum); dL/ds_y is minus
//     the sum of the other h'(m_j), which equals point_loss_t's 0 - h'(m_0) - h'(m_1) ... exactly.
//   Softmax: dL/ds_j = p_j - [j == y]; focal: q = sum_{j != y} p_j, then focal_modulate.
//   Sigmoid: sum_j sigmoid_term(s_j, t_j, e^{-|s_j|}, ln(1 + e^{-|s_j|})), t_j from the labels.
// So with V = double and std::exp/std::log every point's numbers are point_loss_t's to the bit;
// only the order of the sums over points (lanes) differs.
//
// Nothing here indexes by a label or calls a library function other than Math's, so that the
// AVX2 translation unit instantiates only its own vector functions (no inline function with
// external linkage compiled for AVX2 can stand in for the portable one).
#include <cstddef>
#include <cstring>

#include "core/loss_kernels.h"
#include "core/point_loss.h"

namespace ll::loss_kernels::lanes {

template <class V>
inline constexpr std::size_t kWidth = sizeof(V) / sizeof(double);

template <class V>
inline V splat(double v) {
  if constexpr (kWidth<V> == 1) {
    return v;
  } else {
    V r;
    for (std::size_t l = 0; l < kWidth<V>; ++l) r[l] = v;
    return r;
  }
}

template <class V>
inline double lane_sum(V v) {
  if constexpr (kWidth<V> == 1) {
    return v;
  } else {
    double s = 0.0;
    for (std::size_t l = 0; l < kWidth<V>; ++l) s += v[l];
    return s;
  }
}

// The classifier's rows and the class weights, as plain numbers.
template <int K>
struct Coefficients {
  double w0[K], w1[K], b[K], c[K];
  int classes = K;
  double delta = 1.0;
  bool squared = false;
  double gamma = 2.0, alpha = 1.0;
};

template <class V, int K>
struct Accumulators {
  V loss{}, weight{};
  V g0[K] = {}, g1[K] = {}, gb[K] = {};

  void add_to(Sums& out) const {
    out.loss += lane_sum(loss);
    out.weight += lane_sum(weight);
    for (int j = 0; j < K; ++j) {
      out.gw0[j] += lane_sum(g0[j]);
      out.gw1[j] += lane_sum(g1[j]);
      out.gb[j] += lane_sum(gb[j]);
    }
  }
};

// The lanes' points i .. i + width: coordinates, labels as doubles, and whether any is invalid
// (a label outside [0, K), or several labels).
template <class V, bool kSubset>
[[gnu::always_inline]] inline unsigned load(const Input& in, std::size_t i, int K, V& x0, V& x1,
                                            V& yd) {
  constexpr std::size_t L = kWidth<V>;
  double a0[L], a1[L], ay[L];
  unsigned bad = 0;
  for (std::size_t l = 0; l < L; ++l) {
    const std::size_t index = kSubset ? static_cast<std::size_t>(in.subset[i + l]) : i + l;
    const Point& pt = in.points[index];
    a0[l] = pt.x0;
    a1[l] = pt.x1;
    ay[l] = pt.label;
    bad |= (static_cast<unsigned>(pt.label) >= static_cast<unsigned>(K) ? 1u : 0u) | pt.labels;
  }
  std::memcpy(&x0, a0, sizeof x0);
  std::memcpy(&x1, a1, sizeof x1);
  std::memcpy(&yd, ay, sizeof yd);
  return bad;
}

// The same for the sigmoid loss, whose points may have several labels: their targets t_j (bit j
// of the label mask) and weights c (the mean of their labels' class weights, as ClassWeights);
// invalid is a label outside [0, K).
template <class V, bool kSubset, int K>
[[gnu::always_inline]] inline unsigned load_targets(const Input& in, std::size_t i,
                                                    const Coefficients<K>& P, V& x0, V& x1, V* t,
                                                    V& c) {
  constexpr std::size_t L = kWidth<V>;
  double a0[L], a1[L], at[K][L], ac[L];
  unsigned bad = 0;
  for (std::size_t l = 0; l < L; ++l) {
    const std::size_t index = kSubset ? static_cast<std::size_t>(in.subset[i + l]) : i + l;
    const Point& pt = in.points[index];
    a0[l] = pt.x0;
    a1[l] = pt.x1;
    const bool ok = static_cast<unsigned>(pt.label) < static_cast<unsigned>(K);
    const unsigned mask = pt.labels != 0 ? unsigned{pt.labels} : ok ? 1u << pt.label : 1u;
    bad |= (ok ? 0u : 1u) | (mask >> K);
    double sum = 0.0;
    int count = 0;
    for (int j = 0; j < K; ++j) {
      const bool on = (mask >> j) & 1u;
      at[j][l] = on ? 1.0 : 0.0;
      if (on && count++ == 0)
        sum = P.c[j];
      else if (on)
        sum += P.c[j];
    }
    ac[l] = count > 1 ? sum / count : sum;
  }
  std::memcpy(&x0, a0, sizeof x0);
  std::memcpy(&x1, a1, sizeof x1);
  for (int j = 0; j < K; ++j) std::memcpy(&t[j], at[j], sizeof t[j]);
  std::memcpy(&c, ac, sizeof c);
  return bad;
}

// The sigmoid loss's L_i and dL_i/ds_j from the scores and targets.
template <int K, class V, class Math>
[[gnu::always_inline]] inline V sigmoid_terms(const V* s, const V* t, V* ds) {
  V li{};
  for (int j = 0; j < K; ++j) {
    const V e = Math::exp(s[j] < 0.0 ? s[j] : -s[j]);  // e^{-|s_j|}
    li += loss_detail::sigmoid_term(s[j], t[j], e, Math::log1p(e), ds[j]);
  }
  return li;
}

// L_i of the lanes' points and dL_i/ds_j into ds, from their scores s and labels yd.
template <LossKind kind, int K, class V, class Math>
[[gnu::always_inline]] inline V terms(const Coefficients<K>& P, const V* s, V yd, V* ds) {
  using Mask = decltype(yd == yd);
  const V zero{};
  Mask own[K];
  for (int j = 0; j < K; ++j) own[j] = yd == splat<V>(j);
  V sy = s[0];  // the label's score
  for (int j = 1; j < K; ++j) sy = own[j] ? s[j] : sy;
  if constexpr (kind == LossKind::WestonWatkins) {
    V li{}, dsum{};
    for (int j = 0; j < K; ++j) {
      V dh;
      const V h = loss_detail::hinge(loss_detail::margin(s[j], sy, P.delta), P.squared, dh);
      li += own[j] ? zero : h;
      ds[j] = own[j] ? zero : dh;
      dsum += ds[j];
    }
    for (int j = 0; j < K; ++j) ds[j] = own[j] ? -dsum : ds[j];
    return li;
  } else if constexpr (kind == LossKind::Softmax) {
    const V ce = loss_detail::softmax_ce(s, K, sy, ds, Math::exp, Math::log);
    for (int j = 0; j < K; ++j) ds[j] = own[j] ? ds[j] - 1.0 : ds[j];
    return ce;
  } else {
    static_assert(kind == LossKind::Focal);
    const V ce = loss_detail::softmax_ce(s, K, sy, ds, Math::exp, Math::log);
    V q{}, py{}, factor;
    for (int j = 0; j < K; ++j) {
      q += own[j] ? zero : ds[j];
      py = own[j] ? ds[j] : py;
    }
    const V li = loss_detail::focal_modulate(ce, q, py, P.gamma, P.alpha, factor, Math::pow);
    for (int j = 0; j < K; ++j) ds[j] = (own[j] ? ds[j] - 1.0 : ds[j]) * factor;
    return li;
  }
}

// The sums of points [begin, end) (end - begin a multiple of the width) into `out`; returns
// non-zero when one of them is invalid.
template <LossKind kind, int K, class V, class Math, bool kSubset>
[[gnu::always_inline]] inline unsigned run(const Input& in, const Coefficients<K>& P,
                                           std::size_t begin, std::size_t end, Sums& out) {
  constexpr std::size_t L = kWidth<V>;
  Accumulators<V, K> acc;
  unsigned bad = 0;
  for (std::size_t i = begin; i < end; i += L) {
    V x0, x1, c, s[K], ds[K], li;
    if constexpr (kind == LossKind::Sigmoid) {
      V t[K];
      bad |= load_targets<V, kSubset, K>(in, i, P, x0, x1, t, c);
      for (int j = 0; j < K; ++j) s[j] = P.w0[j] * x0 + P.w1[j] * x1 + P.b[j];
      li = sigmoid_terms<K, V, Math>(s, t, ds);
    } else {
      V yd;
      bad |= load<V, kSubset>(in, i, K, x0, x1, yd);
      // s_j = w_j0 x0 + w_j1 x1 + b_j (point_scores' operations; no fused multiply-add)
      for (int j = 0; j < K; ++j) s[j] = P.w0[j] * x0 + P.w1[j] * x1 + P.b[j];
      c = splat<V>(P.c[0]);  // the label's class weight
      for (int j = 1; j < K; ++j) c = yd == splat<V>(j) ? splat<V>(P.c[j]) : c;
      li = terms<kind, K, V, Math>(P, s, yd, ds);
    }
    acc.loss += c * li;
    acc.weight += c;
    for (int j = 0; j < K; ++j) {
      const V d = c * ds[j];
      acc.g0[j] += d * x0;
      acc.g1[j] += d * x1;
      acc.gb[j] += d;
    }
  }
  acc.add_to(out);
  return bad;
}

template <LossKind kind, int K, class V, class Math>
[[gnu::always_inline]] inline unsigned run(const Input& in, const Coefficients<K>& P,
                                           std::size_t begin, std::size_t end, Sums& out) {
  return in.subset ? run<kind, K, V, Math, true>(in, P, begin, end, out)
                   : run<kind, K, V, Math, false>(in, P, begin, end, out);
}

// The AVX2 kernel over points [0, end) (end a multiple of 4): run with four-point vectors and
// libmvec's exp and log. Defined, for both loss kinds and every K, in
// core/loss_kernels_avx2.cpp, the one file compiled for AVX2 (when LOSSLAB_AVX2_KERNELS is 1);
// call it only when the CPU has AVX2.
template <LossKind kind, int K>
unsigned run_avx2(const Input& in, const Coefficients<K>& P, std::size_t end, Sums& out) noexcept;

}  // namespace ll::loss_kernels::lanes
