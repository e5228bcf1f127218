#pragma once
// Crowded canvases (more than FigureOptions::max_vector_points points): the points as one image
// instead of one vector circle each. Every point covers the pixels of its disc (the radius the
// circles would have, figure.h's point_radius); a pixel takes the mean class colour of the
// points covering it, and the opacity of `n` stacked half-opaque discs, 1 - 0.5^n. The image has
// one pixel per raster pixel (PNG) or per figure unit (SVG/PDF), coarser when a disc would span
// more than 3 pixels or the image would pass 4 million pixels, and is painted over the figure.
#include <cairo.h>

#include "app/export/figure.h"
#include "core/job.h"

namespace ll::exporter {

// Opacity of a pixel covered by `n` points.
double density_alpha(unsigned n);

// Draws scene.points (the non-finite ones skipped) with radius `radius` in figure units.
// Calls control->check() and set_progress(from .. to) every 10,000 points when control is set.
void draw_point_density(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                        const FigureOptions& opt, double radius, JobControl* control,
                        double progress_from, double progress_to);

}  // namespace ll::exporter
