#include "app/figure/presenter_layout.h"

#include <algorithm>

namespace ll::figure {

double presenter_column_width(double width, double font_px) {
  const double column = std::clamp(width * 0.3, font_px * 13.0, font_px * 18.0);
  return std::max(0.0, std::min(column, width * 0.5));
}

PresenterLayout layout_presenter(double width, double height, double font_px) {
  const double column = presenter_column_width(width, font_px);
  const double gap = std::min(font_px * 0.5, width - column);
  PresenterLayout l;
  l.canvas = Rect{0.0, 0.0, std::max(0.0, width - column - gap), height};
  l.plot = Rect{width - column, 0.0, width, height};
  return l;
}

}  // namespace ll::figure
