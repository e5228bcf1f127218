// losslab race SCENE [--runs gd:lr=0.1,momentum,adam:lr=0.01] [--losses ww,softmax] [--lr X]
// [--steps N] [--landscape [--x P --y P | --random-directions --direction-seed S] [--range R]
// [--grid N]] [--out FILE.png|svg|pdf --width W --height H --scale S --theme T]
// The race view's twin: the same scene and start trained by several runs in lock step (core/
// race.h); prints per run its settings, loss history, final parameters and accuracy as JSON,
// and with --out also exports the race figure (small canvases and the loss plot). --landscape:
// the landscape of the first run's loss through the start, every run's path projected onto it
// (JSON: "landscape" and each run's "path" of slice coordinates per step; the figure draws them).
#include <algorithm>
#include <filesystem>
#include <limits>
#include <sstream>

#include "app/cli/command_registry.h"
#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "app/cli/slice_args.h"
#include "app/export/race_export.h"
#include "core/losses.h"
#include "core/race.h"
#include "core/race_spec.h"

namespace ll::cli {

namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

nlohmann::json settings_json(const RaceRunSettings& s) {
  nlohmann::json o;
  o["optimizer"] = to_string(s.optimizer.kind);
  o["lr"] = s.optimizer.lr;
  o["batch"] = s.optimizer.batch;
  o["momentum"] = s.optimizer.momentum;
  o["beta1"] = s.optimizer.beta1;
  o["beta2"] = s.optimizer.beta2;
  o["seed"] = s.optimizer.seed;
  o["loss"] = to_string(s.loss.kind);
  o["reg"] = s.loss.lambda;
  o["reg_kind"] = to_string(s.loss.reg);
  o["delta"] = s.loss.delta;
  return o;
}

}  // namespace

void register_race(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, runs, losses, out, theme = "light";
    long steps = 100;
    double width = 1200.0, height = 800.0, scale = 1.0;
    bool landscape = false;
    SliceArgs slice;
    LossOverrides loss;
    OptimizerOverrides optimizer;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "race",
      "Train the scene's start (W, b) with several runs at once, in lock step: one run per "
      "optimizer of --runs (each NAME or NAME:LR), or per loss of --losses, or one per pair of "
      "both; the other settings come from the scene and the options. Prints per run its "
      "settings, loss history (a full-data record per step), final W and b, accuracy and "
      "status as JSON; --out also writes the race figure (small canvases, loss plot).");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv)")->required();
  cmd->add_option("--runs", args->runs,
                  "runs, comma-separated: NAME[:KEY=VALUE]... with NAME an optimizer (gd, sgd, "
                  "momentum, adam) or a loss, KEY lr, batch, momentum, beta1, beta2, seed, loss, "
                  "delta, reg, gamma or alpha (e.g. gd:lr=0.1,adam:lr=0.01:beta1=0.8; NAME:LR "
                  "sets the step size); default gd,momentum,adam unless --losses is given");
  cmd->add_option("--losses", args->losses,
                  "losses, comma-separated: ww, ova, structured, softmax, sigmoid, focal");
  cmd->add_option("--steps", args->steps, "lock steps (0 to 100000; default 100)")
      ->check(in_range(0, kMaxRaceSteps));
  cmd->add_option("--out", args->out, "also export the race figure: .png, .svg or .pdf");
  cmd->add_option("--width", args->width, "figure width (default 1200)")->check(finite_number());
  cmd->add_option("--height", args->height, "figure height (default 800)")->check(finite_number());
  cmd->add_option("--scale", args->scale, "PNG pixels per figure unit")->check(finite_number());
  cmd->add_option("--theme", args->theme, "light or dark")->check(CLI::IsMember({"light", "dark"}));
  cmd->add_flag("--landscape", args->landscape,
                "also the landscape of the first run's loss through the start, with every run's "
                "path on it (JSON: each run's path in slice coordinates; drawn in --out)");
  const std::vector<std::string> slice_options =
      add_slice_options(*cmd, args->slice, "--direction-seed", "landscape: ");
  args->optimizer.add_to(*cmd);
  args->loss.add_to(*cmd);

  cmd->callback([args, cmd, slice_options, &exit_code] {
    if (!args->landscape)
      for (const std::string& o : slice_options)
        if (cmd->count(o) > 0) throw UsageError(o + ": only with --landscape");
    exporter::Format format = exporter::Format::Png;
    if (!args->out.empty() && !exporter::format_from_path(args->out, format))
      throw UsageError(args->out + ": unknown output format (use .png, .svg or .pdf)");
    Scene scene = load_scene_or_throw(args->scene);
    args->loss.apply(scene.loss, scene.classes());
    args->optimizer.apply(scene.optimizer);
    const RaceRunSettings base{scene.optimizer, scene.loss};

    std::vector<RaceRunSettings> optimizers, runs;
    const std::string run_list =
        args->runs.empty() && args->losses.empty() ? "gd,momentum,adam" : args->runs;
    if (!run_list.empty())
      if (const std::string e = parse_race_runs(run_list, base, optimizers); !e.empty())
        throw UsageError("--runs: " + e);
    if (optimizers.empty()) optimizers.push_back(base);
    const std::vector<std::string> losses = split(args->losses);
    for (const RaceRunSettings& o : optimizers) {
      if (losses.empty()) runs.push_back(o);
      for (const std::string& name : losses) {
        RaceRunSettings s;
        if (!race_loss(name, o, s))
          throw UsageError("--losses: unknown loss '" + name +
                           "' (use ww, ova, structured, softmax, sigmoid, focal)");
        runs.push_back(s);
      }
    }
    if (runs.size() > static_cast<std::size_t>(kMaxRaceRuns))
      throw UsageError("race: " + std::to_string(runs.size()) + " runs; at most " +
                       std::to_string(kMaxRaceRuns));

    Race race(scene);
    for (const RaceRunSettings& s : runs) race.add_run(s);
    race.advance(args->steps);
    figure::RaceLandscape landscape;
    if (args->landscape) {
      const LandscapeSlice slice = make_slice(args->slice, scene.classes(), "race");
      try {
        landscape = figure::race_landscape(race, slice);
      } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("race --landscape: ") + e.what());
      }
    }

    nlohmann::json out;
    out["steps"] = race.steps();
    nlohmann::json list = nlohmann::json::array();
    bool bad = false;
    for (const RaceRun& r : race.runs()) {
      nlohmann::json j;
      j["name"] = r.name;
      j["settings"] = settings_json(r.settings);
      j["status"] = to_string(r.status);
      if (!r.message.empty()) j["message"] = r.message;
      j["steps"] = r.steps;
      nlohmann::json total = nlohmann::json::array(), acc = nlohmann::json::array();
      for (const LossRecord& h : r.history) {
        total.push_back(h.total_loss);
        acc.push_back(h.accuracy);
      }
      j["history"] = std::move(total);
      j["accuracy_history"] = std::move(acc);
      j["W"] = to_json(Eigen::MatrixXd(r.scene.params.W));
      j["b"] = to_json(r.scene.params.b);
      if (r.status != RunStatus::Refused) {
        j["accuracy"] = accuracies(r.scene.points, r.scene.params, r.scene.loss.kind).accuracy;
        j["loss"] = r.history.back().total_loss;
      }
      if (const LandscapeGrid* g = landscape.grid.get()) {
        nlohmann::json path = nlohmann::json::array();
        for (const Params& p : r.trajectory) {
          double a = 0.0, b = 0.0;
          project_params(g->center, g->dx, g->one_d ? nullptr : &g->dy, p, a, b);
          path.push_back(nlohmann::json::array({a, b}));
        }
        j["path"] = std::move(path);
      }
      bad = bad || r.status == RunStatus::Diverged || r.status == RunStatus::Refused;
      list.push_back(std::move(j));
    }
    out["runs"] = std::move(list);
    if (const LandscapeGrid* g = landscape.grid.get()) {
      double lo = std::numeric_limits<double>::infinity(), hi = -lo;
      for (double v : g->loss) lo = std::min(lo, v), hi = std::max(hi, v);
      out["landscape"] = {
          {"x", landscape.x_name}, {"y", landscape.y_name}, {"title", landscape.title},
          {"range", g->range},     {"grid", g->nx},         {"loss_min", lo},
          {"loss_max", hi}};
    }
    if (const std::string nf = find_non_finite(out); !nf.empty())
      throw std::runtime_error("race: " + nf + " is not finite (the numbers overflow)");
    if (!args->out.empty()) {
      exporter::FigureOptions opt;
      exporter::parse_theme(args->theme, opt.style.theme);
      opt.width = args->width;
      opt.height = args->height;
      opt.scale = args->scale;
      opt.style.scale = exporter::render_scale(opt.width, opt.height);
      if (const std::string why = exporter::check_size(opt, format); !why.empty())
        throw UsageError("race: " + why);
      figure::RaceFigureData data = figure::race_figure_data(race, exporter::kMaxVectorPoints);
      data.landscape = landscape;
      exporter::export_race(args->out, data, opt);
    }
    write_output("", out.dump() + "\n");
    if (bad)
      for (const RaceRun& r : race.runs())
        if (r.status == RunStatus::Diverged || r.status == RunStatus::Refused)
          std::fprintf(stderr, "losslab: race: %s %s%s%s\n", r.name.c_str(), to_string(r.status),
                       r.message.empty() ? "" : ": ", r.message.c_str());
    exit_code = kExitOk;
  });
}

}  // namespace ll::cli
