#pragma once
// Each subcommand lives in its own file and registers itself on the CLI11 app. A command sets
// `exit_code` from its callback; errors it throws as UsageError become a one-line message and
// exit status 2.
#include <CLI/CLI.hpp>
#include <stdexcept>
#include <string>

#include "core/limits.h"
#include "core/scene.h"

namespace ll::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void register_eval(CLI::App& app, int& exit_code);
void register_train(CLI::App& app, int& exit_code);
void register_preset(CLI::App& app, int& exit_code);
void register_render(CLI::App& app, int& exit_code);
void register_curves(CLI::App& app, int& exit_code);
void register_scores(CLI::App& app, int& exit_code);
void register_dist(CLI::App& app, int& exit_code);
void register_reg(CLI::App& app, int& exit_code);
void register_metric(CLI::App& app, int& exit_code);
void register_metric_train(CLI::App& app, int& exit_code);
void register_animate(CLI::App& app, int& exit_code);
void register_four_pixel(CLI::App& app, int& exit_code);
void register_images(CLI::App& app, int& exit_code);
void register_landscape(CLI::App& app, int& exit_code);
void register_share(CLI::App& app, int& exit_code);
void register_race(CLI::App& app, int& exit_code);

// Shared helpers for commands.
// Loads a scene (JSON or CSV), or decodes a setup text ("losslab:...", core/share.h) with the
// same validation; throws UsageError with the loader's message. Warnings go to stderr.
Scene load_scene_or_throw(const std::string& path);
// Writes `text` to `out` atomically, or to stdout when `out` is empty or "-".
void write_output(const std::string& out, const std::string& text);
// A CLI11 validator that rejects NaN and infinities.
const CLI::Validator& finite_number();
// Validators for the ranges of core/limits.h (the scene files' ranges): a finite number in
// [lo, hi] (or (lo, hi] with lo_open), an integer in [lo, hi]; "X is out of range [lo, hi]".
CLI::Validator in_range(limits::Range r, bool lo_open = false);
CLI::Validator in_range(long long lo, long long hi);

// Options that override a scene's loss settings (--loss --reg --reg-kind --delta --squared
// --gamma --alpha --class-weights).
struct LossOverrides {
  std::string loss, reg_kind, class_weights;
  double reg = -1.0, delta = -1.0, gamma = -1.0, alpha = -1.0;
  bool squared = false;
  void add_to(CLI::App& cmd);
  // `classes`: the scene's K; --class-weights must give one weight per class (UsageError).
  void apply(LossSettings& s, int classes) const;
};

// Options that override a scene's optimizer (--optimizer --lr --batch --momentum --seed
// --max-norm).
struct OptimizerOverrides {
  std::string optimizer;
  double lr = -1.0, momentum = -1.0, max_norm = -1.0;
  int batch = 0;
  long long seed = -1;
  void add_to(CLI::App& cmd);
  void apply(OptimizerSettings& s) const;
};

}  // namespace ll::cli
