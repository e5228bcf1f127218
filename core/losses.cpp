#include "core/losses.h"

#include <algorithm>
#include <cmath>

#include "core/regularizer.h"

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
  for (int j = 0; j < K; ++j) ds[j] = 0.0;
  double loss = 0.0;
  double dh = 0.0;
  switch (s.kind) {
    case LossKind::WestonWatkins:
      for (int j = 0; j < K; ++j) {
        if (j == y) continue;
        loss += hinge(sc[j] - sc[y] + s.delta, s.squared, dh);
        ds[j] += dh;
        ds[y] -= dh;
      }
      break;
    case LossKind::OneVsAll:
      for (int j = 0; j < K; ++j) {
        const double t = j == y ? 1.0 : -1.0;
        loss += hinge(s.delta - t * sc[j], s.squared, dh);
        ds[j] -= t * dh;
      }
      break;
    case LossKind::Structured: {
      int best = -1;
      for (int j = 0; j < K; ++j) {
        if (j != y && (best < 0 || sc[j] > sc[best])) best = j;
      }
      loss = hinge(sc[best] - sc[y] + s.delta, s.squared, dh);
      ds[best] += dh;
      ds[y] -= dh;
      break;
    }
    case LossKind::Softmax: {
      const double mx = *std::max_element(sc, sc + K);
      double sum = 0.0;
      for (int j = 0; j < K; ++j) {
        ds[j] = std::exp(sc[j] - mx);
        sum += ds[j];
      }
      loss = std::log(sum) + mx - sc[y];
      const double inv = 1.0 / sum;
      for (int j = 0; j < K; ++j) ds[j] *= inv;
      ds[y] -= 1.0;
      break;
    }
  }
  return loss;
}

LossGradient loss_gradient(const std::vector<Point>& points, const Params& p,
                           const LossSettings& s, std::span<const int> subset) {
  const int K = p.classes();
  LossGradient out;
  out.dW = WeightMatrix::Zero(K, 2);
  out.db = BiasVector::Zero(K);

  // Accumulate in plain arrays: the compiler keeps them in registers for small K.
  double gw0[kMaxClasses] = {}, gw1[kMaxClasses] = {}, gb[kMaxClasses] = {};
  double w0[kMaxClasses], w1[kMaxClasses], bb[kMaxClasses];
  for (int j = 0; j < K; ++j) {
    w0[j] = p.W(j, 0);
    w1[j] = p.W(j, 1);
    bb[j] = p.b(j);
  }
  double sc[kMaxClasses] = {}, ds[kMaxClasses] = {};
  double loss_sum = 0.0;
  auto accumulate = [&](const Point& pt) {
    for (int j = 0; j < K; ++j) sc[j] = w0[j] * pt.x0 + w1[j] * pt.x1 + bb[j];
    loss_sum += point_loss(s, sc, K, pt.label, ds);
    for (int j = 0; j < K; ++j) {
      gw0[j] += ds[j] * pt.x0;
      gw1[j] += ds[j] * pt.x1;
      gb[j] += ds[j];
    }
  };
  std::size_t n = 0;
  if (subset.empty()) {
    for (const Point& pt : points) accumulate(pt);
    n = points.size();
  } else {
    for (int i : subset) accumulate(points[static_cast<std::size_t>(i)]);
    n = subset.size();
  }

  const double inv_n = n > 0 ? 1.0 / static_cast<double>(n) : 0.0;
  for (int j = 0; j < K; ++j) {
    out.dW(j, 0) = gw0[j] * inv_n;
    out.dW(j, 1) = gw1[j] * inv_n;
    out.db(j) = gb[j] * inv_n;
  }
  out.data_loss = loss_sum * inv_n;
  out.reg_loss = reg_loss(p.W, s);
  out.total_loss = out.data_loss + out.reg_loss;
  add_reg_gradient(p.W, s, out.dW);
  return out;
}

Evaluation evaluate(const std::vector<Point>& points, const Params& p, const LossSettings& s) {
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
  e.accuracy = correct * inv_n;
  add_reg_gradient(p.W, s, e.dW);
  return e;
}

}  // namespace ll
