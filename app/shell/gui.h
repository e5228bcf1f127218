#pragma once
// Entry point of the windowed app. Everything GL/GLFW/ImGui stays behind this header.
#include "app/cli/window_options.h"

namespace ll::gui {

// Returns the process exit code. Without a display, prints a one-line message pointing to
// xvfb-run and the offscreen render command and returns 1.
int run(const cli::WindowOptions& options);

}  // namespace ll::gui
