// The Help window: the mouse gestures, then the keyboard: one row per action of the table
// (app/classifier/model/actions.h), so the help cannot disagree with the keys.
#include <imgui.h>

#include <algorithm>

#include "app/classifier/model/actions.h"
#include "app/classifier/panels.h"

namespace ll::gui {

namespace {
// What the canvas does with the mouse, and the relabel chords: not actions of the table.
constexpr const char* kGestures[][2] = {
    {"Drag a point", "move it (pick radius 10 px)"},
    {"Click empty space", "add a point of the chosen class"},
    {"Right-click a point", "relabel or delete it"},
    {"Shift+1 … Shift+0", "relabel the selected point to class 0 … 9"},
    {"Drag a class line", "translate it (changes b_k only)"},
    {"Drag an arrow head", "rotate and scale W_k; Shift: rotate only"},
    {"Drag empty space / middle button", "pan"},
    {"Wheel (or + and −)", "zoom about the cursor (the centre)"},
};

void row(const char* keys, const char* what) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(keys);
  ImGui::TableSetColumnIndex(1);
  ImGui::TextWrapped("%s", what);  // the column takes what the window leaves: wrap, never clip
}
}  // namespace

void HelpWindow::draw(AppState& st) {
  if (!st.show_help) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(
      ImVec2(std::min(ImGui::GetFontSize() * 42, vp->WorkSize.x * 0.9f), vp->WorkSize.y * 0.85f),
      ImGuiCond_Appearing);
  ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 16, ImGui::GetFontSize() * 8),
                                      vp->WorkSize);
  if (!ImGui::Begin("Help", &st.show_help, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV;
  if (ImGui::BeginTable("keys", 2, flags)) {
    ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& r : kGestures) row(r[0], r[1]);
    for (const HelpRow& r : help_rows()) row(r.keys.c_str(), r.what.c_str());
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace ll::gui
