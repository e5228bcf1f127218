#include "app/cli/commands.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <vector>

#include "app/cli/command_registry.h"
#include "core/atomic_file.h"
#include "core/scene_io.h"
#include "core/share.h"

namespace ll::cli {

Scene load_scene_or_throw(const std::string& path) {
  if (looks_like_share_text(path)) {  // a setup text (losslab share) instead of a file name
    try {
      SharedSetup r = decode_share(path);
      for (const std::string& w : r.warnings) std::cerr << "losslab: warning: " << w << "\n";
      return std::move(r.scene);
    } catch (const ShareError& e) {
      throw UsageError(e.what());
    }
  }
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

namespace {

// "1e+06" -> "1e6", "1e-300" stays: the numbers as the scene loader's messages and the README write
// them.
std::string format_number(double d) {
  std::ostringstream os;
  os << d;
  std::string s = os.str();
  if (const auto e = s.find('e'); e != std::string::npos) {
    std::size_t digits = e + 1;
    if (digits < s.size() && (s[digits] == '+' || s[digits] == '-')) ++digits;
    const auto first = s.find_first_not_of('0', digits);
    s.erase(digits, (first == std::string::npos ? s.size() - 1 : first) - digits);
    if (s[e + 1] == '+') s.erase(e + 1, 1);
  }
  return s;
}

// Parses a whole option value as a double; empty string on success, else the reason.
std::string parse_finite(const std::string& s, double& d) {
  // strtod, not stod: stod refuses subnormal numbers such as 1e-320 (ERANGE on underflow).
  const char* begin = s.c_str();
  char* end = nullptr;
  errno = 0;
  d = std::strtod(begin, &end);
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0])) || end != begin + s.size())
    return "not a number: " + s;
  if (std::isinf(d) && errno == ERANGE) return "out of range: " + s;
  if (!std::isfinite(d)) return "must be a finite number: " + s;
  return {};
}

}  // namespace

const CLI::Validator& finite_number() {
  static const CLI::Validator v(
      [](std::string& s) -> std::string {
        double d = 0.0;
        return parse_finite(s, d);
      },
      "FINITE");
  return v;
}

CLI::Validator in_range(limits::Range r, bool lo_open) {
  const std::string text =
      std::string(lo_open ? "(" : "[") + format_number(r.lo) + ", " + format_number(r.hi) + "]";
  return CLI::Validator(
      [r, lo_open, text](std::string& s) -> std::string {
        double d = 0.0;
        if (std::string err = parse_finite(s, d); !err.empty()) return err;
        if (!r.contains(d) || (lo_open && d <= r.lo)) return s + " is out of range " + text;
        return {};
      },
      text);
}

CLI::Validator in_range(long long lo, long long hi) {
  const std::string text = "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
  return CLI::Validator(
      [lo, hi, text](std::string& s) -> std::string {
        long long v = 0;
        const char* end = s.data() + s.size();
        const auto [ptr, ec] = std::from_chars(s.data(), end, v);
        if (ec == std::errc::result_out_of_range) return s + " is out of range " + text;
        if (ec != std::errc() || ptr != end || s.empty()) return "not an integer: " + s;
        if (v < lo || v > hi) return s + " is out of range " + text;
        return {};
      },
      text);
}

namespace {

// "w0,w1,..." -> the numbers; empty string on success, else the reason.
std::string parse_weights(const std::string& s, std::vector<double>& out) {
  out.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = s.find(',', start);
    const std::string item =
        s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    double d = 0.0;
    if (std::string err = parse_finite(item, d); !err.empty()) return err;
    if (!limits::kClassWeight.contains(d)) {
      return item + " is out of range [" + format_number(limits::kClassWeight.lo) + ", " +
             format_number(limits::kClassWeight.hi) + "]";
    }
    out.push_back(d);
    if (comma == std::string::npos) break;
    if (out.size() >= static_cast<std::size_t>(kMaxClasses)) {
      return "at most " + std::to_string(kMaxClasses) + " weights (one per class)";
    }
    start = comma + 1;
  }
  return {};
}

}  // namespace

void LossOverrides::add_to(CLI::App& cmd) {
  cmd.add_option("--loss", loss, "ww, ova, structured, softmax, sigmoid or focal")
      ->check(CLI::IsMember({"ww", "ova", "structured", "softmax", "sigmoid", "focal"}));
  cmd.add_option("--reg", reg, "regularization strength lambda in [0, 1e6]")
      ->check(in_range(limits::kReg));
  cmd.add_option("--reg-kind", reg_kind, "l2, l1 or elastic")
      ->check(CLI::IsMember({"l2", "l1", "elastic"}));
  cmd.add_option("--delta", delta, "hinge margin Delta in [0, 1e6]")
      ->check(in_range(limits::kDelta));
  cmd.add_flag("--squared", squared, "squared hinge for the SVM losses");
  cmd.add_option("--gamma", gamma, "focal loss exponent gamma in [0, 100]")
      ->check(in_range(limits::kGamma));
  cmd.add_option("--alpha", alpha, "focal loss scale alpha in (0, 1e6]")
      ->check(in_range(limits::kAlpha, true));
  cmd.add_option("--class-weights", class_weights,
                 "w0,w1,...: one weight per class in [1e-6, 1e6]; the data loss becomes "
                 "sum_i w_{y_i} L_i / sum_i w_{y_i}")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            std::vector<double> w;
            return parse_weights(v, w);
          },
          "W0,W1,..."));
}

void LossOverrides::apply(LossSettings& s, int classes) const {
  if (!loss.empty()) parse(loss, s.kind);
  if (!reg_kind.empty()) parse(reg_kind, s.reg);
  if (reg >= 0.0) s.lambda = reg;
  if (delta >= 0.0) s.delta = delta;
  if (squared) s.squared = true;
  if (gamma >= 0.0) s.gamma = gamma;
  if (alpha > 0.0) s.alpha = alpha;
  if (!class_weights.empty()) {
    std::vector<double> w;
    if (std::string err = parse_weights(class_weights, w); !err.empty())
      throw UsageError("--class-weights: " + err);
    if (w.size() != static_cast<std::size_t>(classes)) {
      throw UsageError("--class-weights: " + std::to_string(w.size()) +
                       " weights given but the scene has " + std::to_string(classes) +
                       " classes (one weight per class)");
    }
    s.class_weights = std::move(w);
  }
}

void OptimizerOverrides::add_to(CLI::App& cmd) {
  cmd.add_option("--lr", lr, "step size in (0, 1e6]")->check(in_range(limits::kLr, true));
  cmd.add_option("--optimizer", optimizer, "gd, sgd, momentum or adam")
      ->check(CLI::IsMember({"gd", "sgd", "momentum", "adam"}));
  cmd.add_option("--batch", batch, "minibatch size in [1, 1000000] (sgd, momentum, adam)")
      ->check(in_range(limits::kMinBatch, limits::kMaxBatch));
  cmd.add_option("--momentum", momentum, "momentum coefficient in [0, 0.999999]")
      ->check(in_range(limits::kMomentum));
  cmd.add_option("--seed", seed, "random seed in [0, 2^63 - 1]")
      ->check(in_range(0, limits::kMaxSeed));
  cmd.add_option("--max-norm", max_norm,
                 "after each update scale every row W_k back to ||W_k|| <= C, C in [0, 1e8] "
                 "(0: off)")
      ->check(in_range(limits::kMaxNorm));
}

void OptimizerOverrides::apply(OptimizerSettings& s) const {
  if (!optimizer.empty()) parse(optimizer, s.kind);
  if (lr > 0.0) s.lr = lr;
  if (batch > 0) s.batch = batch;
  if (momentum >= 0.0) s.momentum = momentum;
  if (seed >= 0) s.seed = static_cast<std::uint64_t>(seed);
  if (max_norm >= 0.0) s.max_norm = max_norm;
}

int main(int argc, char** argv, const char* version, WindowRunner open_window) {
  CLI::App app{
      "LossLab: linear classifiers and loss functions, interactive and exact.\n"
      "Without a command, opens the window on SCENE (default: the CS231n demo scene).",
      "losslab"};
  app.set_version_flag("--version", std::string("losslab ") + version);
  app.require_subcommand(0, 1);

  WindowOptions window;
  std::string scene_path;
  app.add_option("scene", scene_path,
                 "scene to open (.json scene or .csv x,y,label), or a setup text (losslab:...)");
  app.add_option("--frames", window.frames, "render N frames, then exit")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--screenshot", window.screenshot, "with --frames: save the window as PNG");
  app.add_flag("--play", window.play, "start training at launch");
  app.add_option("--bench-frames", window.bench_frames,
                 "render N frames and print the median and p99 frame time")
      ->check(CLI::NonNegativeNumber);
  add_window_options(app, window);  // --script, --save-scene-on-exit, --theme, ...

  int exit_code = kExitOk;
  register_eval(app, exit_code);
  register_train(app, exit_code);
  register_preset(app, exit_code);
  register_render(app, exit_code);
  register_curves(app, exit_code);
  register_scores(app, exit_code);
  register_dist(app, exit_code);
  register_reg(app, exit_code);
  register_metric(app, exit_code);
  register_metric_train(app, exit_code);
  register_animate(app, exit_code);
  register_four_pixel(app, exit_code);
  register_images(app, exit_code);
  register_landscape(app, exit_code);
  register_share(app, exit_code);
  register_race(app, exit_code);

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
      if (!looks_like_share_text(scene_path)) window.scene_path = scene_path;  // a file: Save
    }
  } catch (const UsageError& e) {
    std::cerr << "losslab: " << e.what() << "\n";
    return kExitUsage;
  }
  if (!window.screenshot.empty() && window.frames <= 0) window.frames = 3;
  return open_window(window);
}

}  // namespace ll::cli
