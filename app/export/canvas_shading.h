#pragma once
// Background shading of the canvas figure (see figure.h).
#include "app/export/figure.h"

namespace ll::exporter {

// Argmax: the figure's exact polygons in the region colours. Confidence/score: an image of the
// figure's shading field (figure::region_color, the window shader's twin), one pixel per raster
// pixel (or shading_pixels_*), painted over the canvas; a control's Cancel stops the image
// between rows (JobControl::check() afterwards).
void draw_canvas_shading(cairo_t* cr, const figure::CanvasFigure& f, const FigureOptions& opt,
                         JobControl* control = nullptr);

}  // namespace ll::exporter
