#pragma once
// The template grid (app/figure/template_figure.h) drawn with cairo: PNG, SVG or PDF. Each
// tile is one rows x cols image scaled without smoothing (every weight a sharp square, in SVG
// and PDF too), captions and the colour scale as text.
#include <cairo.h>

#include <Eigen/Core>
#include <filesystem>
#include <string>
#include <vector>

#include "app/export/export.h"  // Format
#include "app/figure/template_figure.h"
#include "app/style/style.h"

namespace ll::exporter {

// Draws `f` filling [0, f.width] x [0, f.height] of the current user space.
void draw_template_figure(cairo_t* cr, const figure::TemplateFigure& f);

struct TemplateExport {
  double width = 1000.0, height = 520.0;  // figure units (pixels at scale 1)
  double scale = 1.0;                     // PNG: pixels per unit
  Style style;
  figure::TemplateOptions options;
};

// Lays out W's templates (text measured with cairo) and encodes them. Throws
// std::invalid_argument (bad sizes, see template_figure and check_size) or std::runtime_error.
std::string render_templates(const Eigen::MatrixXd& W, int rows, int cols,
                             const std::vector<std::string>& names, const TemplateExport& opt,
                             Format format);
// Renders and writes atomically; std::runtime_error("PATH: ...") on failure.
void export_templates(const std::filesystem::path& path, const Eigen::MatrixXd& W, int rows,
                      int cols, const std::vector<std::string>& names, const TemplateExport& opt);

}  // namespace ll::exporter
