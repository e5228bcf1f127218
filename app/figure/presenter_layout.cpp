#include "app/figure/presenter_layout.h"

#include <algorithm>

namespace ll::figure {

double presenter_column_width(double width, double height, double font_px) {
  double column = std::clamp(width * 0.3, font_px * 15.0, font_px * 18.0);
  column = std::max(column, width - kPresenterCanvasAspect * std::max(0.0, height));
  return std::max(0.0, std::min(column, width * 0.5));
}

bool presenter_pair_fits(double column, double spacing, double font_px) {
  return (column - spacing) * 0.5 >= 5.0 * font_px;
}

PresenterLayout layout_presenter(double width, double height, double font_px) {
  const double column = presenter_column_width(width, height, font_px);
  const double gap = std::min(font_px * 0.5, width - column);
  PresenterLayout l;
  l.canvas = Rect{0.0, 0.0, std::max(0.0, width - column - gap), height};
  l.plot = Rect{width - column, 0.0, width, height};
  return l;
}

}  // namespace ll::figure
