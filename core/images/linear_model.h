#pragma once
// A D-dimensional linear classifier, s = W x + b with W (K x D) and b (K), and its loss and
// gradient over a block of examples. The loss of one example is core/losses.h's point_loss (the
// one definition of every loss kind, on scores): here the scores of a whole block come from one
// GEMM, S = X W^T + b, each row goes through point_loss, and the gradient is two more GEMMs,
// dW = dS^T X and db = the column sums of dS (dS already weighted by w_{y_i} / sum w), plus the
// regularizer of core/regularizer.h. Data loss = sum_i w_{y_i} L_i / sum_i w_{y_i}, exactly as
// the 2-D classifier's loss_gradient.
#include <Eigen/Core>
#include <span>
#include <vector>

#include "core/images/image_set.h"
#include "core/rng.h"
#include "core/scene.h"

namespace ll::images {

struct LinearModel {
  Eigen::MatrixXd W;  // K x D
  Eigen::VectorXd b;  // K
  int classes() const { return static_cast<int>(W.rows()); }
  int dim() const { return static_cast<int>(W.cols()); }
  bool operator==(const LinearModel& o) const {
    return W.rows() == o.W.rows() && W.cols() == o.W.cols() && b.size() == o.b.size() && W == o.W &&
           b == o.b;
  }
};

// W = 0, b = 0.
LinearModel zero_model(int classes, int dim);
// CS231n's initialisation: W = scale * N(0, 1) entries drawn from `rng` row by row, b = 0.
LinearModel small_random_model(int classes, int dim, Rng& rng, double scale = 1e-3);

struct BatchLoss {
  double data_loss = 0.0;
  double reg_loss = 0.0;
  double total_loss = 0.0;
  Eigen::MatrixXd dW;  // d total / dW, K x D (includes the regularizer)
  Eigen::VectorXd db;  // d total / db, K
};

// Scratch matrices reused from one call to the next (no allocation per step once warm).
struct BatchWork {
  BatchMatrix S, dS;  // n x K scores and weighted dL_i/ds
};

// Loss and gradient of `m` over the n examples X (n x D, double) with labels (n).
// Preconditions (checked, std::invalid_argument): 2 <= K <= kMaxClasses, X.cols() == D,
// labels.size() == n, labels in [0, K), b has K entries, class_weights empty or K positive
// finite numbers. The loss kinds take single labels (sigmoid: a set of one label).
BatchLoss loss_gradient(const Eigen::Ref<const BatchMatrix>& X, std::span<const int> labels,
                        const LinearModel& m, const LossSettings& s, BatchWork* work = nullptr);

// The same over a whole image set (or the rows `subset` of it), in blocks of 1024 images:
// the full-batch step of gd and of batch >= N, without a double copy of the data.
BatchLoss loss_gradient(const ImageSet& set, std::span<const int> subset, const LinearModel& m,
                        const LossSettings& s);

// The building blocks of both: the unnormalised sums of blocks of examples, then the
// normalisation and the regularizer.
struct DataSums {
  double loss = 0.0;    // sum_i w_{y_i} L_i
  double weight = 0.0;  // sum_i w_{y_i}
  Eigen::MatrixXd dW;   // sum_i w_{y_i} (dL_i/ds) x_i^T, K x D (sized by the first block)
  Eigen::VectorXd db;   // sum_i w_{y_i} dL_i/ds
};
void accumulate(const Eigen::Ref<const BatchMatrix>& X, std::span<const int> labels,
                const LinearModel& m, const LossSettings& s, DataSums& sums,
                BatchWork* work = nullptr);
BatchLoss finish(DataSums sums, const LinearModel& m, const LossSettings& s);

// Scores S = X W^T + b (n x K).
void scores(const Eigen::Ref<const BatchMatrix>& X, const LinearModel& m, BatchMatrix& S);

}  // namespace ll::images
