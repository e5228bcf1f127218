#pragma once
// How a figure looks: theme, class-colour scheme and UI scale, as one plain value that every
// drawing function takes explicitly (the window's canvas, overlay, panels and lab, the cairo
// exporter, `losslab render`). There is no process-wide colour state: whoever draws is handed
// the Style to draw with. No GL, no ImGui, no cairo.
#include "app/style/palette.h"

namespace ll {

struct Style {
  palette::Theme theme = palette::Theme::Light;
  palette::Scheme scheme = palette::Scheme::Demo;
  // Pixels per design pixel: the window's content scale (times 1.75 in presenter mode). Line
  // widths, radii and fonts of the window are given at scale 1.
  float scale = 1.0f;

  bool dark() const { return theme == palette::Theme::Dark; }
  // Line/arrow/point colour and region colour of class k (labels outside 0..9 clamp).
  const palette::ClassColors& classes(int k) const {
    return palette::class_colors(k, theme, scheme);
  }
  palette::Rgb class_line(int k) const { return classes(k).line; }
  palette::Rgb class_region(int k) const { return classes(k).region; }
  palette::Shape class_shape(int k) const { return palette::class_shape(k); }
  const palette::ThemeColors& colors() const { return palette::theme_colors(theme); }
  const palette::PlotColors& plot() const { return palette::plot_colors(theme); }
  bool operator==(const Style&) const = default;
};

}  // namespace ll
