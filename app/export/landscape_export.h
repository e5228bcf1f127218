#pragma once
// The loss landscape figure (app/figure/landscape_figure.h) drawn with cairo, and written as
// PNG, SVG or PDF (`losslab landscape --out`, and anyone who draws the figure on a cairo
// surface: races, animations).
#include <cairo.h>

#include <filesystem>
#include <string>

#include "app/export/export.h"
#include "app/figure/landscape_figure.h"

namespace ll::exporter {

// Draws `f` filling [0, width] x [0, height] of the current user space at layout_landscape's
// layout (text measured with cairo); the figure's background first unless `transparent`.
void draw_landscape(cairo_t* cr, const figure::LandscapeFigure& f, double width, double height,
                    const Style& style, bool transparent = false);

// The encoded file: width x height figure units, PNG at `scale` pixels per unit. Throws
// std::invalid_argument (size out of check_size's limits) or std::runtime_error (cairo).
std::string render_landscape(const figure::LandscapeFigure& f, double width, double height,
                             double scale, Format format, const Style& style);

// Renders and writes atomically; the format from the extension (std::invalid_argument else).
void export_landscape(const std::filesystem::path& path, const figure::LandscapeFigure& f,
                      double width, double height, double scale, const Style& style);

}  // namespace ll::exporter
