#include "core/optimizer.h"

#include <cmath>
#include <numeric>

namespace ll {

namespace {
bool finite(const Params& p) { return p.W.allFinite() && p.b.allFinite(); }
}  // namespace

LossRecord record(const Scene& scene) {
  const LossGradient g = loss_gradient(scene.points, scene.params, scene.loss);
  return {g.data_loss, g.reg_loss, g.total_loss, accuracy(scene.points, scene.params)};
}

void Optimizer::reset() {
  rng_ = Rng(settings_.seed);
  order_.clear();
  cursor_ = 0;
  vW_.resize(0, 2);
  mW_.resize(0, 2);
  sW_.resize(0, 2);
  vb_.resize(0);
  mb_.resize(0);
  sb_.resize(0);
  steps_ = 0;
}

void Optimizer::set_settings(const OptimizerSettings& s) {
  OptimizerSettings a = settings_, b = s;
  a.lr = b.lr = 0.0;
  const bool only_lr = a == b;
  settings_ = s;
  if (!only_lr) reset();
}

std::span<const int> Optimizer::next_batch(std::size_t n) {
  const auto batch = static_cast<std::size_t>(std::max(1, settings_.batch));
  if (settings_.kind == OptimizerKind::GD || batch >= n) return {};
  if (order_.size() != n) {
    order_.resize(n);
    cursor_ = n;  // force a shuffle
  }
  if (cursor_ + batch > n) {  // start a new epoch (the remainder of the old one is dropped)
    std::iota(order_.begin(), order_.end(), 0);
    rng_.shuffle(order_);
    cursor_ = 0;
  }
  std::span<const int> out(order_.data() + cursor_, batch);
  cursor_ += batch;
  return out;
}

StepStatus Optimizer::step(Scene& scene) {
  if (scene.points.empty()) return StepStatus::NoData;
  const int K = scene.classes();
  const LossGradient g = loss_gradient(scene.points, scene.params, scene.loss,
                                       next_batch(scene.points.size()));
  const Params before = scene.params;
  Params& p = scene.params;
  const double lr = settings_.lr;
  switch (settings_.kind) {
    case OptimizerKind::GD:
    case OptimizerKind::SGD:
      p.W -= lr * g.dW;
      p.b -= lr * g.db;
      break;
    case OptimizerKind::Momentum:
      if (vW_.rows() != K) {
        vW_ = WeightMatrix::Zero(K, 2);
        vb_ = BiasVector::Zero(K);
      }
      vW_ = settings_.momentum * vW_ - lr * g.dW;
      vb_ = settings_.momentum * vb_ - lr * g.db;
      p.W += vW_;
      p.b += vb_;
      break;
    case OptimizerKind::Adam: {
      if (mW_.rows() != K) {
        mW_ = sW_ = WeightMatrix::Zero(K, 2);
        mb_ = sb_ = BiasVector::Zero(K);
      }
      const double b1 = settings_.beta1, b2 = settings_.beta2, eps = settings_.epsilon;
      mW_ = b1 * mW_ + (1 - b1) * g.dW;
      mb_ = b1 * mb_ + (1 - b1) * g.db;
      sW_ = b2 * sW_ + (1 - b2) * g.dW.cwiseAbs2();
      sb_ = b2 * sb_ + (1 - b2) * g.db.cwiseAbs2();
      const double t = static_cast<double>(steps_ + 1);
      const double c1 = 1.0 - std::pow(b1, t), c2 = 1.0 - std::pow(b2, t);
      p.W.array() -= lr * (mW_.array() / c1) / ((sW_.array() / c2).sqrt() + eps);
      p.b.array() -= lr * (mb_.array() / c1) / ((sb_.array() / c2).sqrt() + eps);
      break;
    }
  }
  if (!finite(p) || p.W.cwiseAbs().maxCoeff() > kParamBound ||
      p.b.cwiseAbs().maxCoeff() > kParamBound) {
    p = before;
    reset();
    return StepStatus::Diverged;
  }
  ++steps_;
  return StepStatus::Ok;
}

TrainResult train(Scene& scene, long steps) {
  TrainResult r;
  Optimizer opt(scene.optimizer);
  r.history.reserve(static_cast<std::size_t>(std::max(0L, steps)) + 1);
  for (long i = 0; i < steps; ++i) {
    r.history.push_back(record(scene));
    r.status = opt.step(scene);
    if (r.status != StepStatus::Ok) break;
    ++r.steps_done;
  }
  r.history.push_back(record(scene));
  // A step that diverged, after reverting, leaves the same parameters: the last record equals the
  // one before it. Keep it: history always ends with the state the scene is left in.
  if (r.status == StepStatus::Ok && !std::isfinite(r.history.back().total_loss)) {
    r.status = StepStatus::Diverged;
  }
  return r;
}

}  // namespace ll
