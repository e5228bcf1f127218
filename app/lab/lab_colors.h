#pragma once
// Colours of the loss lab: one per loss, kept the same on every chart so that "MSE is red"
// holds across the curves, the playground and the tables.
#include <imgui.h>

#include "app/style/style.h"

namespace ll::lab::colors {

inline constexpr ImU32 kMse = IM_COL32(214, 39, 40, 255);
inline constexpr ImU32 kMae = IM_COL32(31, 119, 180, 255);
inline constexpr ImU32 kHuber = IM_COL32(44, 160, 44, 255);
inline constexpr ImU32 kLogCosh = IM_COL32(148, 103, 189, 255);
inline constexpr ImU32 kModel = IM_COL32(150, 150, 150, 255);
inline constexpr ImU32 kCrossEntropy = IM_COL32(214, 39, 40, 255);
inline constexpr ImU32 kBceY1 = IM_COL32(31, 119, 180, 255);
inline constexpr ImU32 kBceY0 = IM_COL32(255, 127, 14, 255);
inline constexpr ImU32 kEntropy = IM_COL32(148, 103, 189, 255);
inline constexpr ImU32 kHinge = IM_COL32(31, 119, 180, 255);
inline constexpr ImU32 kSquaredHinge = IM_COL32(255, 127, 14, 255);
inline constexpr ImU32 kLogistic = IM_COL32(44, 160, 44, 255);
inline constexpr ImU32 kExponential = IM_COL32(214, 39, 40, 255);
inline constexpr ImU32 kSquareObjective = IM_COL32(214, 39, 40, 255);
inline constexpr ImU32 kAbsObjective = IM_COL32(31, 119, 180, 255);
inline constexpr ImU32 kModelA = IM_COL32(255, 127, 14, 255);
inline constexpr ImU32 kModelB = IM_COL32(31, 119, 180, 255);
inline constexpr ImU32 kHighlight = IM_COL32(255, 200, 0, 255);

// Neutral ink that follows the theme (black-ish on light, white-ish on dark): data points,
// the least-squares reference, the 0-1 loss.
inline ImU32 ink(float alpha = 1.0f) { return ImGui::GetColorU32(ImGuiCol_Text, alpha); }

// The same colour at another opacity (derivative overlays, faint references).
inline ImU32 faded(ImU32 c, int alpha) {
  return (c & ~IM_COL32_A_MASK) | (ImU32(alpha & 0xFF) << IM_COL32_A_SHIFT);
}

// Focal family: a dark-to-light ramp over gamma index i of n.
inline ImU32 ramp(int i, int n) {
  const float t = n > 1 ? float(i) / float(n - 1) : 0.0f;
  return IM_COL32(int(20 + 200 * t), int(40 + 120 * t), int(140 - 100 * t), 255);
}

inline ImU32 to_u32(palette::Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

// Class colours of the Style the lab is drawn with: the same as the canvas and the exports
// (theme and scheme; labels outside 0..7 clamp, as there).
inline ImU32 class_color(const Style& style, int k) { return to_u32(style.class_line(k)); }

}  // namespace ll::lab::colors
