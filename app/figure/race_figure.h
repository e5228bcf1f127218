#pragma once
// The one description of a race (core/race.h) as a figure, shared by the window's race view and
// the cairo export: one small canvas per run (the scene's regions and points at the run's
// parameters, all in the same world rectangle, titled with the run's name in its colour and a
// status line under it) and one loss plot holding every run's total loss in the run's colour,
// with a legend. layout_race places it ONCE for a pixel size and a Style; both backends draw
// that layout (the canvases through describe_canvas, the plot through layout_plot).
// No ImGui, no cairo, no GL.
#include <memory>
#include <string>
#include <vector>

#include "app/figure/canvas_figure.h"
#include "app/figure/landscape_figure.h"
#include "app/figure/plot_figure.h"
#include "app/style/style.h"
#include "core/race.h"
#include "core/regions.h"

namespace ll::figure {

// A run's colour (its slot, RaceRun::color), for the theme: one hue per slot, readable on the
// plot background and distinct from one another.
palette::Rgb race_color(int slot, const Style& style);

// What the figure shows of one run: a copy that a frame or a background export can hold while
// the race goes on.
struct RaceRunView {
  std::string name;
  int color = 0;
  Scene scene;         // the run's parameters and loss, over the (possibly thinned) points
  std::string status;  // "loss 0.512 · acc 89%", "diverged at step 12 · loss ...", ...
  std::vector<double> steps, loss;  // the total-loss curve (possibly thinned)
  std::vector<Params> path;         // the parameters at those steps (the landscape's path)
};
// The landscape every run's path is drawn over: a slice through the race's start, of the first
// run's loss (a loss race's other runs descend their own losses; the title names the one shown).
struct RaceLandscape {
  std::shared_ptr<const LandscapeGrid> grid;  // null: the figure shows no landscape
  std::string x_name, y_name, title;
};
struct RaceFigureData {
  std::vector<RaceRunView> runs;
  long steps = 0;
  Rect world;                    // the world rectangle every small canvas shows
  std::size_t total_points = 0;  // the scene's points before thinning (sets the point look)
  RaceLandscape landscape;       // set by the caller (race_landscape), none by default
};

// The data of a race. Canvases get at most `max_points` points (every k-th one: the classes'
// mix is kept), the loss curves at most `max_curve` samples (every k-th step, the last always).
// `at_step` >= 0: the race as it stood after that many lock steps (the runs keep every step's
// parameters and record), exactly what the figure of a race advanced that far shows; an
// animation draws its frames from one race this way. -1: as it stands now.
RaceFigureData race_figure_data(const Race& race, std::size_t max_points = 2000,
                                std::size_t max_curve = 2000, long at_step = -1);

// The scene a race's landscape is the loss of: the start with the first run's loss settings
// (the start's own with no run).
Scene race_landscape_scene(const Race& race);
// A race's landscape from its grid (of `loss`, over `slice`): named and titled.
RaceLandscape race_landscape(std::shared_ptr<const LandscapeGrid> grid, const LandscapeSlice& slice,
                             LossKind loss);
// The landscape of a race over `slice` (computed here, every level; `threads` as in
// compute_landscape). Throws what make_landscape throws.
RaceLandscape race_landscape(const Race& race, const LandscapeSlice& slice, int threads = 1);

// The world rectangle of the small canvases: at least [-1.1, 1.1]^2 and every point with a
// margin (the export canvas's fit), centred on the origin.
Rect race_world(const Scene& scene);

// What a small canvas shows: regions, axes and the weight arrows, no grid, ticks or legend.
CanvasOptions race_canvas_options();
// The Style a small canvas of `side` pixels is drawn with: the figure's, its scale shrunk on
// canvases under 450 pixels (to 0.55 of it at most) so that points and arrows stay in proportion.
Style race_canvas_style(const Style& style, double side);

struct RaceCell {
  int run = 0;
  Vec top_left;     // of the canvas square, pixels from the figure's top-left corner
  double side = 0;  // the canvas square's side
  Text title;       // the run's name, above the canvas, in its colour (elided to fit)
  Text status;      // below the canvas
  palette::Rgb color;
  double frame = 2;           // width of the frame in the run's colour around the canvas
  CanvasMapping map() const;  // set by layout_race: world -> this cell's canvas pixels
  Rect world;
};

struct RaceLayout {
  std::vector<RaceCell> cells;
  Vec plot_top_left;  // the loss plot's rectangle
  double plot_width = 0, plot_height = 0;
  Vec landscape_top_left;  // the landscape's rectangle (when the data has one, else 0 x 0)
  double landscape_width = 0, landscape_height = 0;
  Text empty_hint;  // "Add a run" when there is none (text empty otherwise)
};

// Places the cells and the loss plot in a width x height figure: the plot beside the canvases
// when the figure is wide (aspect > 1.5), under them otherwise; the cells in the grid of
// columns that gives the largest squares. With a landscape, the plot's part of the figure is
// larger and shared: the landscape above the plot (beside) or left of it (under).
RaceLayout layout_race(const RaceFigureData& data, double width, double height, const Style& style,
                       const MeasureText& measure);

// The loss plot: every run's total loss over the steps, in its colour, with a legend.
PlotFigure describe_race_plot(const RaceFigureData& data, const Style& style);

// The landscape with every run's path in its colour (data.landscape.grid must be set).
LandscapeFigure describe_race_landscape(const RaceFigureData& data, const Style& style);

}  // namespace ll::figure
