#pragma once
// An offscreen RGBA layer (premultiplied alpha) that keeps what was drawn into it, so a layer
// whose inputs did not change is composited instead of redrawn. Needs a current GL 3.3 context.
#include <string>
#include <vector>

#include "app/gl/gl_program.h"
#include "app/gl/tile_marks.h"

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
  // Which parts hold anything, in tiles of kTile x kTile pixels: composite() draws only the
  // marked tiles (on a software rasteriser a pass over the whole canvas costs as much as a
  // layer of points; the tiles left out are transparent, so the picture is the same).
  // begin() with clear marks every tile; clear_marks() then unmarks them all and mark() marks
  // the tiles a rectangle (layer pixels, y up) touches.
  static constexpr int kTile = TileMarks::kTile;
  void clear_marks();
  void mark(float x0, float y0, float x1, float y1);
  // Draws the layer at (x, y) of the current framebuffer with premultiplied "over" blending.
  void composite(int x, int y);
  // The layer's texture (RGBA8, premultiplied), for a pass that composites it itself.
  unsigned texture() const { return tex_; }
  // Copies the layer to (x, y) of the current draw framebuffer, replacing what is there.
  void blit(int x, int y) const;

 private:
  GlProgram program_;
  unsigned vao_ = 0, fbo_ = 0, tex_ = 0;
  int w_ = 0, h_ = 0;
  int previous_fbo_ = 0;
  unsigned rects_vbo_ = 0;
  TileMarks marks_;
  bool marks_changed_ = true;  // rects_vbo_ is to be rebuilt
  int rect_vertices_ = 0;
};

}  // namespace ll::gui
