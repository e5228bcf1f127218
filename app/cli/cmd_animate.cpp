// losslab animate [SCENE] --steps N [--every K] [--fps F] [--size WxH]
//   [--view canvas|lossplot|landscape|race] --out FILE.gif|mp4|webm [--mode ...]
//   [--theme light|dark] [--palette P] [--no-legend] [--no-axes] [--margins]
//   [--race RUN,RUN,...] [--x PARAM --y PARAM | --random-directions] [--range R] [--grid N]
//   [training and loss options]
// Records a training run as an animation: frame i is the figure `losslab render --steps i*K`
// draws at that size (canvas, loss plot); for the landscape, the map through the run's start
// (`losslab landscape` at that size) with the path up to step i*K; for a race, the race figure
// after i*K lock steps (`losslab race --steps i*K --out`). Prints one JSON object: out, format,
// view, frames, width, height, fps, duration, steps, steps_done, status, bytes (and the race's
// runs).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "app/cli/command_registry.h"
#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "app/cli/slice_args.h"
#include "app/video/encoder.h"
#include "app/video/landscape_frames.h"
#include "app/video/race_frames.h"
#include "app/video/training_frames.h"
#include "core/landscape.h"
#include "core/losses.h"
#include "core/race_spec.h"

namespace ll::cli {

namespace {

constexpr long kMaxAnimateSteps = 1'000'000;  // as `losslab train --steps`

// What every view gets: the scene (overrides applied), the run's length and the figure options
// the command line chose.
struct AnimateInput {
  Scene scene;
  long steps = 0, every = 1;
  exporter::FigureOptions figure;
  std::vector<RaceRunSettings> race;  // race: the runs (--race)
  LandscapeSlice slice;               // landscape: the slice (--x, --y, ...)
  bool race_landscape = false;        // race: the runs' paths over the landscape of `slice`
};

// The --view values. A new view (a landscape, a race) is one more row: its name, and how it
// makes its frames.
struct AnimateView {
  const char* name;
  std::unique_ptr<video::FrameSource> (*make)(AnimateInput& in);
};

void warn_diverged(const video::TrainingRun& run);

std::unique_ptr<video::FrameSource> training_view(AnimateInput& in, exporter::View view) {
  in.figure.view = view;
  video::TrainingRun run = video::run_training(in.scene, in.steps, in.every);
  warn_diverged(run);
  return std::make_unique<video::TrainingFrames>(std::move(in.scene), std::move(run), in.figure);
}

void warn_diverged(const video::TrainingRun& run) {
  if (run.status == StepStatus::Diverged)
    std::fprintf(stderr,
                 "losslab: warning: training diverged after %ld steps; the remaining frames "
                 "hold the last finite state\n",
                 run.steps_done);
}

// The map is computed once, here, through the start (before training moves it): frame 0 is the
// still `losslab landscape` of the scene, and the path leaves the centre.
std::unique_ptr<video::FrameSource> landscape_view(AnimateInput& in) {
  if (const std::string m = multi_label_conflict(in.scene.points, in.scene.loss.kind); !m.empty())
    throw UsageError("animate: " + m);
  LandscapeGrid grid = compute_landscape(in.scene, in.slice);
  video::TrainingRun run = video::run_training(in.scene, in.steps, in.every, nullptr, 0.0, true);
  warn_diverged(run);
  return std::make_unique<video::LandscapeFrames>(
      std::move(run), std::move(grid), video::landscape_text(in.scene, in.slice), in.figure.style);
}

std::unique_ptr<video::FrameSource> race_view(AnimateInput& in) {
  if (in.steps > kMaxRaceSteps)
    throw UsageError("--steps " + std::to_string(in.steps) + ": a race takes at most " +
                     std::to_string(kMaxRaceSteps) + " steps");
  Race race(in.scene);
  for (const RaceRunSettings& s : in.race) race.add_run(s);
  figure::RaceLandscape landscape;
  if (in.race_landscape) landscape = figure::race_landscape(race, in.slice);
  return std::make_unique<video::RaceFrames>(std::move(race), in.steps, in.every, in.figure,
                                             std::move(landscape));
}

constexpr AnimateView kViews[] = {
    {"canvas", [](AnimateInput& in) { return training_view(in, exporter::View::Canvas); }},
    {"lossplot", [](AnimateInput& in) { return training_view(in, exporter::View::LossPlot); }},
    {"presenter", [](AnimateInput& in) { return training_view(in, exporter::View::Presenter); }},
    {"landscape", landscape_view},
    {"race", race_view},
};

std::string view_names() {
  std::string s;
  const std::size_t n = std::size(kViews);
  for (std::size_t i = 0; i < n; ++i)
    s += (i == 0 ? "" : i + 1 == n ? " or " : ", ") + std::string(kViews[i].name);
  return s;
}

const AnimateView* find_view(const std::string& name) {
  for (const AnimateView& v : kViews)
    if (name == v.name) return &v;
  return nullptr;
}

// "800x600" (or "800X600") -> 800, 600.
bool parse_size(const std::string& s, int& w, int& h) {
  const std::size_t x = s.find_first_of("xX");
  if (x == std::string::npos || x == 0 || x + 1 == s.size() || s.size() > 16) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != x && (s[i] < '0' || s[i] > '9')) return false;
  w = std::stoi(s.substr(0, x));
  h = std::stoi(s.substr(x + 1));
  return true;
}

void check_output(const std::string& out, video::Format& format) {
  namespace fs = std::filesystem;
  const fs::path path(out);
  if (!video::format_from_path(path, format))
    throw UsageError(out + ": unknown output format (use .gif, .mp4 or .webm)");
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw UsageError(out + ": is a folder");
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw UsageError(out + ": folder " + dir.string() + " does not exist");
}

}  // namespace

void register_animate(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, out, view = "canvas", size = "800x800", mode = "argmax", theme = "light";
    std::string palette = "projector";
    std::string race = "gd,momentum,adam";
    long steps = 0, every = 1;
    int fps = 25;
    bool no_legend = false, no_axes = false, margins = false, landscape = false;
    SliceArgs slice;
    LossOverrides loss;
    OptimizerOverrides optimizer;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "animate", "Record a training run as an animated GIF, an MP4 (H.264) or a WebM (VP9)");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv); default: the CS231n demo");
  cmd->add_option("--steps", args->steps, "training steps, 1 to 1000000")
      ->required()
      ->check(CLI::Range(1L, kMaxAnimateSteps));
  cmd->add_option("--every", args->every,
                  "steps per frame (default 1): frames at steps 0, K, 2K, ... and the last")
      ->check(CLI::Range(1L, kMaxAnimateSteps));
  cmd->add_option("--fps", args->fps, "frames per second (default 25; GIF at most 50)")
      ->check(CLI::Range(1, video::kMaxFps));
  cmd->add_option("--size", args->size, "WxH in pixels (default 800x800; even for mp4 and webm)");
  cmd->add_option("--view", args->view, "what the frames show: " + view_names());
  cmd->add_option("--out", args->out, "output file: .gif, .mp4 or .webm")->required();
  cmd->add_option("--mode", args->mode, "canvas shading: argmax, confidence or score:K");
  cmd->add_option("--theme", args->theme, "light or dark")->check(CLI::IsMember({"light", "dark"}));
  cmd->add_option("--palette", args->palette, "class colours: projector (default) or okabe-ito")
      ->check(CLI::IsMember({"projector", "demo", "okabe-ito", "colorblind"}));
  cmd->add_flag("--no-legend", args->no_legend, "omit the legend");
  cmd->add_flag("--no-axes", args->no_axes, "omit axes, ticks, labels and titles");
  cmd->add_flag("--margins", args->margins, "canvas: dashed margin lines s_k = +-delta");
  cmd->add_option("--race", args->race,
                  "race: the runs, NAME[:KEY=VALUE]... comma-separated (as `losslab race "
                  "--runs`; default gd,momentum,adam)");
  cmd->add_flag("--landscape", args->landscape,
                "race: every run's path over the landscape through the start (slice options)");
  const std::vector<std::string> slice_options =
      add_slice_options(*cmd, args->slice, "--direction-seed", "landscape: ");
  args->optimizer.add_to(*cmd);
  args->loss.add_to(*cmd);

  cmd->callback([args, cmd, slice_options, &exit_code] {
    const AnimateView* view = find_view(args->view);
    if (!view) throw UsageError("--view " + args->view + ": use " + view_names());
    // Options of another view would be ignored: say so instead.
    if (view->make != race_view && cmd->count("--race") > 0)
      throw UsageError("--race: only with --view race");
    if (view->make != race_view && args->landscape)
      throw UsageError("--landscape: only with --view race (--view landscape is the map alone)");
    if (view->make != landscape_view && !args->landscape)
      for (const std::string& o : slice_options)
        if (cmd->count(o) > 0)
          throw UsageError(o + ": only with --view landscape or --view race --landscape");
    video::VideoOptions vopt;
    if (!parse_size(args->size, vopt.width, vopt.height))
      throw UsageError("--size " + args->size + ": use WxH, e.g. 800x800");
    vopt.fps = args->fps;
    check_output(args->out, vopt.format);
    const long frames = video::frame_count(args->steps, args->every);
    if (frames > video::kMaxFrames)
      throw UsageError(std::to_string(frames) + " frames: an animation has at most " +
                       std::to_string(video::kMaxFrames) + " (raise --every)");
    if (const std::string why = video::check_options(vopt, static_cast<int>(frames)); !why.empty())
      throw UsageError(why);

    AnimateInput in;
    exporter::FigureOptions& fig = in.figure;
    exporter::parse_theme(args->theme, fig.style.theme);
    fig.style.scheme = args->palette == "okabe-ito" || args->palette == "colorblind"
                           ? palette::Scheme::ColorBlindSafe
                           : palette::Scheme::Demo;
    if (!exporter::parse_shading(args->mode, fig.regions, fig.score_class))
      throw UsageError("--mode " + args->mode + ": use argmax, confidence or score:K");
    fig.legend = !args->no_legend;
    fig.axes = !args->no_axes;
    fig.margins = args->margins;
    in.scene = args->scene.empty() ? default_scene() : load_scene_or_throw(args->scene);
    if (fig.regions == exporter::Shading::Score && fig.score_class >= in.scene.classes())
      throw UsageError("--mode " + args->mode + ": the scene has classes 0.." +
                       std::to_string(in.scene.classes() - 1));
    args->loss.apply(in.scene.loss, in.scene.classes());
    args->optimizer.apply(in.scene.optimizer);
    in.steps = args->steps;
    in.every = args->every;
    if (view->make == race_view) {
      if (const std::string e = parse_race_runs(
              args->race, RaceRunSettings{in.scene.optimizer, in.scene.loss}, in.race);
          !e.empty())
        throw UsageError("--race: " + e);
    }
    if (view->make == landscape_view || args->landscape)
      in.slice = make_slice(args->slice, in.scene.classes(), "animate");
    in.race_landscape = args->landscape;

    const auto t0 = std::chrono::steady_clock::now();
    std::unique_ptr<video::FrameSource> source = view->make(in);
    video::EncodeResult r;
    try {
      r = video::encode(*source, vopt, args->out);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());  // unwritable folder, disk full: the old file is kept
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const video::TrainingRun* run = nullptr;
    if (const auto* t = dynamic_cast<const video::TrainingFrames*>(source.get())) run = &t->run();
    if (const auto* l = dynamic_cast<const video::LandscapeFrames*>(source.get())) run = &l->run();
    const auto* race = dynamic_cast<const video::RaceFrames*>(source.get());
    nlohmann::json j;
    j["out"] = args->out;
    j["format"] = video::to_string(vopt.format);
    j["view"] = view->name;
    j["frames"] = r.frames;
    j["width"] = vopt.width;
    j["height"] = vopt.height;
    j["fps"] = vopt.fps;
    j["duration"] = static_cast<double>(r.frames) / vopt.fps;
    j["steps"] = args->steps;
    j["every"] = args->every;
    if (run) {
      j["steps_done"] = run->steps_done;
      j["status"] = run->status == StepStatus::Diverged ? "diverged" : "ok";
    }
    if (race) {
      j["steps_done"] = race->race().steps();
      nlohmann::json runs = nlohmann::json::array();
      for (const RaceRun& rr : race->race().runs())
        runs.push_back({{"name", rr.name}, {"status", to_string(rr.status)}, {"steps", rr.steps}});
      j["runs"] = std::move(runs);
      j["status"] = "ok";
    }
    j["bytes"] = r.bytes;
    j["seconds"] = seconds;
    std::printf("%s\n", j.dump().c_str());
    exit_code = kExitOk;
  });
}

}  // namespace ll::cli
