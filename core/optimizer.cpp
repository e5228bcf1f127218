#include "core/optimizer.h"

#include <cmath>
#include <numeric>

namespace ll {

namespace {
bool finite(const Params& p) { return p.W.allFinite() && p.b.allFinite(); }

template <class Mat>
void project_max_norm_t(Mat& W, double c) {
  if (!(c > 0.0)) return;
  for (Eigen::Index k = 0; k < W.rows(); ++k) {
    const double norm = W.row(k).norm();
    // A non-finite norm is left to the divergence check rather than scaled to zero.
    if (!(norm > c) || !std::isfinite(norm)) continue;
    W.row(k) *= c / norm;
    // Rounding can leave the norm an ulp above c: shrink by an ulp until it holds exactly.
    while (W.row(k).norm() > c) W.row(k) *= 1.0 - 0x1p-52;
  }
}

template <class Mat>
void apply_update_t(const OptimizerSettings& settings, long t, const Mat& dW, const BiasVector& db,
                    Mat& W, BiasVector& b, UpdateState<Mat>& st) {
  const double lr = settings.lr;
  switch (settings.kind) {
    case OptimizerKind::GD:
    case OptimizerKind::SGD:
      W -= lr * dW;
      b -= lr * db;
      break;
    case OptimizerKind::Momentum:
      if (st.vW.rows() != W.rows() || st.vW.cols() != W.cols()) {
        st.vW = Mat::Zero(W.rows(), W.cols());
        st.vb = BiasVector::Zero(W.rows());
      }
      st.vW = settings.momentum * st.vW - lr * dW;
      st.vb = settings.momentum * st.vb - lr * db;
      W += st.vW;
      b += st.vb;
      break;
    case OptimizerKind::Adam: {
      if (st.mW.rows() != W.rows() || st.mW.cols() != W.cols()) {
        st.mW = st.sW = Mat::Zero(W.rows(), W.cols());
        st.mb = st.sb = BiasVector::Zero(W.rows());
      }
      const double b1 = settings.beta1, b2 = settings.beta2, eps = settings.epsilon;
      st.mW = b1 * st.mW + (1 - b1) * dW;
      st.mb = b1 * st.mb + (1 - b1) * db;
      st.sW = b2 * st.sW + (1 - b2) * dW.cwiseAbs2();
      st.sb = b2 * st.sb + (1 - b2) * db.cwiseAbs2();
      const double tt = static_cast<double>(t + 1);
      const double c1 = 1.0 - std::pow(b1, tt), c2 = 1.0 - std::pow(b2, tt);
      W.array() -= lr * (st.mW.array() / c1) / ((st.sW.array() / c2).sqrt() + eps);
      b.array() -= lr * (st.mb.array() / c1) / ((st.sb.array() / c2).sqrt() + eps);
      break;
    }
  }
  project_max_norm_t(W, settings.max_norm);
}

}  // namespace

void project_max_norm(WeightMatrix& W, double c) { project_max_norm_t(W, c); }
void project_max_norm(Eigen::MatrixXd& W, double c) { project_max_norm_t(W, c); }

void apply_update(const OptimizerSettings& settings, long t, const WeightMatrix& dW,
                  const BiasVector& db, WeightMatrix& W, BiasVector& b,
                  UpdateState<WeightMatrix>& state) {
  apply_update_t(settings, t, dW, db, W, b, state);
}
void apply_update(const OptimizerSettings& settings, long t, const Eigen::MatrixXd& dW,
                  const BiasVector& db, Eigen::MatrixXd& W, BiasVector& b,
                  UpdateState<Eigen::MatrixXd>& state) {
  apply_update_t(settings, t, dW, db, W, b, state);
}

std::span<const int> EpochSampler::next(std::size_t n, int batch_size, bool full_batch) {
  const auto batch = static_cast<std::size_t>(std::max(1, batch_size));
  if (full_batch || batch >= n) {
    ++epochs_;
    size_ = 0;
    return {};
  }
  if (order_.size() != n) {
    order_.resize(n);
    cursor_ = n;  // force a shuffle
  }
  if (cursor_ + batch > n) {  // start a new epoch (the remainder of the old one is dropped)
    std::iota(order_.begin(), order_.end(), 0);
    rng_.shuffle(order_);
    cursor_ = 0;
    ++epochs_;
  }
  begin_ = cursor_;
  size_ = batch;
  cursor_ += batch;
  return last();
}

void EpochSampler::reset(std::uint64_t seed) {
  rng_ = Rng(seed);
  order_.clear();
  cursor_ = begin_ = size_ = 0;
}

LossRecord record(const Scene& scene) {
  const LossGradient g = loss_gradient(scene.points, scene.params, scene.loss);
  return {g.data_loss, g.reg_loss, g.total_loss, accuracy(scene.points, scene.params)};
}

void Optimizer::reset() {
  sampler_.reset(settings_.seed);
  state_.clear();
  steps_ = 0;
  have_last_ = false;
}

bool Optimizer::undo_if_exploded(Scene& scene, double loss) {
  if (!have_last_ || !(!std::isfinite(loss) || (loss > kLossBound && loss > last_loss_))) {
    return false;
  }
  // Only the step this optimizer took: not after an edit of the parameters, points or loss.
  if (scene.params != last_after_ || scene.loss != last_settings_ ||
      scene.points.size() != last_points_) {
    return false;
  }
  scene.params = last_before_;
  reset();
  return true;
}

void Optimizer::set_settings(const OptimizerSettings& s) {
  OptimizerSettings a = settings_, b = s;
  a.lr = b.lr = 0.0;
  const bool only_lr = a == b;
  settings_ = s;
  if (!only_lr) reset();
}

StepStatus Optimizer::step(Scene& scene) {
  undid_previous_ = false;
  if (scene.points.empty()) return StepStatus::NoData;
  const LossGradient g = loss_gradient(
      scene.points, scene.params, scene.loss,
      sampler_.next(scene.points.size(), settings_.batch, settings_.kind == OptimizerKind::GD));
  if (undo_if_exploded(scene, g.total_loss)) {
    undid_previous_ = true;
    return StepStatus::Diverged;
  }
  if (!std::isfinite(g.total_loss)) {  // nothing to undo (first step, or after an edit)
    reset();
    return StepStatus::Diverged;
  }
  const Params before = scene.params;
  Params& p = scene.params;
  apply_update(settings_, steps_, g.dW, g.db, p.W, p.b, state_);
  if (!finite(p) || p.W.cwiseAbs().maxCoeff() > kParamBound ||
      p.b.cwiseAbs().maxCoeff() > kParamBound) {
    p = before;
    reset();
    return StepStatus::Diverged;
  }
  ++steps_;
  have_last_ = true;
  last_before_ = before;
  last_after_ = p;
  last_settings_ = scene.loss;
  last_points_ = scene.points.size();
  last_loss_ = g.total_loss;
  return StepStatus::Ok;
}

long auto_record_every(const Scene& scene) {
  const std::size_t n = scene.points.size();
  const auto batch = static_cast<std::size_t>(std::max(1, scene.optimizer.batch));
  if (n <= 10'000 || scene.optimizer.kind == OptimizerKind::GD || batch >= n) return 1;
  return static_cast<long>(n / batch);
}

TrainResult train(Scene& scene, long steps, const TrainOptions& options) {
  TrainResult r;
  Optimizer opt(scene.optimizer);
  const long every = std::max(1L, options.record_every);
  auto add_record = [&] {
    if (!r.history_steps.empty() && r.history_steps.back() == r.steps_done) return;
    r.history.push_back(record(scene));
    r.history_steps.push_back(r.steps_done);
  };
  // After an undone step: forget the records of the states that were undone.
  auto drop_undone = [&] {
    while (!r.history_steps.empty() && r.history_steps.back() > r.steps_done) {
      r.history_steps.pop_back();
      r.history.pop_back();
    }
  };
  const auto expected = static_cast<std::size_t>(std::min(std::max(0L, steps) / every, 1'000'000L));
  r.history.reserve(expected + 2);
  r.history_steps.reserve(expected + 2);
  add_record();
  for (long i = 0; i < steps; ++i) {
    if (options.keep_going && !options.keep_going(r.steps_done)) {
      r.interrupted = true;
      break;
    }
    r.status = opt.step(scene);
    if (r.status != StepStatus::Ok) {
      if (opt.undid_previous()) {
        --r.steps_done;
        drop_undone();
      }
      break;
    }
    ++r.steps_done;
    if (r.steps_done % every == 0) add_record();
  }
  add_record();  // history always ends with the state the scene is left in
  // The last step is judged by the final record (no further step judges it).
  if (r.status == StepStatus::Ok && opt.undo_if_exploded(scene, r.history.back().total_loss)) {
    r.status = StepStatus::Diverged;
    --r.steps_done;
    drop_undone();
    add_record();
  }
  if (r.status == StepStatus::Ok && !std::isfinite(r.history.back().total_loss)) {
    r.status = StepStatus::Diverged;
  }
  return r;
}

}  // namespace ll
