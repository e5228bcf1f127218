#pragma once
// A figure's heat map (figure::PlotHeat) as one OpenGL texture, for widgets::FigurePlot's
// heat_texture: one textured quad instead of one gradient quad per cell (a 129 x 129 landscape
// is 32,768 triangles a frame otherwise, ~10 ms under a software rasteriser). ImGui-free: the
// texture's GL name goes to the widget as widgets::gl_texture(name). Texel (i, j) is
// node (i, j) with linear filtering, so the map shows the same bilinear blend of the node
// colours. Uploaded again only when the colours change. Owned by the frame loop (GL context): one
// per map on screen.
#include <vector>

#include "app/figure/plot_figure.h"

namespace ll::gui {

class HeatTexture {
 public:
  HeatTexture() = default;
  HeatTexture(const HeatTexture&) = delete;
  HeatTexture& operator=(const HeatTexture&) = delete;
  ~HeatTexture();
  // The GL texture name of `h` (0 for an empty map).
  unsigned update(const figure::PlotHeat& h);

 private:
  unsigned tex_ = 0;
  int cols_ = 0, rows_ = 0;
  std::vector<palette::Rgb> colors_;
};

}  // namespace ll::gui
