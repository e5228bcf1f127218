#include "app/gl/tile_marks.h"

#include <algorithm>
#include <cmath>

namespace ll::gui {

void TileMarks::reset(int w, int h, bool all) {
  w_ = w;
  h_ = h;
  tx_ = (w + kTile - 1) / kTile;
  ty_ = (h + kTile - 1) / kTile;
  marked_.assign(static_cast<std::size_t>(tx_) * static_cast<std::size_t>(ty_), all ? 255 : 0);
}

void TileMarks::clear() { std::fill(marked_.begin(), marked_.end(), 0); }

template <class F>
void TileMarks::for_tiles(float x0, float y0, float x1, float y1, F&& f) const {
  if (!(x1 >= 0.0f && y1 >= 0.0f && x0 < static_cast<float>(w_) && y0 < static_cast<float>(h_)))
    return;  // outside the layer (or NaN)
  const auto tile = [](float v, int n) {
    return std::clamp(static_cast<int>(std::floor(v / kTile)), 0, n - 1);
  };
  const int i0 = tile(x0, tx_), i1 = tile(x1, tx_), j0 = tile(y0, ty_), j1 = tile(y1, ty_);
  for (int j = j0; j <= j1; ++j)
    for (int i = i0; i <= i1; ++i) f(static_cast<std::size_t>(j) * tx_ + i);
}

void TileMarks::mark(float x0, float y0, float x1, float y1) {
  for_tiles(x0, y0, x1, y1, [&](std::size_t t) { marked_[t] = 255; });
}

bool TileMarks::any(float x0, float y0, float x1, float y1) const {
  bool found = false;
  for_tiles(x0, y0, x1, y1, [&](std::size_t t) { found = found || marked_[t] != 0; });
  return found;
}

std::vector<int> TileMarks::rects() const {
  std::vector<int> r;
  std::vector<std::size_t> open, next;  // rectangles (index / 4) ending at the row below
  for (int j = 0; j < ty_; ++j) {
    next.clear();
    const unsigned char* row = &marked_[static_cast<std::size_t>(j) * tx_];
    for (int i = 0; i < tx_;) {
      if (!row[i]) {
        ++i;
        continue;
      }
      int end = i;
      while (end < tx_ && row[end]) ++end;
      const int x0 = i * kTile, x1 = std::min(w_, end * kTile), y1 = std::min(h_, (j + 1) * kTile);
      const auto below = std::find_if(open.begin(), open.end(), [&](std::size_t k) {
        return r[4 * k] == x0 && r[4 * k + 2] == x1;
      });
      if (below != open.end()) {
        r[4 * *below + 3] = y1;
        next.push_back(*below);
      } else {
        next.push_back(r.size() / 4);
        r.insert(r.end(), {x0, j * kTile, x1, y1});
      }
      i = end;
    }
    std::swap(open, next);
  }
  return r;
}

}  // namespace ll::gui
