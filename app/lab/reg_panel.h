#pragma once
// The "Which W?" tab (regularization questions): an input x and two or more weight vectors,
// each with its score w·x and its L2, L1 and elastic-net penalties (core/lab/reg_questions.h),
// and which vector each penalty prefers. The lecture's default: x = [1, 1, 1, 1],
// w1 = [1, 0, 0, 0], w2 = [0.25, 0.25, 0.25, 0.25]: the same score, L2 prefers w2.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "app/style/style.h"
#include "core/lab/reg_questions.h"

namespace ll::lab {

// The tab's state, testable without a window.
struct RegModel {
  static constexpr int kMaxDims = 10;
  static constexpr int kMaxWeights = 6;
  Eigen::VectorXd x = default_reg_x();
  std::vector<Eigen::VectorXd> ws = default_reg_weights();
  double beta = 0.5;  // elastic net: sum(beta w^2 + |w|)

  void set_dims(int d);  // 1..kMaxDims; new entries 0 (x: 1)
  void add_weight();     // a copy of the last one, up to kMaxWeights
  void remove_weight();  // down to two
  void reset();          // the lecture's question
  std::vector<RegRow> rows() const { return reg_rows(x, ws, beta); }
};

class RegPanel {
 public:
  void draw(const Style& style);
  const RegModel& model() const { return m_; }

 private:
  RegModel m_;
};

}  // namespace ll::lab
