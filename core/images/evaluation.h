#pragma once
// What the window and the command line show about a trained image classifier on one image
// set: every image's K scores and prediction, the accuracy and data loss, the confusion matrix
// and the worst mistakes.
#include <Eigen/Core>
#include <cstddef>
#include <vector>

#include "core/images/image_set.h"
#include "core/images/linear_model.h"
#include "core/job.h"
#include "core/scene.h"

namespace ll::images {

struct SetEvaluation {
  BatchMatrix scores;           // N x K, row i: image i's scores
  Eigen::VectorXi predictions;  // N: the argmax class (ties: lower index)
  double data_loss = 0.0;       // sum_i w_{y_i} L_i / sum_i w_{y_i} (no regularizer)
  double accuracy = 0.0;        // fraction of images whose prediction is their label (0 if N = 0)
  Eigen::MatrixXi confusion;    // K x K: row = true label, column = prediction
};

// Evaluates in blocks of 1024 images; with a control, progress in [0, 1] and JobCancelled at
// the next block once Cancel is asked.
SetEvaluation evaluate(const LinearModel& m, const ImageSet& set, const LossSettings& s,
                       JobControl* control = nullptr);

// Accuracy and data loss only (no per-image storage), over the first `limit` images (0: all).
struct Summary {
  double data_loss = 0.0, accuracy = 0.0;
};
Summary summarize(const LinearModel& m, const ImageSet& set, const LossSettings& s,
                  std::size_t limit = 0);

struct Mistake {
  int index = 0;        // image index in the set
  int label = 0;        // true class
  int predicted = 0;    // argmax class
  double margin = 0.0;  // s_predicted - s_label >= 0 (0: a tie the lower index won)
};
// The misclassified images (prediction != label), largest margin first (ties: lower index),
// at most `n`.
std::vector<Mistake> top_misclassified(const SetEvaluation& e, const ImageSet& set, std::size_t n);

}  // namespace ll::images
