// Data table: x0, x1, y, s_0..s_{K-1}, L_i (red/green marks), a mean row, then data,
// regularization and total loss and accuracy. Rows and canvas points share hover/selection.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/classifier/model/text_format.h"
#include "app/classifier/panels.h"

namespace ll::gui {

void DataPanel::draw(AppState& st, const Fonts& fonts) {
  const Evaluation& e = st.eval();
  const UiColors ui = ui_colors(st.options.theme);
  const int K = st.scene.classes();
  const int n = static_cast<int>(st.scene.points.size());
  const bool ok = e.scores.rows() == n;
  // The selected point can be edited by number.
  const int sel = st.sel.selected;
  if (sel >= 0 && sel < n) {
    Point p = st.scene.points[sel];
    const float w = ImGui::GetFontSize() * 5.5f;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("point %d:", sel);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::InputDouble("x0##edit", &p.x0, 0.0, 0.0, "%.3f");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::InputDouble("x1##edit", &p.x1, 0.0, 0.0, "%.3f");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::SliderInt("y##edit", &p.label, 0, K - 1,
                     class_label(st.scene, std::clamp(p.label, 0, K - 1)).c_str());
    st.doc.move_point(sel, p.x0, p.x1);  // clamped; non-finite becomes 0
    st.doc.relabel_point(sel, p.label);
  } else {
    ImGui::TextDisabled("Select a row or a point to edit it; hover a row to find its point.");
  }
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2.4f;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchSame;
  if (ImGui::BeginTable("data", 5 + K, flags,
                        ImVec2(0, ImGui::GetContentRegionAvail().y - footer))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn("x0");
    ImGui::TableSetupColumn("x1");
    ImGui::TableSetupColumn("y");
    for (int k = 0; k < K; ++k) {
      char name[16];
      std::snprintf(name, sizeof name, "s%d", k);
      ImGui::TableSetupColumn(name);
    }
    ImGui::TableSetupColumn("L_i");
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(n);
    // Keep the selected row visible when it was selected on the canvas.
    const bool scroll_to = st.sel.selected != last_selected_ && st.sel.selected >= 0;
    last_selected_ = st.sel.selected;
    if (scroll_to) clip.ForceDisplayRangeByIndices(st.sel.selected, st.sel.selected + 1);
    while (clip.Step()) {
      for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
        const Point& p = st.scene.points[i];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        char id[32];
        std::snprintf(id, sizeof id, "%d##row", i);
        const bool selected = st.sel.selected == i;
        if (ImGui::Selectable(id, selected || st.sel.hovered == i,
                              ImGuiSelectableFlags_SpanAllColumns))
          st.sel.selected = selected ? -1 : i;
        if (ImGui::IsItemHovered()) st.sel.hover_next = i;
        if (scroll_to && selected) ImGui::SetScrollHereY(0.5f);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(num(p.x0).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(num(p.x1).c_str());
        ImGui::TableSetColumnIndex(3);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                               pack_rgba(st.options.style().classes(p.label).region));
        ImGui::TextUnformatted(class_label(st.scene, p.label).c_str());
        for (int k = 0; k < K && ok; ++k) {
          ImGui::TableSetColumnIndex(4 + k);
          ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                                 pack_rgba(st.options.style().classes(k).region, 150));
          ImGui::TextUnformatted(num(e.scores(i, k)).c_str());
        }
        ImGui::TableSetColumnIndex(4 + K);
        if (ok) {
          const double li = e.losses(i);
          ImGui::TextUnformatted(num(li).c_str());
          const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
          ImGui::GetWindowDrawList()->AddRect(
              ImVec2(a.x - 3, a.y - 1),
              ImVec2(std::max(b.x + 3, a.x + ImGui::GetFontSize() * 3), b.y + 1),
              li > 0.0 ? ui.loss_pos : ui.loss_zero, 2.0f, 0, 2.0f);
        }
      }
    }
    // The mean row, as in the demo: column means; the L_i mean is the data loss.
    if (ok && n > 0) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushFont(fonts.bold);
      ImGui::TextUnformatted("mean");
      double m0 = 0, m1 = 0;
      for (const Point& p : st.scene.points) {
        m0 += p.x0;
        m1 += p.x1;
      }
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(num(m0 / n).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(num(m1 / n).c_str());
      for (int k = 0; k < K; ++k) {
        ImGui::TableSetColumnIndex(4 + k);
        ImGui::TextUnformatted(num(e.scores.col(k).mean()).c_str());
      }
      ImGui::TableSetColumnIndex(4 + K);
      ImGui::TextUnformatted(num(e.data_loss).c_str());
      ImGui::PopFont();
    }
    ImGui::EndTable();
  }
  ImGui::PushFont(fonts.bold);
  ImGui::Text("mean L_i (data loss) %s", num(e.data_loss, 4).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::Text("  reg %s   total %s   accuracy %.1f%%  (%d points)", num(e.reg_loss, 4).c_str(),
              num(e.total_loss, 4).c_str(), 100.0 * e.accuracy, n);
}

}  // namespace ll::gui
