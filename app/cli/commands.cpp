#include "app/cli/commands.h"

#include <cmath>
#include <cstdio>
#include <iostream>

#include "app/cli/command_registry.h"
#include "core/atomic_file.h"
#include "core/scene_io.h"

namespace ll::cli {

Scene load_scene_or_throw(const std::string& path) {
  try {
    LoadResult r = load_scene(path);
    for (const std::string& w : r.warnings) std::cerr << "losslab: warning: " << w << "\n";
    return std::move(r.scene);
  } catch (const LoadError& e) {
    throw UsageError(e.what());
  }
}

void write_output(const std::string& out, const std::string& text) {
  if (out.empty() || out == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
    return;
  }
  write_file_atomic(out, text);  // std::runtime_error names the path
}

const CLI::Validator& finite_number() {
  static const CLI::Validator v(
      [](std::string& s) -> std::string {
        try {
          std::size_t used = 0;
          const double d = std::stod(s, &used);
          if (used != s.size()) return "not a number: " + s;
          if (!std::isfinite(d)) return "must be a finite number: " + s;
        } catch (const std::exception&) {
          return "not a number: " + s;
        }
        return {};
      },
      "FINITE");
  return v;
}

void LossOverrides::add_to(CLI::App& cmd) {
  cmd.add_option("--loss", loss, "ww, ova, structured or softmax")
      ->check(CLI::IsMember({"ww", "ova", "structured", "softmax"}));
  cmd.add_option("--reg", reg, "regularization strength lambda >= 0")
      ->check(finite_number())
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--reg-kind", reg_kind, "l2, l1 or elastic")
      ->check(CLI::IsMember({"l2", "l1", "elastic"}));
  cmd.add_option("--delta", delta, "hinge margin Delta >= 0")
      ->check(finite_number())
      ->check(CLI::NonNegativeNumber);
  cmd.add_flag("--squared", squared, "squared hinge for the SVM losses");
}

void LossOverrides::apply(LossSettings& s) const {
  if (!loss.empty()) parse(loss, s.kind);
  if (!reg_kind.empty()) parse(reg_kind, s.reg);
  if (reg >= 0.0) s.lambda = reg;
  if (delta >= 0.0) s.delta = delta;
  if (squared) s.squared = true;
}

void OptimizerOverrides::add_to(CLI::App& cmd) {
  cmd.add_option("--lr", lr, "step size > 0")->check(finite_number())->check(CLI::PositiveNumber);
  cmd.add_option("--optimizer", optimizer, "gd, sgd, momentum or adam")
      ->check(CLI::IsMember({"gd", "sgd", "momentum", "adam"}));
  cmd.add_option("--batch", batch, "minibatch size >= 1 (sgd, momentum, adam)")
      ->check(CLI::Range(1, 1'000'000));
  cmd.add_option("--momentum", momentum, "momentum coefficient in [0, 1)")
      ->check(finite_number())
      ->check(CLI::Range(0.0, 0.999999));
  cmd.add_option("--seed", seed, "random seed >= 0")->check(CLI::NonNegativeNumber);
}

void OptimizerOverrides::apply(OptimizerSettings& s) const {
  if (!optimizer.empty()) parse(optimizer, s.kind);
  if (lr > 0.0) s.lr = lr;
  if (batch > 0) s.batch = batch;
  if (momentum >= 0.0) s.momentum = momentum;
  if (seed >= 0) s.seed = static_cast<std::uint64_t>(seed);
}

int main(int argc, char** argv, const char* version, WindowRunner open_window) {
  CLI::App app{"LossLab: linear classifiers and loss functions, interactive and exact.\n"
               "Without a command, opens the window on SCENE (default: the CS231n demo scene).",
               "losslab"};
  app.set_version_flag("--version", std::string("losslab ") + version);
  app.require_subcommand(0, 1);

  gui::GuiOptions window;
  std::string scene_path;
  app.add_option("scene", scene_path, "scene to open (.json scene or .csv x,y,label)");
  app.add_option("--frames", window.frames, "render N frames, then exit")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--screenshot", window.screenshot, "with --frames: save the window as PNG");
  app.add_flag("--play", window.play, "start training at launch");
  app.add_option("--bench-frames", window.bench_frames,
                 "render N frames and print the median and p99 frame time")
      ->check(CLI::NonNegativeNumber);
  gui::add_window_options(app, window);  // --script, --save-scene-on-exit, --theme, ...

  int exit_code = kExitOk;
  register_eval(app, exit_code);
  register_train(app, exit_code);
  register_preset(app, exit_code);
  register_render(app, exit_code);
  register_curves(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "losslab: " << e.what() << " (see losslab --help)\n";
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "losslab: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "losslab: " << e.what() << "\n";
    return kExitFailure;
  }
  if (!app.get_subcommands().empty()) return exit_code;

  try {
    if (!scene_path.empty()) {
      window.scene = load_scene_or_throw(scene_path);
      window.scene_path = scene_path;
    }
  } catch (const UsageError& e) {
    std::cerr << "losslab: " << e.what() << "\n";
    return kExitUsage;
  }
  if (!window.screenshot.empty() && window.frames <= 0) window.frames = 3;
  return open_window(window);
}

}  // namespace ll::cli
