#include "core/losses.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/regularizer.h"
#include "core/vector_math.h"

namespace ll {

namespace {

// Hinge h(m) and its derivative.
inline double hinge(double m, bool squared, double& dh) {
  if (m <= 0.0) {
    dh = 0.0;
    return 0.0;
  }
  if (squared) {
    dh = 2.0 * m;
    return m * m;
  }
  dh = 1.0;
  return m;
}

// The one definition of every per-point loss. KK is the number of classes when known at compile
// time (2..8), or 0 to use the run-time `k`; the compiler unrolls the fixed-size loops.
template <LossKind kind, int KK>
inline double point_loss_t(const LossSettings& s, const double* sc, int k, int y, double* ds) {
  const int K = KK > 0 ? KK : k;
  for (int j = 0; j < K; ++j) ds[j] = 0.0;
  double loss = 0.0;
  double dh = 0.0;
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
  } else {  // Softmax: log-sum-exp with the max subtracted
    double mx = sc[0];
    for (int j = 1; j < K; ++j) mx = std::max(mx, sc[j]);
    double sum = 0.0;
    for (int j = 0; j < K; ++j) {
      ds[j] = std::exp(sc[j] - mx);
      sum += ds[j];
    }
    loss = std::log(sum) + mx - sc[y];
    const double inv = 1.0 / sum;
    for (int j = 0; j < K; ++j) ds[j] *= inv;
    ds[y] -= 1.0;
  }
  return loss;
}

void check_params(const Params& p) {
  if (p.classes() < kMinClasses || p.classes() > kMaxClasses || p.b.size() != p.W.rows()) {
    throw std::invalid_argument("a classifier needs 2 to 8 classes and one bias per class");
  }
}

inline void check_label(int label, int K) {
  if (static_cast<unsigned>(label) >= static_cast<unsigned>(K)) {
    throw std::out_of_range("point label " + std::to_string(label) + " is outside [0, " +
                            std::to_string(K) + ")");
  }
}

struct Sums {
  double loss = 0.0;
  double gw0[kMaxClasses] = {}, gw1[kMaxClasses] = {}, gb[kMaxClasses] = {};

  void set(int K, double l, const double* w0, const double* w1, const double* b) {
    loss = l;
    std::copy(w0, w0 + K, gw0);
    std::copy(w1, w1 + K, gw1);
    std::copy(b, b + K, gb);
  }
};

// The hot loop: scores, loss and gradient of every point (or of `subset`) in one pass.
template <LossKind kind, int K>
void accumulate(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                std::span<const int> subset, Sums& out) {
  double w0[K], w1[K], bb[K], gw0[K] = {}, gw1[K] = {}, gb[K] = {};
  for (int j = 0; j < K; ++j) {
    w0[j] = p.W(j, 0);
    w1[j] = p.W(j, 1);
    bb[j] = p.b(j);
  }
  double loss = 0.0;
  auto add = [&](const Point& pt) {
    double sc[K], ds[K];
    check_label(pt.label, K);
    for (int j = 0; j < K; ++j) sc[j] = w0[j] * pt.x0 + w1[j] * pt.x1 + bb[j];
    loss += point_loss_t<kind, K>(s, sc, K, pt.label, ds);
    for (int j = 0; j < K; ++j) {
      gw0[j] += ds[j] * pt.x0;
      gw1[j] += ds[j] * pt.x1;
      gb[j] += ds[j];
    }
  };
  if (subset.empty()) {
    for (const Point& pt : points) add(pt);
  } else {
    for (int i : subset) add(points.at(static_cast<std::size_t>(i)));
  }
  out.set(K, loss, gw0, gw1, gb);
}

// Softmax over blocks of points, structure of arrays, so that exp and log run vectorized
// (vmath). Same formula as point_loss_t<Softmax>: L_i = ln sum_j e^{s_j - m} + m - s_y,
// dL_i/ds_j = p_j - [j == y]; the tests check that both agree.
template <int K>
void accumulate_softmax(const std::vector<Point>& points, const Params& p,
                        std::span<const int> subset, Sums& out) {
  constexpr std::size_t B = 256;
  double w0[K], w1[K], bb[K], gw0[K] = {}, gw1[K] = {}, gb[K] = {};
  for (int j = 0; j < K; ++j) {
    w0[j] = p.W(j, 0);
    w1[j] = p.W(j, 1);
    bb[j] = p.b(j);
  }
  alignas(64) double x0[B], x1[B], mx[B], sum[B], sy[B];
  alignas(64) double e[K][B];
  int y[B];
  const std::size_t total = subset.empty() ? points.size() : subset.size();
  double loss = 0.0;
  for (std::size_t start = 0; start < total; start += B) {
    const std::size_t n = std::min(B, total - start);
    for (std::size_t i = 0; i < n; ++i) {
      const Point& pt = subset.empty() ? points[start + i]
                                       : points.at(static_cast<std::size_t>(subset[start + i]));
      check_label(pt.label, K);
      x0[i] = pt.x0;
      x1[i] = pt.x1;
      y[i] = pt.label;
    }
    for (int j = 0; j < K; ++j) {
      for (std::size_t i = 0; i < n; ++i) e[j][i] = w0[j] * x0[i] + w1[j] * x1[i] + bb[j];
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
    for (std::size_t i = 0; i < n; ++i) {
      const double inv = 1.0 / sum[i];
      for (int j = 0; j < K; ++j) e[j][i] *= inv;  // probabilities
      e[y[i]][i] -= 1.0;                           // dL_i/ds_j
    }
    vmath::log_inplace(sum, n);
    for (std::size_t i = 0; i < n; ++i) loss += sum[i] + mx[i] - sy[i];
    for (int j = 0; j < K; ++j) {
      double a0 = 0.0, a1 = 0.0, ab = 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        a0 += e[j][i] * x0[i];
        a1 += e[j][i] * x1[i];
        ab += e[j][i];
      }
      gw0[j] += a0;
      gw1[j] += a1;
      gb[j] += ab;
    }
  }
  out.set(K, loss, gw0, gw1, gb);
}

template <LossKind kind>
void accumulate_k(int K, const std::vector<Point>& points, const Params& p, const LossSettings& s,
                  std::span<const int> subset, Sums& out) {
  if constexpr (kind == LossKind::Softmax) {
    switch (K) {
      case 2:
        return accumulate_softmax<2>(points, p, subset, out);
      case 3:
        return accumulate_softmax<3>(points, p, subset, out);
      case 4:
        return accumulate_softmax<4>(points, p, subset, out);
      case 5:
        return accumulate_softmax<5>(points, p, subset, out);
      case 6:
        return accumulate_softmax<6>(points, p, subset, out);
      case 7:
        return accumulate_softmax<7>(points, p, subset, out);
      default:
        return accumulate_softmax<kMaxClasses>(points, p, subset, out);
    }
  }
  switch (K) {
    case 2:
      return accumulate<kind, 2>(points, p, s, subset, out);
    case 3:
      return accumulate<kind, 3>(points, p, s, subset, out);
    case 4:
      return accumulate<kind, 4>(points, p, s, subset, out);
    case 5:
      return accumulate<kind, 5>(points, p, s, subset, out);
    case 6:
      return accumulate<kind, 6>(points, p, s, subset, out);
    case 7:
      return accumulate<kind, 7>(points, p, s, subset, out);
    default:
      return accumulate<kind, kMaxClasses>(points, p, s, subset, out);
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

double point_loss(const LossSettings& s, const double* sc, int K, int y, double* ds) {
  switch (s.kind) {
    case LossKind::WestonWatkins:
      return point_loss_t<LossKind::WestonWatkins, 0>(s, sc, K, y, ds);
    case LossKind::OneVsAll:
      return point_loss_t<LossKind::OneVsAll, 0>(s, sc, K, y, ds);
    case LossKind::Structured:
      return point_loss_t<LossKind::Structured, 0>(s, sc, K, y, ds);
    case LossKind::Softmax:
      return point_loss_t<LossKind::Softmax, 0>(s, sc, K, y, ds);
  }
  return 0.0;
}

LossGradient loss_gradient(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                           std::span<const int> subset) {
  check_params(p);
  const int K = p.classes();
  Sums sums;
  switch (s.kind) {
    case LossKind::WestonWatkins:
      accumulate_k<LossKind::WestonWatkins>(K, points, p, s, subset, sums);
      break;
    case LossKind::OneVsAll:
      accumulate_k<LossKind::OneVsAll>(K, points, p, s, subset, sums);
      break;
    case LossKind::Structured:
      accumulate_k<LossKind::Structured>(K, points, p, s, subset, sums);
      break;
    case LossKind::Softmax:
      accumulate_k<LossKind::Softmax>(K, points, p, s, subset, sums);
      break;
  }
  const std::size_t n = subset.empty() ? points.size() : subset.size();
  const double inv_n = n > 0 ? 1.0 / static_cast<double>(n) : 0.0;
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
  double sc[kMaxClasses] = {}, ds[kMaxClasses] = {};
  int correct = 0;
  for (Eigen::Index i = 0; i < N; ++i) {
    const Point& pt = points[static_cast<std::size_t>(i)];
    check_label(pt.label, K);
    point_scores(p, pt, sc);
    e.losses(i) = point_loss(s, sc, K, pt.label, ds);
    e.predictions(i) = argmax(sc, K);
    correct += e.predictions(i) == pt.label ? 1 : 0;
    for (int j = 0; j < K; ++j) {
      e.scores(i, j) = sc[j];
      e.dscores(i, j) = ds[j];
      e.dW(j, 0) += ds[j] * pt.x0;
      e.dW(j, 1) += ds[j] * pt.x1;
      e.db(j) += ds[j];
    }
  }
  const double inv_n = N > 0 ? 1.0 / static_cast<double>(N) : 0.0;
  e.dW *= inv_n;
  e.db *= inv_n;
  e.data_loss = e.losses.sum() * inv_n;
  e.reg_loss = reg_loss(p.W, s);
  e.total_loss = e.data_loss + e.reg_loss;
  e.accuracy = N > 0 ? static_cast<double>(correct) / static_cast<double>(N) : 0.0;
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
    correct += argmax(sc, p.classes()) == pt.label ? 1 : 0;
  }
  return static_cast<double>(correct) / static_cast<double>(points.size());
}

}  // namespace ll
