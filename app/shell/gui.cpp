#include "app/shell/gui.h"

#include "app/shell/frame_loop.h"

namespace ll::gui {

int run(const cli::WindowOptions& options) {
  FrameLoop loop(options);
  return loop.run();
}

}  // namespace ll::gui
