#pragma once
// The block kernels of loss_gradient's hot loop (internal to core/losses.cpp). Points arrive in
// blocks of up to kBlock as columns (x0[], x1[], label[], weight[]); each kernel computes the K
// score rows of a block, then each point's weighted dL_i/ds_j in place of its scores, and adds
// w_i L_i, w_i and the gradient sums into kLanes independent partial sums. Every loop runs over
// the points of a block with K unrolled and no branch, so that the compiler vectorizes it.
//
// Each kernel is point_loss_t (core/point_loss.h) rewritten over a block, with the same
// formulas in the same order (hinge, margin, softmax's log-sum-exp, focal_modulate,
// sigmoid_term): a point's L_i and dL_i/ds_j are those of point_loss_t up to the few ulp of the
// vectorized exp/log, and only the order of the sums over points differs.
// tests/core/loss_blocks_test.cpp checks every loss kind against the per-point definition.
#include <cmath>
#include <cstddef>

#include "core/point_loss.h"
#include "core/scene.h"
#include "core/vector_math.h"

namespace ll::loss_blocks {

inline constexpr std::size_t kBlock = 256;  // points per block
inline constexpr std::size_t kLanes = 8;    // independent partial sums (vector lanes)

// Entries of a block's columns that the kernels read: n rounded up to whole lanes.
constexpr std::size_t padded(std::size_t n) { return (n + kLanes - 1) / kLanes * kLanes; }

// One block of n points. Every column holds padded(n) entries; those past n have weight c = 0
// and finite coordinates, so they add nothing.
struct Block {
  const double* x0 = nullptr;
  const double* x1 = nullptr;
  const int* y = nullptr;          // the label (the lowest one of a multi-label point)
  const unsigned* mask = nullptr;  // label masks when the block holds a multi-label point
  const double* c = nullptr;       // the point's weight w_{y_i}
  std::size_t n = 0;
};

// Partial sums, lane l holding the points i = l (mod kLanes) of every block.
template <int K>
struct Lanes {
  alignas(64) double loss[kLanes] = {}, weight[kLanes] = {};
  alignas(64) double g0[K][kLanes] = {}, g1[K][kLanes] = {}, gb[K][kLanes] = {};
};

template <int K>
struct Coefficients {
  double w0[K], w1[K], b[K];
  explicit Coefficients(const Params& p) {
    for (int j = 0; j < K; ++j) {
      w0[j] = p.W(j, 0);
      w1[j] = p.W(j, 1);
      b[j] = p.b(j);
    }
  }
};

template <int K>
using Rows = double[K][kBlock];

// s_j = w_j0 x0 + w_j1 x1 + b_j (point_scores' order of operations).
template <int K>
[[gnu::always_inline]] inline void scores(const Coefficients<K>& P, const Block& b, Rows<K>& s) {
  const std::size_t n = padded(b.n);
  for (int j = 0; j < K; ++j) {
    const double w0 = P.w0[j], w1 = P.w1[j], bj = P.b[j];
    for (std::size_t i = 0; i < n; ++i) s[j][i] = w0 * b.x0[i] + w1 * b.x1[i] + bj;
  }
}

// The labels as doubles (for branch-free selects against the class index) and the label's score.
template <int K>
[[gnu::always_inline]] inline void label_scores(const Block& b, const Rows<K>& s, double* yd,
                                                double* sy) {
  const std::size_t n = padded(b.n);
  for (std::size_t i = 0; i < n; ++i) yd[i] = b.y[i];
  for (std::size_t i = 0; i < n; ++i) {
    double v = s[0][i];
    for (int j = 1; j < K; ++j) v = yd[i] == j ? s[j][i] : v;
    sy[i] = v;
  }
}

// Adds the block's sum_i c_i L_i and sum_i c_i.
template <int K>
[[gnu::always_inline]] inline void add_losses(const double* li, const Block& b, Lanes<K>& out) {
  const std::size_t n = padded(b.n);
  double a[kLanes] = {}, w[kLanes] = {};
  for (std::size_t i = 0; i < n; i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) {
      a[l] += b.c[i + l] * li[i + l];
      w[l] += b.c[i + l];
    }
  }
  for (std::size_t l = 0; l < kLanes; ++l) {
    out.loss[l] += a[l];
    out.weight[l] += w[l];
  }
}

// Adds the gradient sums of the block's weighted dL_i/ds_j, d[j][i].
template <int K>
[[gnu::always_inline]] inline void add_gradient(const Rows<K>& d, const Block& b, Lanes<K>& out) {
  const std::size_t n = padded(b.n);
  for (int j = 0; j < K; ++j) {
    double a0[kLanes] = {}, a1[kLanes] = {}, ab[kLanes] = {};
    for (std::size_t i = 0; i < n; i += kLanes) {
      for (std::size_t l = 0; l < kLanes; ++l) {
        a0[l] += d[j][i + l] * b.x0[i + l];
        a1[l] += d[j][i + l] * b.x1[i + l];
        ab[l] += d[j][i + l];
      }
    }
    for (std::size_t l = 0; l < kLanes; ++l) {
      out.g0[j][l] += a0[l];
      out.g1[j][l] += a1[l];
      out.gb[j][l] += ab[l];
    }
  }
}

// Weston-Watkins: L_i = sum_{j != y} h(margin(s_j, s_y, delta)); dL/ds_j = h'(m_j) for j != y
// and dL/ds_y = -sum_{j != y} h'(m_j), as point_loss_t<WestonWatkins> (which subtracts the
// same terms one by one from 0: the same number).
template <int K, bool kSquared>
[[gnu::always_inline]] inline void weston_watkins(double delta, const Block& b, Rows<K>& s,
                                                  Lanes<K>& out) {
  const std::size_t n = padded(b.n);
  alignas(64) double yd[kBlock], sy[kBlock], li[kBlock], dsum[kBlock];
  label_scores<K>(b, s, yd, sy);
  for (std::size_t i = 0; i < n; ++i) li[i] = dsum[i] = 0.0;
  for (int j = 0; j < K; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      const bool own = yd[i] == j;
      double dh = 0.0;
      const double h = loss_detail::hinge(loss_detail::margin(s[j][i], sy[i], delta), kSquared, dh);
      li[i] += own ? 0.0 : h;
      dh = own ? 0.0 : dh;
      dsum[i] += dh;
      s[j][i] = dh;
    }
  }
  for (int j = 0; j < K; ++j) {
    for (std::size_t i = 0; i < n; ++i) s[j][i] = b.c[i] * (yd[i] == j ? -dsum[i] : s[j][i]);
  }
  add_losses<K>(li, b, out);
}

// Softmax, and focal as its modulation: p_j = e^{s_j - m} / sum, ce = ln sum + m - s_y (as
// softmax_probs), then focal_modulate per point; dL/ds_j = c (p_j - [j == y]).
template <int K, bool kFocal>
[[gnu::always_inline]] inline void softmax(const LossSettings& st, const Block& b, Rows<K>& e,
                                           Lanes<K>& out) {
  const std::size_t n = padded(b.n);
  alignas(64) double yd[kBlock], sy[kBlock], mx[kBlock], sum[kBlock], lg[kBlock], li[kBlock],
      cf[kBlock];
  label_scores<K>(b, e, yd, sy);
  for (std::size_t i = 0; i < n; ++i) {
    double m = e[0][i];
    for (int j = 1; j < K; ++j) m = std::max(m, e[j][i]);
    mx[i] = m;
  }
  for (int j = 0; j < K; ++j) {
    for (std::size_t i = 0; i < n; ++i) e[j][i] -= mx[i];
    vmath::exp_inplace(e[j], n);
  }
  for (std::size_t i = 0; i < n; ++i) {
    double v = e[0][i];
    for (int j = 1; j < K; ++j) v += e[j][i];
    sum[i] = lg[i] = v;
  }
  vmath::log_inplace(lg, n);
  for (std::size_t i = 0; i < n; ++i) sum[i] = 1.0 / sum[i];
  for (int j = 0; j < K; ++j) {
    for (std::size_t i = 0; i < n; ++i) e[j][i] *= sum[i];  // probabilities
  }
  for (std::size_t i = 0; i < n; ++i) li[i] = lg[i] + mx[i] - sy[i];  // ce = -ln p_y
  if constexpr (kFocal) {
    for (std::size_t i = 0; i < n; ++i) {
      double q = 0.0, py = 0.0;
      for (int j = 0; j < K; ++j) {
        q += yd[i] == j ? 0.0 : e[j][i];
        py = yd[i] == j ? e[j][i] : py;
      }
      double factor = 0.0;
      li[i] = loss_detail::focal_modulate(li[i], q, py, st.gamma, st.alpha, factor);
      cf[i] = b.c[i] * factor;
    }
  } else {
    (void)st;
    for (std::size_t i = 0; i < n; ++i) cf[i] = b.c[i];
  }
  for (int j = 0; j < K; ++j) {
    for (std::size_t i = 0; i < n; ++i) e[j][i] = cf[i] * (yd[i] == j ? e[j][i] - 1.0 : e[j][i]);
  }
  add_losses<K>(li, b, out);
}

// Sigmoid: sum_j sigmoid_term(s_j, t_j, e^{-|s_j|}, ln(1 + e^{-|s_j|})) with t_j = [j == y], or
// bit j of the point's label mask in a block holding multi-label points.
template <int K>
[[gnu::always_inline]] inline void sigmoid(const Block& b, Rows<K>& s, Lanes<K>& out) {
  const std::size_t n = padded(b.n);
  alignas(64) double ex[K][kBlock], lp[K][kBlock], t[K][kBlock], li[kBlock];
  for (int j = 0; j < K; ++j) {
    for (std::size_t i = 0; i < n; ++i) ex[j][i] = -std::abs(s[j][i]);
    vmath::exp_inplace(ex[j], n);
    for (std::size_t i = 0; i < n; ++i) lp[j][i] = ex[j][i];
    vmath::log1p_inplace(lp[j], n);
  }
  if (b.mask) {
    for (int j = 0; j < K; ++j) {
      for (std::size_t i = 0; i < n; ++i) t[j][i] = static_cast<double>((b.mask[i] >> j) & 1u);
    }
  } else {
    for (int j = 0; j < K; ++j) {
      for (std::size_t i = 0; i < n; ++i) t[j][i] = b.y[i] == j ? 1.0 : 0.0;
    }
  }
  for (std::size_t i = 0; i < n; ++i) li[i] = 0.0;
  for (int j = 0; j < K; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      double d = 0.0;
      li[i] += loss_detail::sigmoid_term(s[j][i], t[j][i], ex[j][i], lp[j][i], d);
      s[j][i] = b.c[i] * d;
    }
  }
  add_losses<K>(li, b, out);
}

// The other losses (one-vs-all, structured): point_loss_t itself, point by point.
template <LossKind kind, int K>
[[gnu::always_inline]] inline void per_point(const LossSettings& st, const Block& b, Rows<K>& s,
                                             Lanes<K>& out) {
  const std::size_t n = padded(b.n);
  alignas(64) double li[kBlock];
  for (std::size_t i = 0; i < b.n; ++i) {
    double sc[K], ds[K];
    for (int j = 0; j < K; ++j) sc[j] = s[j][i];
    li[i] = loss_detail::point_loss_t<kind, K>(st, sc, K, b.y[i], 1u << b.y[i], ds);
    for (int j = 0; j < K; ++j) s[j][i] = b.c[i] * ds[j];
  }
  for (std::size_t i = b.n; i < n; ++i) {
    li[i] = 0.0;
    for (int j = 0; j < K; ++j) s[j][i] = 0.0;
  }
  add_losses<K>(li, b, out);
}

// One block: scores, the loss kind's terms, the gradient sums.
template <LossKind kind, int K>
[[gnu::always_inline]] inline void block(const Coefficients<K>& P, const LossSettings& st,
                                         const Block& b, Rows<K>& s, Lanes<K>& out) {
  scores<K>(P, b, s);
  if constexpr (kind == LossKind::WestonWatkins) {
    if (st.squared) {
      weston_watkins<K, true>(st.delta, b, s, out);
    } else {
      weston_watkins<K, false>(st.delta, b, s, out);
    }
  } else if constexpr (kind == LossKind::Softmax || kind == LossKind::Focal) {
    softmax<K, kind == LossKind::Focal>(st, b, s, out);
  } else if constexpr (kind == LossKind::Sigmoid) {
    sigmoid<K>(b, s, out);
  } else {
    per_point<kind, K>(st, b, s, out);
  }
  add_gradient<K>(s, b, out);
}

}  // namespace ll::loss_blocks
