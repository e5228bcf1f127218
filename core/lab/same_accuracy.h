#pragma once
// "Same accuracy, different loss": two classifiers that make the same mistakes (equal error
// rate) but are differently confident, so their mean cross-entropy differs. Each model is an
// N x K table of predicted class probabilities for N samples with known labels.
#include <Eigen/Core>
#include <vector>

namespace ll::lab {

struct ProbabilityTable {
  Eigen::MatrixXd probs;   // N x K, one row per sample (rows are normalized before scoring)
  Eigen::VectorXi labels;  // N, the correct class of each sample
};

struct TableScore {
  Eigen::VectorXd p_correct;      // normalized probability of the correct class per sample
  Eigen::VectorXd cross_entropy;  // -ln p_correct per sample (inf for p = 0)
  Eigen::VectorXi predictions;    // argmax per row (ties: lower index)
  double error_rate = 0.0;        // fraction of wrong predictions
  double mean_cross_entropy = 0.0;
};

// Rows whose sum is not positive count as uniform; a label outside [0, K) scores p = 0 and a
// wrong prediction. Throws std::invalid_argument with a one-line reason unless there is exactly
// one label per row (and at least one class when there are rows).
TableScore score(const ProbabilityTable& t);

// The two 4-sample, 3-class models of the example: both wrong on one sample out of four
// (error rate 0.25); model A is hesitant (mean cross-entropy 1.26), model B confident when
// right and less wrong when wrong (0.54).
ProbabilityTable same_accuracy_model_a();
ProbabilityTable same_accuracy_model_b();

}  // namespace ll::lab
