// The Help window: mouse and keyboard reference.
#include <imgui.h>

#include "app/gui/panels.h"

namespace ll::gui {

void window_help(AppState& st) {
  if (!st.show_help) return;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 42, 0), ImGuiCond_Appearing);
  if (!ImGui::Begin("Help", &st.show_help, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  static const char* const rows[][2] = {
      {"Drag a point", "move it (pick radius 10 px)"},
      {"Click empty space", "add a point of the chosen class"},
      {"Right-click a point", "relabel or delete it"},
      {"1 … 8 over a point", "relabel it to class 0 … 7"},
      {"Delete", "remove the selected point"},
      {"Drag a class line", "translate it (changes b_k only)"},
      {"Drag an arrow head", "rotate and scale W_k; Shift: rotate only"},
      {"Esc", "cancel the current drag"},
      {"Drag empty space / middle button", "pan"},
      {"Wheel", "zoom about the cursor"},
      {"Space", "play / pause training"},
      {"→ or S", "one training step"},
      {"R", "randomize W, b"},
      {"1 … 4", "loss: Weston-Watkins, One-vs-All, Structured, Softmax"},
      {"Ctrl+Z", "undo"},
      {"Ctrl+Shift+Z or Ctrl+Y", "redo"},
      {"Ctrl+O / Ctrl+S", "open / save the path in the Scene tab"},
      {"Ctrl+E", "export the canvas or the loss plot (PNG 1x/2x/4x, SVG, PDF)"},
      {"F5", "presenter mode: canvas and loss only, large fonts, fullscreen"},
      {"F11", "fullscreen"},
      {"F1", "this help"},
  };
  if (ImGui::BeginTable(
          "keys", 2,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
    for (const auto& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(r[0]);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(r[1]);
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace ll::gui
