#pragma once
// The window's view of LossLab's one palette (app/style/style.h: classes 0-2 are the CS231n
// demo's colours, 3-7 Okabe-Ito), plus packing for ImGui. GL-free and ImGui-free.
#include <cstdint>

#include "app/style/style.h"

namespace ll::gui {

using Rgb8 = palette::Rgb;
using palette::ClassColors;
using palette::Theme;

using ll::Style;

// Packs as ImGui's IM_COL32 does (ABGR in memory order RGBA), without needing imgui.h.
inline constexpr std::uint32_t pack_rgba(Rgb8 c, std::uint8_t a = 255) {
  return static_cast<std::uint32_t>(c.r) | (static_cast<std::uint32_t>(c.g) << 8) |
         (static_cast<std::uint32_t>(c.b) << 16) | (static_cast<std::uint32_t>(a) << 24);
}

}  // namespace ll::gui
