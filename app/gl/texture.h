#pragma once
// RGBA textures for ImGui images (the landscape's map, typeset formulas): one upload path.
// Needs a current GL context with glad loaded.
#include <cstdint>

namespace ll::gui {

// Uploads width x height straight-alpha RGBA8 pixels (row 0 first) into texture `tex` (0: a
// new one), clamped at the edges, linear when minified, nearest or linear when magnified. The
// texture bound before stays bound. Returns the texture's name.
unsigned upload_rgba_texture(unsigned tex, int width, int height, const std::uint8_t* rgba,
                             bool nearest_magnify);

}  // namespace ll::gui
