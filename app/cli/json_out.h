#pragma once
// JSON encoding of core types for command output (full double precision: nlohmann writes the
// shortest text that reads back to the same double).
#include <Eigen/Core>
#include <nlohmann/json.hpp>

namespace ll::cli {

inline nlohmann::json to_json(const Eigen::MatrixXd& m) {
  nlohmann::json rows = nlohmann::json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(m(i, j));
    rows.push_back(std::move(row));
  }
  return rows;
}

inline nlohmann::json to_json(const Eigen::VectorXd& v) {
  return std::vector<double>(v.data(), v.data() + v.size());
}

}  // namespace ll::cli
