// losslab curves --family regression|crossentropy|focal|margin|probability [--delta D]
//                [--gamma G] [--alpha A] [--margin M] [--bits] [--derivatives] [--samples N]
//                [--min X] [--max X] --out FILE.csv|FILE.png|FILE.svg|FILE.pdf
// Without --min/--max the range follows the parameters (core/lab/curve_sampling.h
// default_range: e.g. Huber's spans 3 delta each side). The probability family (a sigmoid
// output y_hat against targets 0 and 1: se_y0, bce_y0, se_y1, bce_y1, with --derivatives also
// d_* by y_hat and dlogit_* by the logit) is written as CSV only: its figure is the Loss lab's
// "MSE vs cross-entropy" view.
// CSV gets the sampled curves; an image gets the exporter's figure of the same table
// (app/export draws core/lab's CurveTable), honouring every option but --derivatives, which is
// refused for images rather than ignored. No cell is ever inf or NaN: a range reaching where a
// curve overflows (e.g. margin below m = -709.78, where e^-m does) is clipped to where every
// curve is finite, with a note on stderr; when nothing finite is left it is refused (exit 2).
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "app/cli/command_registry.h"
#include "app/export/export.h"
#include "core/lab/curve_sampling.h"

namespace ll::cli {

void register_curves(CLI::App& app, int& exit_code) {
  struct Args {
    std::string family, out;
    lab::CurveParams params;
    double min = 0.0, max = 0.0;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "curves",
      "Write sampled loss curves as CSV (the abscissa, then one column per curve) or "
      "draw them as PNG, SVG or PDF");
  cmd->add_option("--family", args->family,
                  "regression, crossentropy, focal, margin or probability (CSV only)")
      ->required()
      ->check(CLI::IsMember({"regression", "crossentropy", "focal", "margin", "probability"}));
  cmd->add_option("--delta", args->params.delta, "Huber threshold delta > 0 (default 1)")
      ->check(finite_number());
  cmd->add_option("--gamma", args->params.gamma,
                  "focal gamma >= 0, added to 0,0.5,1,2,5 (default 2)")
      ->check(finite_number());
  cmd->add_option("--alpha", args->params.alpha, "focal weight alpha > 0 (default 1)")
      ->check(finite_number());
  cmd->add_option("--margin", args->params.margin,
                  "margin M of the binary hinge max(0, M - m) in [0, 1e6] (default 1)")
      ->check(finite_number());
  cmd->add_flag("--bits", args->params.bits,
                "the cross-entropy family in bits instead of nats (every column)");
  cmd->add_flag("--derivatives", args->params.derivatives, "add a d_<name> column per curve");
  cmd->add_option("--samples", args->params.samples, "grid points, 2..1000000 (default 401)");
  cmd->add_option("--min", args->min, "abscissa minimum (family default otherwise)")
      ->check(finite_number());
  cmd->add_option("--max", args->max, "abscissa maximum (family default otherwise)")
      ->check(finite_number());
  cmd->add_option("--out", args->out, "output file: .csv (or - for stdout), .png, .svg or .pdf")
      ->required();
  cmd->callback([args, cmd, &exit_code] {
    lab::CurveFamily family{};
    const bool probability = args->family == "probability";
    if (!probability) lab::parse(args->family, family);
    if (cmd->count("--min") > 0) args->params.min = args->min;
    if (cmd->count("--max") > 0) args->params.max = args->max;
    exporter::Format image{};
    const bool is_image = args->out != "-" && exporter::format_from_path(args->out, image);
    const std::string ext = std::filesystem::path(args->out).extension().string();
    if (!is_image && args->out != "-" && ext != ".csv")
      throw UsageError("curves: --out must name a .csv, .png, .svg or .pdf file (got '" +
                       args->out + "')");
    if (is_image && cmd->count("--derivatives") > 0)
      throw UsageError("curves: --derivatives applies to .csv output only");
    if (is_image && probability)
      throw UsageError(
          "curves: --family probability is written as .csv only (its figure is the Loss lab's "
          "\"MSE vs cross-entropy\" view)");
    if (std::string err = probability ? lab::validate_probability(args->params)
                                      : lab::validate(family, args->params);
        !err.empty())
      throw UsageError("curves: " + err);
    // Never an inf or NaN cell: clip to where every curve is finite (a note says so), or refuse.
    try {
      const lab::SampleRange range = probability ? lab::probability_sample_range(args->params)
                                                 : lab::sample_range(family, args->params);
      if (!range.note.empty()) std::cerr << "losslab: note: curves: " << range.note << "\n";
      args->params.min = range.lo;
      args->params.max = range.hi;
      if (!is_image) {
        write_output(args->out,
                     lab::to_csv(probability ? lab::sample_probability_curves(args->params)
                                             : lab::sample_curves(family, args->params)));
        exit_code = 0;
        return;
      }
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("curves: ") + e.what());
    }
    if (is_image) {
      exporter::FigureOptions fig;
      fig.view = exporter::View::Curves;
      fig.family = family;
      fig.curves = args->params;
      exporter::export_figure(args->out, {}, fig);
      exit_code = 0;
    }
  });
}

}  // namespace ll::cli
