#pragma once
// The embedding plane (app/figure/plane_layout.h) drawn with cairo at the layout
// figure::layout_plane computes for the figure's size and Style: the window's embedding tab
// draws the same layout with ImDrawList, so rings, markers, labels and legend land on the same
// pixels in the window and in an export of the same size.
#include <cairo.h>

#include "app/export/figure.h"
#include "app/figure/plane_layout.h"

namespace ll::exporter {

// The layout of `f` in a width x height figure, text measured with cairo.
figure::PlaneLayout layout_export_plane(cairo_t* cr, const metric::PlaneFigure& f, double width,
                                        double height, const Style& style);

// Draws the layout with its top-left corner at the current origin (clipped to it); on the
// Style's background unless `transparent`.
void draw_plane_layout(cairo_t* cr, const figure::PlaneLayout& l, bool transparent = false);

// View::Plane: data.planes and then data.plots in a grid of data.plot_columns columns (rows
// as needed) filling opt.width x opt.height, each cell laid out at its own size (the
// embedding tab: its plane, or the training plane beside the loss plot).
void draw_plane_view(cairo_t* cr, const FigureData& data, const FigureOptions& opt);

}  // namespace ll::exporter
