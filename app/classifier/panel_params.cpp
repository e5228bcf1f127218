// Parameter table: W[k,0], W[k,1], b[k] with value (editable), gradient (red) and ▲/▼ ±0.1,
// cells tinted with the class's region colour like the demo.
#include <imgui.h>

#include <cmath>
#include <string>

#include "app/classifier/model/text_format.h"
#include "app/classifier/panels.h"

namespace ll::gui {

namespace {
constexpr double kClickStep = 0.1;

void param_cell(const char* id, double* value, double grad, const Fonts& fonts, ImU32 grad_col) {
  ImGui::PushID(id);
  const float fs = ImGui::GetFontSize();
  if (ImGui::ArrowButton("up", ImGuiDir_Up)) *value += kClickStep;
  ImGui::SameLine(0, 2);
  if (ImGui::ArrowButton("down", ImGuiDir_Down)) *value -= kClickStep;
  ImGui::SameLine(0, 4);
  ImGui::SetNextItemWidth(fs * 4.6f);
  ImGui::PushFont(fonts.bold);
  const double before = *value;
  if (ImGui::InputDouble("##v", value, 0.0, 0.0, "%.3f") && !std::isfinite(*value))
    *value = before;  // "inf" or "nan" typed: keep the last finite value
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, grad_col);
  ImGui::Text("  ∂L = %s", num(grad, 3).c_str());
  ImGui::PopStyleColor();
  ImGui::PopID();
}
}  // namespace

void ParamsPanel::draw(AppState& st, const Fonts& fonts) {
  Params P = st.scene.params;  // edited here, then committed to the document (clamped)
  const Evaluation& e = st.eval();
  const UiColors ui = ui_colors(st.options.theme);
  const int K = P.classes();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled(
      "▲/▼ change a value by 0.1; click a value to type it. Red: the gradient "
      "∂L/∂· of the total loss (a gradient step moves against it).");
  ImGui::PopTextWrapPos();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("params", 4, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("class");
  ImGui::TableSetupColumn("W[k,0]");
  ImGui::TableSetupColumn("W[k,1]");
  ImGui::TableSetupColumn("b[k]");
  ImGui::TableHeadersRow();
  const bool have_grad = e.dW.rows() == K;
  for (int k = 0; k < K; ++k) {
    ImGui::PushID(k);
    ImGui::TableNextRow();
    const ImU32 bg = pack_rgba(st.options.style().classes(k).region);
    ImGui::TableSetColumnIndex(0);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, bg);
    ImGui::PushFont(fonts.bold);
    if (!st.scene.class_names.empty() && k < static_cast<int>(st.scene.class_names.size()))
      ImGui::Text("%d %s", k, st.scene.class_names[k].c_str());
    else
      ImGui::Text("%d", k);
    ImGui::PopFont();
    for (int c = 0; c < 3; ++c) {
      ImGui::TableSetColumnIndex(c + 1);
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, bg);
      double* v = c < 2 ? &P.W(k, c) : &P.b(k);
      const double g = !have_grad ? 0.0 : c < 2 ? e.dW(k, c) : e.db(k);
      param_cell(c == 0 ? "w0" : c == 1 ? "w1" : "b", v, g, fonts, ui.gradient);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  st.doc.set_params(std::move(P));
}

}  // namespace ll::gui
