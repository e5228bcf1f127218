// losslab landscape SCENE [--x PARAM --y PARAM | --random-directions [--seed S]] [--1d]
//   [--range R] [--grid N] [loss overrides] --out FILE.csv|png|svg|pdf
//   [--width W --height H --scale S --theme light|dark]
// The total loss (core's, regularizer included) over a slice through the scene's parameters:
// CSV columns x,y,loss (1-D: x,loss), x and y the offsets along the slice's directions (for
// parameters: from their current values); or the landscape figure drawn with cairo.
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "app/cli/command_registry.h"
#include "app/cli/slice_args.h"
#include "app/export/landscape_export.h"
#include "core/landscape.h"
#include "core/losses.h"

namespace ll::cli {

namespace {

std::string csv_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

void register_landscape(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, out, theme = "light";
    double width = 800.0, height = 700.0, scale = 1.0;
    SliceArgs slice;
    LossOverrides loss;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "landscape",
      "The total loss over a 2-D (or --1d) slice of parameter space through the scene's "
      "parameters, as CSV (x,y,loss: offsets and loss) or a PNG/SVG/PDF figure");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv) or setup text")->required();
  add_slice_options(*cmd, args->slice, "--seed");
  cmd->add_flag("--1d", args->slice.one_d, "a 1-D slice along --x (or the first random direction)");
  cmd->add_option("--out", args->out, "FILE.csv, FILE.png, FILE.svg or FILE.pdf (- : CSV out)")
      ->required();
  cmd->add_option("--width", args->width, "figure width in [16, 16384] (default 800)")
      ->check(in_range(limits::Range{16.0, 16384.0}));
  cmd->add_option("--height", args->height, "figure height in [16, 16384] (default 700)")
      ->check(in_range(limits::Range{16.0, 16384.0}));
  cmd->add_option("--scale", args->scale, "PNG pixels per figure unit in [0.05, 64]")
      ->check(in_range(limits::Range{0.05, 64.0}));
  cmd->add_option("--theme", args->theme, "light or dark")->check(CLI::IsMember({"light", "dark"}));
  args->loss.add_to(*cmd);
  cmd->callback([args, &exit_code] {
    namespace fs = std::filesystem;
    const std::string ext = fs::path(args->out).extension().string();
    exporter::Format format = exporter::Format::Png;
    const bool csv = args->out == "-" || ext == ".csv" || ext == ".CSV";
    if (!csv && !exporter::format_from_path(args->out, format))
      throw UsageError(args->out + ": unknown output format (use .csv, .png, .svg or .pdf)");
    Scene scene = load_scene_or_throw(args->scene);
    args->loss.apply(scene.loss, scene.classes());
    if (const std::string m = multi_label_conflict(scene.points, scene.loss.kind); !m.empty())
      throw UsageError("landscape: " + m);
    const LandscapeSlice slice = make_slice(args->slice, scene.classes(), "landscape");
    const LandscapeGrid g = compute_landscape(scene, slice);
    for (double v : g.loss)
      if (!std::isfinite(v))
        throw std::runtime_error(
            "landscape: the loss is not finite somewhere in the slice "
            "(the numbers overflow); try a smaller --range");
    if (csv) {
      std::ostringstream os;
      os << (g.one_d ? "x,loss\n" : "x,y,loss\n");
      for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
          os << csv_number(g.x_at(i)) << ',';
          if (!g.one_d) os << csv_number(g.y_at(j)) << ',';
          os << csv_number(g.at(i, j)) << '\n';
        }
      write_output(args->out == "-" ? "" : args->out, os.str());
      exit_code = 0;
      return;
    }
    Style style;
    if (args->theme == "dark") style.theme = palette::Theme::Dark;
    style.scale = static_cast<float>(std::max(0.75, std::min(args->width, args->height) / 600.0));
    figure::LandscapeInput in;
    in.grid = &g;
    in.x_name = axis_name(slice, 0);
    in.y_name = axis_name(slice, 1);
    in.style = style;
    in.title = std::string("Total loss (") + display_name(scene.loss.kind) + ")";
    const figure::LandscapeFigure fig = figure::describe_landscape(in);
    try {
      exporter::export_landscape(args->out, fig, args->width, args->height, args->scale, style);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("landscape: ") + e.what());
    }
    exit_code = 0;
  });
}

}  // namespace ll::cli
