// losslab train SCENE --steps N [--lr X --optimizer O --batch B --seed S ...]
//                [--history-every K] [--out FILE]
// A progress bar goes to stderr when it is a terminal. SIGINT/SIGTERM stop training between
// steps; the state so far is written with "status": "interrupted" and the exit status is
// 128 + the signal (130 for Ctrl+C, 143 for SIGTERM).
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <stdexcept>

#include "app/cli/command_registry.h"
#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "core/losses.h"
#include "core/optimizer.h"

namespace ll::cli {

namespace {

// The one piece of process-wide mutable state: the handler only sets it, training reads it
// between steps.
volatile std::sig_atomic_t g_stop_signal = 0;

void on_stop_signal(int sig) { g_stop_signal = sig; }

// Installs the SIGINT/SIGTERM handlers for the lifetime of one training run.
class StopSignals {
 public:
  StopSignals() {
    g_stop_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
    // A signal the parent chose to ignore (nohup, a shell's background job) stays ignored.
    if (old_int_.sa_handler == SIG_IGN) sigaction(SIGINT, &old_int_, nullptr);
    if (old_term_.sa_handler == SIG_IGN) sigaction(SIGTERM, &old_term_, nullptr);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int signal() const { return g_stop_signal; }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// "\r[#####-----]  50%  500/1000 steps" on stderr, at most 10 times a second; only on a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(long total) : total_(total), enabled_(::isatty(STDERR_FILENO) == 1) {}
  void update(long done) {
    if (!enabled_ || total_ <= 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    constexpr int kWidth = 30;
    const double f = static_cast<double>(done) / static_cast<double>(total_);
    const int filled = static_cast<int>(f * kWidth);
    char bar[kWidth + 1];
    for (int i = 0; i < kWidth; ++i) bar[i] = i < filled ? '#' : '-';
    bar[kWidth] = '\0';
    std::fprintf(stderr, "\rtraining [%s] %3d%%  %ld/%ld steps", bar, static_cast<int>(f * 100),
                 done, total_);
    std::fflush(stderr);
  }
  void finish() {
    if (shown_) std::fputs("\r\033[K", stderr);  // clear the bar's line
    shown_ = false;
  }

 private:
  long total_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

void register_train(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, out;
    long steps = 0;
    long history_every = 0;  // 0: auto_record_every
    LossOverrides loss;
    OptimizerOverrides optimizer;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "train",
      "Run N optimizer steps; print the final W, b and the loss history as JSON. The history "
      "holds full-data records at the steps listed in history_steps: every step, except with "
      "minibatches on more than 10000 points, where it is every N/batch steps (plus the first "
      "and the last) unless --history-every says otherwise. A progress bar goes to stderr when "
      "it is a terminal. Ctrl+C (SIGINT) or SIGTERM writes the state so far with status "
      "\"interrupted\" and exits 130 (SIGTERM: 143).");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv)")->required();
  cmd->add_option("--steps", args->steps, "number of updates (0 to 1000000)")
      ->required()
      ->check(in_range(0, limits::kMaxSteps));
  args->optimizer.add_to(*cmd);
  cmd->add_option("--history-every", args->history_every,
                  "record the full-data loss every K steps (1 to 1000000; default: see above)")
      ->check(in_range(1, limits::kMaxSteps));
  cmd->add_option("--out", args->out, "write the JSON here instead of stdout");
  args->loss.add_to(*cmd);
  cmd->callback([args, &exit_code] {
    const StopSignals signals;  // before loading: a Ctrl+C while a big file loads still writes
    Scene scene = load_scene_or_throw(args->scene);
    args->loss.apply(scene.loss, scene.classes());
    args->optimizer.apply(scene.optimizer);
    if (const std::string m = multi_label_conflict(scene.points, scene.loss.kind); !m.empty())
      throw UsageError("train: " + m);

    TrainOptions options;
    options.record_every = args->history_every > 0 ? args->history_every : auto_record_every(scene);
    ProgressBar progress(args->steps);
    options.keep_going = [&](long done) {
      progress.update(done);
      return signals.signal() == 0;
    };
    const TrainResult r = train(scene, args->steps, options);
    progress.finish();

    nlohmann::json out;
    out["W"] = to_json(Eigen::MatrixXd(scene.params.W));
    out["b"] = to_json(scene.params.b);
    nlohmann::json total = nlohmann::json::array(), data = nlohmann::json::array(),
                   acc = nlohmann::json::array();
    for (const LossRecord& h : r.history) {
      total.push_back(h.total_loss);
      data.push_back(h.data_loss);
      acc.push_back(h.accuracy);
    }
    out["history"] = std::move(total);
    out["data_loss_history"] = std::move(data);
    out["accuracy_history"] = std::move(acc);
    // The final parameters' accuracies (see `losslab eval`).
    const Accuracies final_acc = accuracies(scene.points, scene.params, scene.loss.kind);
    out["accuracy"] = final_acc.accuracy;
    out["exact_match"] = final_acc.exact_match;
    out["label_accuracy"] = final_acc.label_accuracy;
    out["history_steps"] = r.history_steps;
    out["history_every"] = options.record_every;
    out["steps"] = r.steps_done;
    const bool diverged = r.status == StepStatus::Diverged;
    out["status"] = diverged                     ? "diverged"
                    : r.interrupted              ? "interrupted"
                    : r.status == StepStatus::Ok ? "ok"
                                                 : "no data";
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("train: " + bad +
                               " is not finite (the numbers overflow); "
                               "nothing written");
    write_output(args->out, out.dump() + "\n");
    if (diverged) {
      std::fprintf(stderr,
                   "losslab: training diverged after %ld steps (parameters kept at the last "
                   "finite state); try a smaller --lr\n",
                   r.steps_done);
      exit_code = kExitFailure;
    } else if (r.interrupted) {
      std::fprintf(stderr, "losslab: interrupted after %ld of %ld steps; wrote the state so far\n",
                   r.steps_done, args->steps);
      exit_code = 128 + signals.signal();
    } else {
      exit_code = kExitOk;
    }
  });
}

}  // namespace ll::cli
