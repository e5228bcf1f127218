#pragma once
// Saves the current framebuffer as PNG (read back bottom-up, written top-down, opaque).
#include <string>

namespace ll::gui {

// False with a message when the file cannot be written.
bool save_framebuffer_png(int width, int height, const std::string& path, std::string* error);

}  // namespace ll::gui
