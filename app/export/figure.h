#pragma once
// Slide-ready figures drawn with cairo onto any cairo surface (image, SVG, PDF):
//   canvas    the classifier: decision regions (exact polygons, or a CPU-computed image for
//             confidence and score shading), zero-score lines, weight arrows, axes, points, legend
//   lossplot  total/data/regularization loss over training steps
//   curves    a family of loss curves: the table of core/lab/curve_sampling.h, with its options
//   plots     app/figure PlotFigures in a grid (the loss lab's panels, exported from the window)
//   plane     the embedding plane(s) of core/metric, then any PlotFigures, in a grid
//             (plane_view.h; the loss lab's embedding tab and `losslab metric --out`)
//   presenter the presenter layout as a figure: the canvas on the left, the loss plot in the
//             column on the right (app/figure/presenter_layout.h), for slides and animations
// All sizes are in figure units (pixels at scale 1, points in SVG/PDF); the caller applies the
// raster scale with cairo_scale before drawing.
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "app/figure/canvas_figure.h"
#include "app/figure/landscape_figure.h"
#include "app/figure/loss_plot.h"
#include "app/figure/plot_figure.h"
#include "app/style/style.h"
#include "core/job.h"
#include "core/lab/curve_sampling.h"
#include "core/metric/plane_figure.h"
#include "core/optimizer.h"
#include "core/regions.h"
#include "core/scene.h"

namespace ll::exporter {

enum class View { Canvas, LossPlot, Curves, Plots, Plane, Presenter, Landscape };

// Canvas figures with more points than this draw them as a density image (see FigureOptions).
inline constexpr std::size_t kMaxVectorPoints = 20000;
// The region shading is the figure's RegionMode (argmax, confidence, score:K).
using Shading = figure::RegionMode;

// A figure's options. The canvas options (regions, score class, grid, axes, margins, legend)
// are app/figure's CanvasOptions, the same struct the window's view options are.
struct FigureOptions : figure::CanvasOptions {
  View view = View::Canvas;
  double width = 800.0;  // figure units
  double height = 800.0;
  double scale = 1.0;  // raster pixels per figure unit (PNG only)
  // Theme, class-colour scheme and scale: line widths, point radii and fonts of the canvas are
  // the window's at that scale (exports from the window: its own Style; `losslab render`:
  // render_scale of the size). Plots lay out their frame and text at this scale too
  // (figure::layout_plot), so text grows with the output size.
  Style style;
  bool transparent = false;
  lab::CurveFamily family = lab::CurveFamily::Regression;  // curves: which family (lab::parse)
  lab::CurveParams curves;  // curves: delta, gamma, alpha, bits, samples, range (no derivatives)
  // Image resolution for confidence/score shading; 0 = figure size times scale.
  int shading_pixels_x = 0, shading_pixels_y = 0;
  // Canvas: the world rectangle to show (e.g. the window's view); unset = fit the points.
  std::optional<Rect> world;
  // Canvas: more points than this are drawn as one density image (each pixel in the mean
  // class colour of the points covering it, opaque where many overlap) instead of one vector
  // circle each: a figure cannot show more, and a million SVG circles are 370 MB.
  std::size_t max_vector_points = kMaxVectorPoints;
};

// What a figure shows. `history` feeds the loss plot: one record per step (from train()), or
// records of the steps in `history_steps` (same length; e.g. the window's thinned curve).
// Histories longer than kMaxHistoryPoints are thinned for drawing (core/history_thinning.h).
struct FigureData {
  Scene scene;
  std::vector<LossRecord> history;
  std::vector<long> history_steps = {};  // empty: record i is step i
  // View::Plots: the figures, in a grid of plot_columns columns (rows as needed).
  std::vector<figure::PlotFigure> plots = {};
  int plot_columns = 1;
  // View::Plane: embedding planes, drawn in the grid before the plots.
  std::vector<metric::PlaneFigure> planes = {};
  std::vector<figure::PlotMark> marks = {};  // loss plot: where the run's settings changed
  // View::Landscape: the loss landscape figure (drawn by landscape_export's draw_landscape).
  std::optional<figure::LandscapeFigure> landscape = {};
};

// Parsing of option names used on the command line ("canvas", "argmax", "score:2", ...).
bool parse_view(const std::string& s, View& out);
bool parse_shading(const std::string& s, Shading& shading, int& score_class);
bool parse_theme(const std::string& s, palette::Theme& out);

// Maps world coordinates (x0 right, x1 up) to figure units (y down), keeping the aspect ratio.
struct CanvasTransform {
  Rect world;           // visible world rectangle (covers the whole figure)
  double scale = 1.0;   // figure units per world unit
  double height = 0.0;  // figure height
  double to_x(double x0) const { return (x0 - world.x_min) * scale; }
  double to_y(double x1) const { return height - (x1 - world.y_min) * scale; }
  double to_x0(double x) const { return world.x_min + x / scale; }
  double to_x1(double y) const { return world.y_min + (height - y) / scale; }
};

// The size of one "figure unit" for line widths and fonts: 1 for a 400 x 400 figure, growing
// with the smaller side so that a figure looks the same at any size.
inline double figure_unit(const FigureOptions& opt) {
  return std::max(0.25, std::min(opt.width, opt.height) / 400.0);
}
// The Style scale `losslab render` draws a canvas of this size with: the window's look on a
// canvas of about 600 pixels, growing with the smaller side.
inline float render_scale(double width, double height) {
  return static_cast<float>(std::max(0.5, std::min(width, height) / 600.0));
}

// The view shows at least [-1, 1]^2 and every point (with a margin), centred on the origin.
CanvasTransform canvas_transform(const Scene& scene, double width, double height);
// Shows `world` (centred, aspect kept, widened to cover the figure).
CanvasTransform canvas_transform(const Rect& world, double width, double height);

// Draws the chosen view filling [0, width] x [0, height] of the current user space. With a
// control (a background job's): reports progress and throws JobCancelled once Cancel is asked,
// checking every 10,000 points.
void draw_figure(cairo_t* cr, const FigureData& data, const FigureOptions& opt,
                 JobControl* control = nullptr);

// The individual views (draw_figure dispatches to these).
void draw_canvas(cairo_t* cr, const Scene& scene, const FigureOptions& opt,
                 JobControl* control = nullptr);
// What draw_canvas draws: app/figure's description of the canvas, its text measured with
// cairo on `cr`. `markers`: with the per-point markers (and their loss/misclassified flags).
figure::CanvasFigure describe_export_canvas(cairo_t* cr, const Scene& scene,
                                            const FigureOptions& opt, bool markers = true);
// `steps`: the step of each record, or empty for 0, 1, 2, ...
void draw_loss_plot(cairo_t* cr, const std::vector<LossRecord>& history,
                    const std::vector<long>& steps, const FigureOptions& opt,
                    const std::vector<figure::PlotMark>& marks = {});
// Throws std::invalid_argument with lab::validate's message on bad curve parameters.
void draw_curves(cairo_t* cr, const FigureOptions& opt);
// Figures in a grid filling the figure (plot_frame.h).
void draw_plots(cairo_t* cr, const std::vector<figure::PlotFigure>& plots, int columns,
                const FigureOptions& opt);

}  // namespace ll::exporter
