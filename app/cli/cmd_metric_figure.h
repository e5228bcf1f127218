#pragma once
// `losslab metric --out` and `losslab metric-train --out`: the embedding plane (and the training
// loss plot) rendered headless through app/export's cairo twin of the window's embedding tab
// (View::Plane), to PNG, SVG or PDF by the file's extension.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "app/export/export.h"

namespace ll::cli {

struct MetricFigureOut {
  std::string out, theme = "light";
  double width = 0.0, height = 0.0, scale = 1.0;  // 0: the command's default size
  // --out --width --height --scale --theme
  void add_to(CLI::App& cmd);
  bool wanted() const { return !out.empty(); }
  // The options of the figure (default size default_w x default_h), its format; checks the
  // path and the size before any work (UsageError).
  exporter::FigureOptions options(double default_w, double default_h,
                                  exporter::Format& format) const;
  // Renders and writes the file (UsageError on failure); what was written, for the JSON.
  nlohmann::json write(const exporter::FigureData& data, const exporter::FigureOptions& opt,
                       exporter::Format format) const;
};

}  // namespace ll::cli
