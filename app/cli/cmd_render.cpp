// losslab render [SCENE] --out FILE.(png|svg|pdf) [--view canvas|lossplot|curves]
//   [--mode argmax|confidence|score:K] [--width W --height H --scale S] [--theme light|dark]
//   [--transparent] [--no-legend] [--no-axes] [--margins] [--family F] [--steps N ...]
// Draws a figure with cairo: no display needed.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "app/cli/command_registry.h"
#include "app/cli/commands.h"
#include "app/export/export.h"
#include "app/style/style.h"
#include "core/history_thinning.h"
#include "core/lab/curve_sampling.h"
#include "core/optimizer.h"

namespace ll::cli {

namespace {

// The most training steps before drawing: the cap of `losslab train --steps` (cmd_train.cpp).
constexpr long kMaxRenderSteps = 1'000'000;

// `steps` updates with a loss record before each and after the last, like core's train(), but
// kept in a ThinnedHistory: memory and the plot's polyline stay bounded however long the run.
struct RenderTraining {
  std::vector<LossRecord> history;
  std::vector<long> steps;
  StepStatus status = StepStatus::Ok;
  long steps_done = 0;
};

RenderTraining train_thinned(Scene& scene, long steps) {
  RenderTraining out;
  Optimizer opt(scene.optimizer);
  ThinnedHistory h;
  for (long i = 0; i < steps; ++i) {
    h.add(i, record(scene));
    out.status = opt.step(scene);
    if (out.status != StepStatus::Ok) break;
    ++out.steps_done;
  }
  const LossRecord last = record(scene);
  h.add(out.status == StepStatus::Ok ? out.steps_done : out.steps_done + 1, last);
  if (out.status == StepStatus::Ok && !std::isfinite(last.total_loss))
    out.status = StepStatus::Diverged;
  out.history.reserve(h.points().size());
  out.steps.reserve(h.points().size());
  for (const StepRecord& p : h.points()) {
    out.history.push_back(p.record);
    out.steps.push_back(p.step);
  }
  return out;
}

// Fails early, before any work, on an output path that cannot be written.
void check_output_path(const std::string& out, exporter::Format& format) {
  namespace fs = std::filesystem;
  const fs::path path(out);
  if (!exporter::format_from_path(path, format))
    throw UsageError(out + ": unknown output format (use .png, .svg or .pdf)");
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw UsageError(out + ": is a folder");
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw UsageError(out + ": folder " + dir.string() + " does not exist");
}

}  // namespace

void register_render(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, out, view = "canvas", mode = "argmax", theme = "light", palette = "demo";
    std::string family = "regression";
    double width = 800.0, height = 800.0, scale = 1.0;
    long steps = -1;
    bool transparent = false, no_legend = false, no_axes = false, margins = false;
    LossOverrides loss;
    OptimizerOverrides optimizer;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "render", "Draw the canvas, the loss plot or a loss-curve family as PNG, SVG or PDF");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv); default: the CS231n demo");
  cmd->add_option("--out", args->out, "output file: .png, .svg or .pdf")->required();
  cmd->add_option("--view", args->view,
                  "canvas, lossplot, curves or presenter (the canvas beside the loss plot)")
      ->check(CLI::IsMember({"canvas", "lossplot", "curves", "presenter"}));
  cmd->add_option("--mode", args->mode, "canvas shading: argmax, confidence or score:K");
  cmd->add_option("--width", args->width, "figure width (px at scale 1; px in SVG, pt in PDF)")
      ->check(finite_number());
  cmd->add_option("--height", args->height, "figure height")->check(finite_number());
  cmd->add_option("--scale", args->scale, "PNG pixels per figure unit (2, 4 for print)")
      ->check(finite_number());
  cmd->add_option("--palette", args->palette,
                  "class colours: projector (the default: colour-blind safe, 10 classes with "
                  "marker shapes; also 'demo') or okabe-ito (the soft earlier palette; also "
                  "'colorblind', its old name)")
      ->check(CLI::IsMember({"projector", "demo", "okabe-ito", "colorblind"}));
  cmd->add_option("--theme", args->theme, "light or dark")->check(CLI::IsMember({"light", "dark"}));
  cmd->add_flag("--transparent", args->transparent, "no background fill");
  cmd->add_flag("--no-legend", args->no_legend, "omit the legend");
  cmd->add_flag("--no-axes", args->no_axes, "omit axes, ticks, labels and titles");
  cmd->add_flag("--margins", args->margins,
                "canvas: dashed margin lines s_k = +-delta (hinge losses; +-1 for softmax)");
  cmd->add_option("--family", args->family, "curves: regression, crossentropy, focal or margin")
      ->check(CLI::IsMember({"regression", "crossentropy", "focal", "margin"}));
  cmd->add_option(
         "--steps", args->steps,
         "training steps before drawing, 0 to 1000000 (default 0; lossplot, presenter: 100)")
      ->check(CLI::Range(0L, kMaxRenderSteps));
  args->optimizer.add_to(*cmd);
  args->loss.add_to(*cmd);

  cmd->callback([args, &exit_code] {
    exporter::FigureOptions opt;
    exporter::parse_view(args->view, opt.view);
    exporter::parse_theme(args->theme, opt.style.theme);
    opt.style.scheme = args->palette == "okabe-ito" || args->palette == "colorblind"
                           ? palette::Scheme::ColorBlindSafe
                           : palette::Scheme::Demo;
    lab::parse(args->family, opt.family);  // checked by IsMember above
    if (!exporter::parse_shading(args->mode, opt.regions, opt.score_class))
      throw UsageError("--mode " + args->mode + ": use argmax, confidence or score:K");
    opt.width = args->width;
    opt.height = args->height;
    opt.style.scale = exporter::render_scale(opt.width, opt.height);
    opt.scale = args->scale;
    opt.transparent = args->transparent;
    opt.legend = !args->no_legend;
    opt.axes = !args->no_axes;
    opt.margins = args->margins;

    exporter::Format format;
    check_output_path(args->out, format);
    if (const std::string why = exporter::check_size(opt, format); !why.empty())
      throw UsageError(why);

    exporter::FigureData data;
    data.scene = args->scene.empty() ? default_scene() : load_scene_or_throw(args->scene);
    Scene& scene = data.scene;
    if (opt.regions == exporter::Shading::Score && opt.score_class >= scene.classes())
      throw UsageError("--mode " + args->mode + ": the scene has classes 0.." +
                       std::to_string(scene.classes() - 1));
    args->loss.apply(scene.loss, scene.classes());
    args->optimizer.apply(scene.optimizer);

    const bool plot = opt.view == exporter::View::LossPlot || opt.view == exporter::View::Presenter;
    const long steps = args->steps >= 0 ? args->steps : plot ? 100 : 0;
    if (opt.view != exporter::View::Curves) {
      RenderTraining r = train_thinned(scene, steps);
      if (r.status == StepStatus::Diverged)
        std::fprintf(stderr,
                     "losslab: warning: training diverged after %ld steps; drawing the "
                     "last finite state\n",
                     r.steps_done);
      data.history = std::move(r.history);
      data.history_steps = std::move(r.steps);
    }

    std::string bytes;
    try {
      bytes = exporter::render_figure(data, opt, format);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
    try {
      write_output(args->out, bytes);
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());  // unwritable folder, disk full: the old file is kept
    }
    if (format == exporter::Format::Png)
      std::printf("wrote %s (%d x %d px)\n", args->out.c_str(), exporter::raster_width(opt),
                  exporter::raster_height(opt));
    else
      std::printf("wrote %s (%g x %g %s)\n", args->out.c_str(), opt.width, opt.height,
                  format == exporter::Format::Pdf ? "pt" : "px");
    exit_code = kExitOk;
  });
}

}  // namespace ll::cli
