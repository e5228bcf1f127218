#pragma once
// Small ImGui layout helpers. Flow layout for rows of items that must never be clipped: the
// next item goes on the same line while it fits in the window's content region, else on the
// next line, so narrow side panels (1024 x 768, --ui-scale 1.75) wrap instead of cutting off.
#include <imgui.h>

#include <cstdio>

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

// "W x H" integer fields for a figure size, each kept in [16, 16384] (the exporters' limits).
inline void size_inputs(int& w, int& h, float field_width) {
  ImGui::SetNextItemWidth(field_width);
  ImGui::InputInt("##w", &w, 0);
  ImGui::SameLine();
  ImGui::TextUnformatted("x");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(field_width);
  ImGui::InputInt("##h", &h, 0);
  w = w < 16 ? 16 : w > 16384 ? 16384 : w;
  h = h < 16 ? 16 : h > 16384 ? 16384 : h;
}

// A background job's progress bar ("42%") and its Cancel button (disabled once asked); true
// when Cancel was pressed this frame.
inline bool progress_with_cancel(double progress, bool cancelling, float bar_width) {
  char overlay[32];
  std::snprintf(overlay, sizeof overlay, "%.0f%%", 100.0 * progress);
  ImGui::ProgressBar(static_cast<float>(progress), ImVec2(bar_width, 0), overlay);
  ImGui::SameLine();
  ImGui::BeginDisabled(cancelling);
  const bool pressed = ImGui::Button("Cancel");
  ImGui::EndDisabled();
  return pressed;
}

}  // namespace ll::widgets
