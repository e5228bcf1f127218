#pragma once
// JSON encoding of core types for command output (full double precision: nlohmann writes the
// shortest text that reads back to the same double).
#include <Eigen/Core>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

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

// nlohmann writes NaN and infinities as null: the path of the first non-finite number in `j`
// ("total_loss", "scores[3][1]"), or "" when every number is finite. Commands refuse to print
// such a result (exit 1) instead of printing null.
inline std::string find_non_finite(const nlohmann::json& j, const std::string& path = "") {
  if (j.is_number_float())
    return std::isfinite(j.get<double>()) ? "" : (path.empty() ? "value" : path);
  if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      std::string p = find_non_finite(j[i], path + "[" + std::to_string(i) + "]");
      if (!p.empty()) return p;
    }
  } else if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      std::string p = find_non_finite(value, path.empty() ? key : path + "." + key);
      if (!p.empty()) return p;
    }
  }
  return "";
}

}  // namespace ll::cli
