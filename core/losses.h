#pragma once
// The four classification losses of the CS231n demo with their exact gradients.
//   Weston-Watkins: L_i = sum_{j != y} h(s_j - s_y + delta)
//   One-vs-All:     L_i = sum_j h(delta - t_j s_j),  t_j = +1 if j == y else -1
//   Structured:     L_i = h(max_{j != y} s_j - s_y + delta)   (ties: lower index)
//   Softmax:        L_i = -ln(e^{s_y} / sum_j e^{s_j})        (log-sum-exp, stable)
// with h(m) = max(0, m), or max(0, m)^2 for the squared hinge; and two probability losses:
//   Sigmoid:        L_i = sum_j softplus(s_j) - t_j s_j,  t_j = [j is one of the point's labels]
//                   (one-vs-rest binary cross-entropy; dL_i/ds_j = sigma(s_j) - t_j)
//   Focal:          L_i = -alpha (1 - p_y)^gamma ln p_y,  p = softmax(s)
//                   (dL_i/ds_j = alpha F (p_j - [j == y]),
//                    F = (1 - p_y)^gamma - gamma p_y (1 - p_y)^(gamma - 1) ln p_y;
//                    gamma = 0, alpha = 1 is softmax exactly)
// Data loss = sum_i w_{y_i} L_i / sum_i w_{y_i} with the class weights w (all 1 by default: the
// mean of L_i); total = data + regularization (see regularizer.h).
// Multi-label points (Point::labels, a set of labels) are accepted by the sigmoid loss only; the
// other losses throw std::invalid_argument naming the point. A multi-label point's weight
// w_{y_i} is the mean of its labels' class weights: it counts as one point split into equal
// shares, one per label, each weighted by its class (for one label: w_y; all weights 1: 1, so
// the unweighted data loss stays the mean of L_i).
#include <span>
#include <string>
#include <vector>

#include "core/scene.h"

namespace ll {

// Loss of one point from its K scores; writes dL_i/ds_j into dscores[0..K).
// At a hinge kink (margin exactly 0) the subgradient 0 is used.
double point_loss(const LossSettings& s, const double* scores, int K, int label, double* dscores);
// The same for a set of labels, bit j of `label_mask` for label j (non-empty, below K: else
// std::out_of_range); several labels under a loss other than sigmoid: std::invalid_argument.
double point_loss_labels(const LossSettings& s, const double* scores, int K, unsigned label_mask,
                         double* dscores);

// The labels a classifier predicts from K scores: sigmoid, every class with s_j > 0 (sigma > 1/2,
// possibly none); the other losses, the argmax class.
unsigned predicted_label_mask(LossKind kind, const double* scores, int K);

// "" when the loss accepts every point; otherwise one line naming the first multi-label point
// and saying that only the sigmoid loss accepts it (the loaders', the CLI's and the document's
// check, and the message loss_gradient/evaluate throw).
std::string multi_label_conflict(const std::vector<Point>& points, LossKind kind);

// Scores s = W x + b of one point.
void point_scores(const Params& p, const Point& pt, double* scores);

// argmax with ties to the lower index.
int argmax(const double* v, int K);

struct LossGradient {
  double data_loss = 0.0;
  double reg_loss = 0.0;
  double total_loss = 0.0;
  WeightMatrix dW;  // d total / dW (includes the regularizer)
  BiasVector db;    // d total / db
};

// Loss and gradient over all points, or over `subset` (indices) when it is non-empty.
// One pass, no per-point storage: this is the hot path of training.
// Preconditions (checked; std::invalid_argument / std::out_of_range otherwise): 2 <= K <=
// kMaxClasses (10), b has K entries, class_weights is empty or K positive finite numbers, every
// label is in [0, K), multi-label points only under sigmoid, subset indices are in range.
LossGradient loss_gradient(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                           std::span<const int> subset = {});

// loss_gradient's three losses alone, without the gradient: the same kernels with the gradient's
// lines left out, so the values are loss_gradient's bit for bit (tested), at about half the cost
// (the loss landscape evaluates it at every grid node). Same preconditions as loss_gradient.
struct LossValue {
  double data_loss = 0.0;
  double reg_loss = 0.0;
  double total_loss = 0.0;
};
LossValue loss_value(const std::vector<Point>& points, const Params& p, const LossSettings& s,
                     std::span<const int> subset = {});

// Everything the UI shows about one classifier on one data set.
struct Evaluation {
  Eigen::MatrixXd scores;       // N x K
  Eigen::VectorXd losses;       // N: L_i
  Eigen::MatrixXd dscores;      // N x K: dL_i/ds_j (the per-point "pull", before w_{y_i} / sum w)
  Eigen::VectorXi predictions;  // N: argmax class
  double data_loss = 0.0;
  double reg_loss = 0.0;
  double total_loss = 0.0;
  // Fractions in [0, 1]; 0 for no points.
  double accuracy = 0.0;  // the argmax class is one of the point's labels (for one label: it)
  // The predicted label set (predicted_label_mask) is exactly the point's label set.
  double exact_match = 0.0;
  // Per-label (Hamming) accuracy: the fraction of the N x K (point, class) decisions "class j is
  // one of the labels" that the predicted set gets right.
  double label_accuracy = 0.0;
  WeightMatrix dW;
  BiasVector db;
};

// Same preconditions as loss_gradient.
Evaluation evaluate(const std::vector<Point>& points, const Params& p, const LossSettings& s);

// Fraction of points whose argmax class is their label, or one of their labels (0 for no points).
double accuracy(const std::vector<Point>& points, const Params& p);

// The three accuracies of Evaluation (accuracy, exact_match, label_accuracy) without its
// per-point storage: one pass over the points (labels are not checked: give valid points).
struct Accuracies {
  double accuracy = 0.0, exact_match = 0.0, label_accuracy = 0.0;
};
Accuracies accuracies(const std::vector<Point>& points, const Params& p, LossKind kind);

// Softmax probabilities of K scores (stable).
void softmax(const double* scores, int K, double* probs);

}  // namespace ll
