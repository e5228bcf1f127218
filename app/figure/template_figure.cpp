#include "app/figure/template_figure.h"

namespace ll::figure {

palette::Rgb diverging_colour(double, const Style&) { return {255, 255, 255}; }
TemplateFigure template_figure(const Eigen::MatrixXd&, int, int, const std::vector<std::string>&,
                               double width, double height, const Style&, const MeasureText&,
                               const TemplateOptions&) {
  TemplateFigure f;
  f.width = width;
  f.height = height;
  return f;
}

}  // namespace ll::figure
