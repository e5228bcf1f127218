#pragma once
// A race (app/figure/race_figure.h) drawn with cairo and exported to PNG, SVG or PDF: the small
// canvases (each run's scene at its parameters, drawn by draw_canvas) and the loss plot of every
// run (draw_plot_figure), and, when the data has one, the landscape with every run's path
// (draw_landscape), at the one layout layout_race computes. The window's Export button and
// `losslab race --out` both write through export_race; an animation can call draw_race per
// frame.
#include <cairo.h>

#include <filesystem>
#include <string>

#include "app/export/export.h"
#include "app/export/figure.h"
#include "app/figure/race_figure.h"

namespace ll::exporter {

// Draws the race filling [0, opt.width] x [0, opt.height] of the current user space, on the
// Style's background unless opt.transparent. Uses opt's size, style, transparency and scale
// (not its view or canvas options: a race's canvases are figure::race_canvas_options()).
void draw_race(cairo_t* cr, const figure::RaceFigureData& data, const FigureOptions& opt);

// The encoded file. Throws std::invalid_argument (bad size) or std::runtime_error (cairo).
std::string render_race(const figure::RaceFigureData& data, const FigureOptions& opt,
                        Format format);

// Renders and writes atomically; the format from the extension (std::invalid_argument if
// unknown).
void export_race(const std::filesystem::path& path, const figure::RaceFigureData& data,
                 const FigureOptions& opt);

}  // namespace ll::exporter
