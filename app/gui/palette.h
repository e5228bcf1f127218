#pragma once
// Class colours shared by the window, the offscreen renderer and the figure exporter.
// GL-free and ImGui-free: plain bytes. Classes 0-2 are the CS231n demo's colours; classes 3-7
// come from the Okabe-Ito colour-blind-safe palette.
#include <algorithm>
#include <cstdint>

namespace ll::gui {

struct Rgb8 {
  std::uint8_t r = 0, g = 0, b = 0;
};

struct ClassColors {
  Rgb8 line;    // zero-score line, weight arrow, point fill
  Rgb8 region;  // decision-region background
};

enum class Theme { Light, Dark };

inline constexpr int kPaletteSize = 8;

// Light theme: line colours and the demo's light region colours.
inline constexpr ClassColors kLightPalette[kPaletteSize] = {
    {{100, 100, 200}, {200, 200, 250}},  // 0 blue  (demo)
    {{100, 200, 100}, {200, 250, 200}},  // 1 green (demo)
    {{200, 100, 100}, {250, 200, 200}},  // 2 red   (demo)
    {{230, 159, 0}, {248, 226, 179}},    // 3 orange         (Okabe-Ito)
    {{204, 121, 167}, {240, 215, 229}},  // 4 reddish purple (Okabe-Ito)
    {{86, 180, 233}, {204, 233, 248}},   // 5 sky blue       (Okabe-Ito)
    {{213, 94, 0}, {242, 207, 179}},     // 6 vermillion     (Okabe-Ito)
    {{0, 158, 115}, {179, 226, 213}},    // 7 bluish green   (Okabe-Ito)
};

// Dark theme: brighter lines, deep region colours so white text and points stay readable.
inline constexpr ClassColors kDarkPalette[kPaletteSize] = {
    {{130, 130, 235}, {44, 44, 86}},
    {{120, 215, 120}, {38, 78, 42}},
    {{230, 120, 120}, {86, 42, 42}},
    {{240, 175, 40}, {88, 66, 20}},
    {{220, 140, 185}, {80, 50, 68}},
    {{110, 195, 240}, {30, 70, 92}},
    {{235, 120, 40}, {90, 48, 18}},
    {{40, 185, 140}, {18, 72, 56}},
};

inline const ClassColors& class_colors(Theme theme, int k) {
  const int i = std::clamp(k, 0, kPaletteSize - 1);
  return theme == Theme::Dark ? kDarkPalette[i] : kLightPalette[i];
}

// Packs as ImGui's IM_COL32 does (ABGR in memory order RGBA), without needing imgui.h.
inline constexpr std::uint32_t pack_rgba(Rgb8 c, std::uint8_t a = 255) {
  return static_cast<std::uint32_t>(c.r) | (static_cast<std::uint32_t>(c.g) << 8) |
         (static_cast<std::uint32_t>(c.b) << 16) | (static_cast<std::uint32_t>(a) << 24);
}

}  // namespace ll::gui
