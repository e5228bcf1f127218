#pragma once
// Flow layout for rows of ImGui items that must never be clipped: the next item goes on the
// same line while it fits in the window's content region, else on the next line. Narrow side
// panels (1024 x 768, --ui-scale 1.75) wrap their rows instead of cutting them off.
#include <imgui.h>

namespace ll::widgets {

// Width of a button with this label (label text up to "##", plus the frame padding).
inline float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// Call between two items: continues the line when an item of `width` still fits after the
// last one.
inline void same_line_if_fits(float width) {
  const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

}  // namespace ll::widgets
