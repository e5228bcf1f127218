#pragma once
// The window's layout (see layout.cpp). Owns the loss-lab workspace when it is built.
#include <memory>

#include "app/gui/app_state.h"
#include "app/gui/theme.h"

namespace ll::lab {
class LossLab;
}

namespace ll::gui {

class Canvas;

class Layout {
 public:
  Layout();
  ~Layout();
  // Builds this frame's UI into a full-window host.
  void draw(AppState& st, Canvas& canvas, const Fonts& fonts);
  // The classifier tab is showing: the canvas GL layers must be drawn.
  bool classifier_visible() const { return classifier_visible_; }

 private:
  void side_panels(AppState& st, Canvas& canvas, const Fonts& fonts);

  bool classifier_visible_ = true;
  std::unique_ptr<lab::LossLab> lab_;
};

}  // namespace ll::gui
