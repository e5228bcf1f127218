#pragma once
// Exports of the loss lab's panels from the window. Each panel describes its charts as
// app/figure PlotFigures (its describe(), the same figures it draws) and shows an "Export..."
// button: a path (PNG, SVG or PDF by its extension) and a size, rendered by app/export's cairo
// renderer in a background job (the classifier's export machinery: exporter::start_export_job
// and export_to_file, with progress, Cancel and an atomic write), the window live meanwhile.
// Charts of one panel go into one file, in the grid the panel shows them in.
#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/export/export.h"
#include "app/figure/plot_figure.h"
#include "app/style/style.h"
#include "core/job.h"

namespace ll::lab {

// An ImGui colour as a palette colour (its alpha dropped; PlotSeries::alpha carries it).
inline palette::Rgb rgb(ImU32 c) {
  return {static_cast<std::uint8_t>((c >> IM_COL32_R_SHIFT) & 0xFF),
          static_cast<std::uint8_t>((c >> IM_COL32_G_SHIFT) & 0xFF),
          static_cast<std::uint8_t>((c >> IM_COL32_B_SHIFT) & 0xFF)};
}
inline double alpha_of(ImU32 c) { return ((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.0; }

// The Style of the ImGui context being drawn (theme from its window background, scale from
// its font), for panels drawn without one.
Style style_of_imgui();

// The figures of one export and how they are arranged.
struct LabFigures {
  std::vector<figure::PlotFigure> plots;
  int columns = 1;
  // Embedding planes (the embedding tab), drawn in the grid before the plots.
  std::vector<metric::PlaneFigure> planes = {};
  // The loss landscape (the classifier's Landscape tab): drawn instead of the rest when set.
  std::optional<figure::LandscapeFigure> landscape = {};
};

// What an export in a width x height (pixels for PNG, units for SVG/PDF) file
// draws: figure units are the on-screen size `on_screen` (so text and lines keep their
// proportions), scaled to the requested pixels.
exporter::FigureOptions lab_export_options(ImVec2 on_screen, int width, int height,
                                           exporter::Format format, const Style& style);

class LabExport {
 public:
  explicit LabExport(std::string stem) : stem_(std::move(stem)) {}
  LabExport(const LabExport&) = delete;
  LabExport& operator=(const LabExport&) = delete;
  ~LabExport() { job_.wait(); }  // a running export finishes writing its file

  // The "Export..." button and its popup. `describe` copies the figures (on the UI thread) when
  // Export is pressed; `on_screen`: their on-screen size (the default file size).
  void button(const std::function<LabFigures()>& describe, ImVec2 on_screen, const Style& style);
  bool busy() const { return job_.active(); }
  const std::string& message() const { return message_; }

 private:
  std::string stem_;
  std::string path_;
  int width_ = 0, height_ = 0;
  Job<exporter::ExportResult> job_;
  std::string message_;
  bool ok_ = true;
};

}  // namespace ll::lab
