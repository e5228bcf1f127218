#pragma once
// app/figure's PlotFigure drawn with cairo at the layout figure::layout_plot computes for the
// figure's size and Style (the window's plot widget draws the same layout): frame, grid, ticks,
// tick texts, axis labels, title, bands, lines, markers, reference lines and the legend.
#include <cairo.h>

#include "app/export/figure.h"
#include "app/figure/plot_figure.h"

namespace ll::exporter {

// Text widths measured with cairo (DejaVu Sans) on `cr`, for figure::layout_plot.
figure::MeasureText cairo_measure(cairo_t* cr);

// The layout of `f` in a width x height figure, text measured with cairo.
figure::PlotLayout layout_export_plot(cairo_t* cr, const figure::PlotFigure& f, double width,
                                      double height, const Style& style);

// Draws `f` at layout `l`, its top-left corner at the current origin; the plot area on the
// Style's background unless `transparent`.
void draw_plot_figure(cairo_t* cr, const figure::PlotFigure& f, const figure::PlotLayout& l,
                      const Style& style, bool transparent = false);

// The figure options' --no-axes / --no-legend applied to a figure, laid out in width x height
// and drawn at the origin.
void draw_plot_figure(cairo_t* cr, figure::PlotFigure f, double width, double height,
                      const FigureOptions& opt);

// draw_plots (figure.h): several figures in a grid of `columns` (rows as needed) filling
// opt.width x opt.height, each cell laid out at its own size (the loss lab's panels: as the
// window arranges them).

}  // namespace ll::exporter
