#pragma once
// The canvas's grid lines and axes over the regions, drawn on the bands of pixels next to them
// only (shaders/lines.frag): a pass over the whole canvas would cost a software rasteriser about
// as much as the regions. Per pixel the same coverage as a full-canvas pass. Needs a current
// GL 3.3 core context with glad loaded.
#include <string>
#include <vector>

#include "app/gl/gl_program.h"

namespace ll::gui {

struct CanvasFrame;

// Rectangles {x0, y0, x1, y1} (viewport pixels, y up, within [0, w] x [0, h]) covering every
// pixel whose centre lies within `reach` pixels of a vertical line at one of `xs` or a
// horizontal one at one of `ys`, each such pixel exactly once (the crossings too).
std::vector<float> band_rects(const std::vector<double>& xs, const std::vector<double>& ys,
                              double reach, int w, int h);

class LineBands {
 public:
  LineBands() = default;
  ~LineBands();
  LineBands(const LineBands&) = delete;
  LineBands& operator=(const LineBands&) = delete;

  bool init(std::string* error);
  // The grid (f.grid_step > 0) and the axes of frame f over what the viewport holds: over
  // opaque regions (the alpha kept), or with premultiplied = true into a premultiplied layer
  // ("over" on colour and alpha), which composited over the regions gives the same pixels.
  // With `within` ({x0, y0, x1, y1} viewport pixels, y up, not overlapping each other): only
  // inside those rectangles, the same pixels there.
  void draw(const CanvasFrame& f, bool premultiplied = false,
            const std::vector<int>* within = nullptr);

 private:
  void pass(const CanvasFrame& f, double step, float half, const float color[4], bool premultiplied,
            const std::vector<int>* within);
  GlProgram program_;
  unsigned vao_ = 0, vbo_ = 0;
};

}  // namespace ll::gui
