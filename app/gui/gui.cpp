#include "app/gui/gui.h"

#include "app/gui/frame_loop.h"

namespace ll::gui {

int run(const GuiOptions& options) {
  FrameLoop loop(options);
  return loop.run();
}

}  // namespace ll::gui
