#pragma once
// Which tiles of a w x h pixel layer are marked, in tiles of kTile x kTile pixels (row 0 at the
// bottom, y up as in GL). The layer cache composites only the marked tiles; the canvas renderer
// repaints only them. GL-free.
#include <cstddef>
#include <vector>

namespace ll::gui {

class TileMarks {
 public:
  static constexpr int kTile = 16;
  // A grid for w x h pixels, every tile marked or none.
  void reset(int w, int h, bool all);
  void clear();  // none marked
  // Marks the tiles the rectangle [x0, x1] x [y0, y1] (pixels) touches; one outside the layer
  // (or with a NaN) marks none.
  void mark(float x0, float y0, float x1, float y1);
  // Some tile the rectangle touches is marked.
  bool any(float x0, float y0, float x1, float y1) const;
  // The marked tiles as rectangles {x0, y0, x1, y1} (pixels within w x h, not overlapping):
  // runs of marked tiles along each row, a run merged with the one below it when both span the
  // same columns.
  std::vector<int> rects() const;

  int tiles_x() const { return tx_; }
  int tiles_y() const { return ty_; }
  // tiles_x() * tiles_y() bytes, row 0 at the bottom: 255 where marked, else 0.
  const unsigned char* data() const { return marked_.data(); }

 private:
  template <class F>
  void for_tiles(float x0, float y0, float x1, float y1, F&& f) const;
  int w_ = 0, h_ = 0, tx_ = 0, ty_ = 0;
  std::vector<unsigned char> marked_;
};

}  // namespace ll::gui
