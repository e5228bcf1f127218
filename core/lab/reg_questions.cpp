#include "core/lab/reg_questions.h"

#include <cmath>
#include <stdexcept>

#include "core/regularizer.h"

namespace ll::lab {

double penalty(const Eigen::VectorXd& w, RegKind kind, double elastic_beta) {
  // reg_loss sums over the entries of a K x 2 matrix: lay w out in one, padded with a zero when
  // its length is odd (a zero adds nothing to any of the penalties).
  const Eigen::Index n = w.size();
  WeightMatrix m = WeightMatrix::Zero((n + 1) / 2, 2);
  for (Eigen::Index i = 0; i < n; ++i) m(i / 2, i % 2) = w(i);
  LossSettings s;
  s.reg = kind;
  s.lambda = 1.0;
  s.elastic_beta = elastic_beta;
  return reg_loss(m, s);
}

RegRow reg_row(const Eigen::VectorXd& x, const Eigen::VectorXd& w, double elastic_beta) {
  if (x.size() == 0) throw std::invalid_argument("x is empty");
  if (w.size() != x.size())
    throw std::invalid_argument("w has " + std::to_string(w.size()) + " entries and x has " +
                                std::to_string(x.size()) + " (they need the same number)");
  if (!x.allFinite() || !w.allFinite())
    throw std::invalid_argument("x and w must hold finite numbers");
  if (!std::isfinite(elastic_beta) || elastic_beta < 0.0)
    throw std::invalid_argument("the elastic-net beta must be finite and >= 0");
  RegRow r;
  r.dot = w.dot(x);
  r.l2 = penalty(w, RegKind::L2, elastic_beta);
  r.l1 = penalty(w, RegKind::L1, elastic_beta);
  r.elastic = penalty(w, RegKind::Elastic, elastic_beta);
  return r;
}

std::vector<RegRow> reg_rows(const Eigen::VectorXd& x, const std::vector<Eigen::VectorXd>& ws,
                             double elastic_beta) {
  std::vector<RegRow> rows;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    try {
      rows.push_back(reg_row(x, ws[i], elastic_beta));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("w" + std::to_string(i + 1) + ": " + e.what());
    }
  }
  return rows;
}

int preferred(const std::vector<RegRow>& rows, RegKind kind) {
  auto value = [kind](const RegRow& r) {
    return kind == RegKind::L2 ? r.l2 : kind == RegKind::L1 ? r.l1 : r.elastic;
  };
  int best = -1;
  bool shared = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double v = value(rows[i]);
    if (best < 0 || v < value(rows[static_cast<std::size_t>(best)])) {
      best = static_cast<int>(i);
      shared = false;
    } else if (v == value(rows[static_cast<std::size_t>(best)])) {
      shared = true;
    }
  }
  return shared ? -1 : best;
}

Eigen::VectorXd default_reg_x() { return Eigen::VectorXd::Ones(4); }

std::vector<Eigen::VectorXd> default_reg_weights() {
  return {Eigen::Vector4d(1.0, 0.0, 0.0, 0.0), Eigen::Vector4d::Constant(0.25)};
}

}  // namespace ll::lab
