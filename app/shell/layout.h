#pragma once
// The window's layout (see layout.cpp). Owns the loss-lab workspace when it is built.
#include <map>
#include <memory>
#include <string>

#include "app/classifier/model/app_state.h"
#include "app/classifier/theme.h"

namespace ll::lab {
class LossLab;
}
namespace ll::imagestab {
class ImagesTab;
}
namespace ll::race {
class RaceView;
}

namespace ll::gui {

class Canvas;
class ExportPanel;
struct ClassifierPanels;

class Layout {
 public:
  Layout();
  ~Layout();
  // Builds this frame's UI into a full-window host.
  void draw(AppState& st, Canvas& canvas, const Fonts& fonts);

 private:
  void side_panels(AppState& st, Canvas& canvas, const Fonts& fonts);

  std::unique_ptr<ExportPanel> export_panel_;
  float plot_w_ = 0.0f, plot_h_ = 0.0f;         // the loss plot's on-screen size (exports)
  std::map<std::string, float> tab_content_h_;  // last frame's content height per side tab
  std::unique_ptr<lab::LossLab> lab_;
  std::unique_ptr<imagestab::ImagesTab> images_;
  std::unique_ptr<race::RaceView> race_;      // the Race tab
  std::unique_ptr<ClassifierPanels> panels_;  // the side panels and the Help window
};

}  // namespace ll::gui
