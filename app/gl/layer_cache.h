#pragma once
// An offscreen RGBA layer (premultiplied alpha) that keeps what was drawn into it, so a layer
// whose inputs did not change is composited instead of redrawn. Needs a current GL 3.3 context.
#include <string>

#include "app/gl/gl_program.h"

namespace ll::gui {

class LayerCache {
 public:
  LayerCache() = default;
  ~LayerCache();
  LayerCache(const LayerCache&) = delete;
  LayerCache& operator=(const LayerCache&) = delete;

  bool init(std::string* error);
  // Binds the layer (resized to w x h and cleared) as the draw target; end() restores the
  // previous target. With clear = false (and the same size) it draws over what it holds.
  void begin(int w, int h, bool clear = true);
  void end();
  // Draws the layer at (x, y) of the current framebuffer with premultiplied "over" blending.
  void composite(int x, int y) const;
  // Copies the layer to (x, y) of the current draw framebuffer, replacing what is there.
  void blit(int x, int y) const;

 private:
  GlProgram program_;
  unsigned vao_ = 0, fbo_ = 0, tex_ = 0;
  int w_ = 0, h_ = 0;
  int previous_fbo_ = 0;
};

}  // namespace ll::gui
