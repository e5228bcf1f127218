#pragma once
// Background shading of the canvas figure (see figure.h).
#include "app/export/figure.h"

namespace ll::exporter {

// Argmax: one exact polygon per class in its region colour. Confidence/score: an image computed
// from core's scores, one pixel per raster pixel (or shading_pixels_*), painted over the canvas;
// a control's Cancel stops the image between rows (JobControl::check() afterwards).
void draw_canvas_shading(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                         const FigureOptions& opt, JobControl* control = nullptr);

}  // namespace ll::exporter
