#pragma once
// Tile figures in the window: app/figure's TemplateFigure (tiles of pixel colours with
// captions, and a colour scale) drawn with ImDrawList, and its export from the window through
// app/export's cairo drawing of the same description (draw_template_figure) in a background
// job: PNG, SVG or PDF by the path's extension, written atomically, with progress and Cancel.
// The template grid of W (visual viewpoint), the four-pixel example and the image tab's image
// grids, confusion matrix and mistakes all are TemplateFigures.
#include <imgui.h>

#include <functional>
#include <string>

#include "app/export/export.h"
#include "app/figure/template_figure.h"
#include "core/job.h"

namespace ll::lab {

// Draws `f` with its top-left corner at `origin` (no item).
void draw_tile_figure(ImDrawList* dl, ImVec2 origin, const figure::TemplateFigure& f);
// Reserves an f.width x f.height item at the cursor and draws `f` there; returns its origin.
ImVec2 TileFigure(const char* id, const figure::TemplateFigure& f);

// Encodes `f` (figure units) at `scale` raster pixels per unit (PNG) or as a vector file.
// Throws std::invalid_argument on a bad size, std::runtime_error on a cairo failure.
std::string render_tile_figure(const figure::TemplateFigure& f, exporter::Format format,
                               double scale = 1.0);

// The "Export..." button of a tile figure: `describe(width, height, style)` lays the figure out
// at the requested size (on the UI thread, when Export is pressed); the job encodes and writes it.
class TileExport {
 public:
  using Describe = std::function<figure::TemplateFigure(double width, double height)>;
  explicit TileExport(std::string stem) : stem_(std::move(stem)) {}
  TileExport(const TileExport&) = delete;
  TileExport& operator=(const TileExport&) = delete;
  ~TileExport() { job_.wait(); }

  void button(const Describe& describe, ImVec2 on_screen);
  bool busy() const { return job_.active(); }
  const std::string& message() const { return message_; }

 private:
  std::string stem_, path_;
  int width_ = 0, height_ = 0;
  Job<exporter::ExportResult> job_;
  std::string message_;
  bool ok_ = true;
};

}  // namespace ll::lab
