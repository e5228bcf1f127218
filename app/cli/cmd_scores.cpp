// losslab scores FILE [--delta D] [--squared] [--include-correct] [--sum] [--scale S]
//                [--log e|2|10]
// FILE is JSON {"class_names": [...], "scores": [[s_0..s_{K-1}], ...], "labels": [y, ...]}:
// one row of K scores per example (K = 2..10, at most 1000 examples; class_names optional).
// Prints the Weston-Watkins, one-vs-all, structured and softmax losses per example and their
// total (the mean, or the sum with --sum), computed by core/lab's score table.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "app/cli/command_registry.h"
#include "app/cli/json_out.h"
#include "core/lab/score_table.h"

namespace ll::cli {

namespace {

lab::ScoreTable read_score_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw UsageError("scores: cannot read " + path + " (a directory)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("scores: cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw UsageError("scores: cannot read " + path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::exception& e) {
    throw UsageError("scores: " + path + " is not valid JSON: " + e.what());
  }
  auto fail = [&path](const std::string& why) {
    return UsageError("scores: " + path + ": " + why);
  };
  if (!j.is_object()) throw fail("expected an object with \"scores\" and \"labels\"");
  for (const auto& [key, value] : j.items())
    if (key != "class_names" && key != "scores" && key != "labels")
      throw fail("unknown key \"" + key + "\" (expected class_names, scores, labels)");
  if (!j.contains("scores") || !j["scores"].is_array()) throw fail("\"scores\" must be an array");
  if (!j.contains("labels") || !j["labels"].is_array()) throw fail("\"labels\" must be an array");
  const nlohmann::json& rows = j["scores"];
  const nlohmann::json& labels = j["labels"];
  const std::size_t n = rows.size();
  if (n == 0) throw fail("\"scores\" has no examples");
  if (n > static_cast<std::size_t>(lab::kMaxFileExamples))
    throw fail("at most 1000 examples; got " + std::to_string(n));
  if (!rows[0].is_array()) throw fail("scores[0] must be an array of K scores");
  const std::size_t K = rows[0].size();
  if (K < static_cast<std::size_t>(lab::kMinTableClasses) ||
      K > static_cast<std::size_t>(lab::kMaxTableClasses))
    throw fail("K must be 2 to 10 classes; scores[0] has " + std::to_string(K));
  if (labels.size() != n)
    throw fail(std::to_string(labels.size()) + " labels for " + std::to_string(n) +
               " examples (need one per example)");
  lab::ScoreTable t;
  t.scores.resize(static_cast<Eigen::Index>(K), static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const std::string at = "scores[" + std::to_string(i) + "]";
    if (!rows[i].is_array() || rows[i].size() != K)
      throw fail(at + " must be an array of " + std::to_string(K) + " scores (as scores[0])");
    for (std::size_t c = 0; c < K; ++c) {
      const nlohmann::json& v = rows[i][c];
      if (!v.is_number()) throw fail(at + "[" + std::to_string(c) + "] is not a number");
      const double d = v.get<double>();
      if (!std::isfinite(d)) throw fail(at + "[" + std::to_string(c) + "] is not finite");
      t.scores(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(i)) = d;
    }
    const nlohmann::json& y = labels[i];
    const std::string lat = "labels[" + std::to_string(i) + "]";
    if (!y.is_number_integer()) throw fail(lat + " must be an integer class index");
    const long long yv = y.get<long long>();
    if (yv < 0 || yv >= static_cast<long long>(K))
      throw fail(lat + " = " + std::to_string(yv) + " is outside [0, " + std::to_string(K) + ")");
    t.labels.push_back(static_cast<int>(yv));
  }
  if (j.contains("class_names")) {
    const nlohmann::json& names = j["class_names"];
    if (!names.is_array() || names.size() != K)
      throw fail("\"class_names\" must be an array of " + std::to_string(K) + " names");
    for (const nlohmann::json& name : names) {
      if (!name.is_string()) throw fail("\"class_names\" must hold strings");
      t.class_names.push_back(name.get<std::string>());
    }
  }
  return t;
}

nlohmann::json losses_json(const std::vector<lab::ColumnResult>& cols,
                           double lab::ColumnResult::*member, double total) {
  nlohmann::json losses = nlohmann::json::array();
  for (const lab::ColumnResult& c : cols) losses.push_back(c.*member);
  return {{"losses", std::move(losses)}, {"total", total}};
}

}  // namespace

void register_scores(CLI::App& app, int& exit_code) {
  struct Args {
    std::string file, log = "e";
    lab::ScoreOptions options;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "scores",
      "Print the Weston-Watkins, one-vs-all, structured and softmax losses of a score table "
      "(JSON file: class_names, scores = one row of K scores per example, labels) as JSON");
  cmd->add_option("file", args->file, "score table (.json)")->required();
  cmd->add_option("--delta", args->options.delta, "hinge margin Delta in [0, 1e6] (default 1)")
      ->check(in_range(limits::kDelta));
  cmd->add_flag("--squared", args->options.squared, "squared hinge for the SVM losses");
  cmd->add_flag("--include-correct", args->options.include_correct,
                "the Weston-Watkins sum also runs over j = y (adds h(Delta) per example)");
  cmd->add_flag("--sum", args->options.sum, "totals sum over the examples (default: the mean)");
  cmd->add_option("--scale", args->options.scale, "multiply every score by S first (default 1)")
      ->check(finite_number());
  cmd->add_option("--log", args->log, "base of the softmax losses: e (default), 2 or 10")
      ->check(CLI::IsMember({"e", "2", "10"}));
  cmd->callback([args, &exit_code] {
    const lab::ScoreTable t = read_score_file(args->file);
    lab::parse(args->log, args->options.log);
    lab::TableResult r;
    try {
      r = lab::evaluate(t, args->options, lab::kMaxFileExamples);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("scores: ") + e.what());
    }
    nlohmann::json out;
    out["ww"] = losses_json(r.columns, &lab::ColumnResult::ww, r.totals.ww);
    out["ova"] = losses_json(r.columns, &lab::ColumnResult::ova, r.totals.ova);
    out["structured"] = losses_json(r.columns, &lab::ColumnResult::structured, r.totals.structured);
    out["softmax"] = losses_json(r.columns, &lab::ColumnResult::softmax, r.totals.softmax);
    nlohmann::json probs = nlohmann::json::array();
    for (const lab::ColumnResult& c : r.columns) probs.push_back(to_json(c.probabilities));
    out["softmax"]["probabilities"] = std::move(probs);
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("scores: " + bad +
                               " is not finite (the numbers overflow); nothing printed");
    write_output("", out.dump() + "\n");
    exit_code = 0;
  });
}

}  // namespace ll::cli
