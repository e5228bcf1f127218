#pragma once
// One window's main loop: input -> training steps due -> UI (every edit) -> canvas GL pass ->
// ImGui render -> swap; sleeps in glfwWaitEventsTimeout when nothing moves.
#include <memory>

#include "app/shell/gui.h"

namespace ll::gui {

class FrameLoop {
 public:
  explicit FrameLoop(const cli::WindowOptions& options);
  ~FrameLoop();
  int run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ll::gui
