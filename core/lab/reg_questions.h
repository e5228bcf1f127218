#pragma once
// The regularization questions: for an input x and weight vectors w_i, the score w.x and the
// penalties R(w) of core/regularizer.h (lambda = 1): L2 sum w^2, L1 sum |w|, elastic net
// sum beta w^2 + |w|. "Which W does L2 prefer?" x = [1,1,1,1], w1 = [1,0,0,0],
// w2 = [0.25,0.25,0.25,0.25]: both dots 1, L2 1 vs 0.25 (prefers w2), L1 1 vs 1 (a tie).
#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/scene.h"

namespace ll::lab {

struct RegRow {
  double dot = 0.0;  // w.x
  double l2 = 0.0, l1 = 0.0, elastic = 0.0;
};

// R(w) by core/regularizer.h's reg_loss with lambda = 1 (w of any length).
double penalty(const Eigen::VectorXd& w, RegKind kind, double elastic_beta = 0.5);

// Throws std::invalid_argument unless x and w have the same (non-zero) size, all entries are
// finite and elastic_beta is finite and >= 0.
RegRow reg_row(const Eigen::VectorXd& x, const Eigen::VectorXd& w, double elastic_beta = 0.5);
std::vector<RegRow> reg_rows(const Eigen::VectorXd& x, const std::vector<Eigen::VectorXd>& ws,
                             double elastic_beta = 0.5);

// The index of the row with the smallest penalty of `kind`, or -1 when the smallest is shared
// (the penalty cannot tell them apart) or there are no rows.
int preferred(const std::vector<RegRow>& rows, RegKind kind);

// The lecture's question: x = [1,1,1,1]; w1 = [1,0,0,0], w2 = [0.25,0.25,0.25,0.25].
Eigen::VectorXd default_reg_x();
std::vector<Eigen::VectorXd> default_reg_weights();

}  // namespace ll::lab
