#pragma once
// Entry point of the windowed app. Everything GL/GLFW/ImGui stays behind this header.
#include <optional>
#include <string>

#include "core/scene.h"

namespace ll::gui {

struct GuiOptions {
  std::optional<Scene> scene;      // the scene to open; the CS231n default when empty
  std::string scene_path;          // where it came from (for Save), may be empty
  int frames = 0;                  // > 0: render this many frames, then exit
  std::string screenshot;          // with frames: save the window's image after the last frame
  bool play = false;               // start training at launch
  int bench_frames = 0;            // > 0: render this many frames and print median/p99 frame time
};

// Returns the process exit code. Without a display, prints a one-line message pointing to
// xvfb-run and the offscreen render command and returns 1.
int run(const GuiOptions& options);

}  // namespace ll::gui
