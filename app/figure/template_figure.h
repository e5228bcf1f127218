#pragma once
// The visual viewpoint of a linear classifier: each row of W (K x D, D = rows x cols pixels)
// drawn as a rows x cols image, one tile per class, in a diverging colour map (blue for
// negative weights, white at 0, red for positive; one symmetric scale [-m, m] for all tiles,
// m = max |W|), with the class names as captions and the colour scale as a bar with ticks.
// Backend-free like the other figures: the window (ImGui) and the cairo exporter (app/export/
// template_export.h) draw this description and decide nothing themselves. No ImGui, no cairo.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "app/figure/canvas_figure.h"  // Text, MeasureText
#include "app/style/style.h"

namespace ll::figure {

struct TemplateTile {
  int cls = 0;
  double x = 0.0, y = 0.0, w = 0.0, h = 0.0;  // the tile's rectangle, pixels
  int rows = 0, cols = 0;                     // image size: pixel (r, c) covers
  // [x + c w / cols, x + (c + 1) w / cols) x [y + r h / rows, y + (r + 1) h / rows)
  std::vector<palette::Rgb> pixels;  // rows * cols colours, row-major
  Text caption;                      // the class name, centred under the tile
};

struct ColourScale {
  double x = 0.0, y = 0.0, w = 0.0, h = 0.0;  // the bar (horizontal, -m at the left)
  double lo = -1.0, hi = 1.0;                 // the values at its ends (-m, m)
  std::vector<palette::Rgb> colours;  // the bar's colours, left to right, one per pixel column
  struct Tick {
    double x = 0.0;  // pixel x of the tick
    double value = 0.0;
    Text label;
  };
  std::vector<Tick> ticks;
  Text title;  // "weight"
};

struct TemplateFigure {
  double width = 0.0, height = 0.0;  // pixels
  palette::Rgb background;
  palette::Rgb frame;  // tile outlines
  std::vector<TemplateTile> tiles;
  ColourScale scale;
  Text title;  // e.g. "Templates: the rows of W" (empty text: none)
};

// The title of templates trained on centred pixels (s = W (x - mean) + b): a template is then
// what an image must differ from the mean image by, not the image itself.
inline constexpr const char* kCenteredTemplatesTitle =
    "Templates: the rows of W (on centred pixels, x minus the mean image)";

struct TemplateOptions {
  int columns = 5;           // tiles per row of the grid (10 classes: 2 rows of 5)
  bool colour_scale = true;  // the bar under the grid
  std::string title = "Templates: the rows of W";
  // > 0: the scale's half-range m instead of max |W| (e.g. to compare two snapshots).
  double range = 0.0;
};

// The diverging map at t in [-1, 1] (clamped; NaN maps to the middle): ColorBrewer's RdBu, t = -1
// dark blue, 0 near-white (247, 247, 247), 1 dark red, interpolated linearly between its seven
// stops. The same colours in both themes and every backend (tiles are images, not UI).
palette::Rgb diverging_colour(double t, const Style& style);

// Lays out the K rows of W as tiles in a width x height figure (pixels; text scales with
// style.scale). rows * cols must equal W.cols() and names must be empty or have K entries
// (std::invalid_argument otherwise). `measure` centres the captions.
TemplateFigure template_figure(const Eigen::MatrixXd& W, int rows, int cols,
                               const std::vector<std::string>& names, double width, double height,
                               const Style& style, const MeasureText& measure,
                               const TemplateOptions& options = {});

}  // namespace ll::figure
