// The selected point's loss written out as on the lecture slides, with live numbers:
// scores s = W x + b, then the hinge terms summed, or softmax's scores → exp → probabilities →
// −ln p_y. The final value is core's point_loss; the written terms only explain it.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/classifier/model/text_format.h"
#include "app/classifier/panels.h"
#include "app/classifier/text_textures.h"
#include "app/text/formulas.h"
#include "core/losses.h"

namespace ll::gui {

namespace {
std::string hinge(const std::string& inside, bool squared) {
  return "max(0, " + inside + ")" + (squared ? "²" : "");
}
double hinge_value(double m, bool squared) {
  const double h = std::max(0.0, m);
  return squared ? h * h : h;
}

void wrapped(const std::string& s) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(s.c_str());
  ImGui::PopTextWrapPos();
}

// `head` then the terms joined by `sep`, each term kept whole: a line breaks only between
// terms (ImGui's own wrapping breaks after '.', which splits numbers), continuation lines
// indented under the first term. Disabled (weak) text when `weak`.
void flow_terms(const std::string& head, const std::vector<std::string>& terms,
                const std::string& sep, const std::string& tail = "", bool weak = false) {
  if (weak) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const float x0 = ImGui::GetCursorPosX();
  ImGui::TextUnformatted(head.c_str());
  const float indent = ImGui::GetItemRectSize().x;
  ImGui::SameLine(0, 0);
  for (std::size_t t = 0; t < terms.size(); ++t) {
    const std::string item =
        (t ? sep : std::string()) + terms[t] + (t + 1 == terms.size() ? tail : std::string());
    const float w = ImGui::CalcTextSize(item.c_str()).x;
    if (t > 0) {
      const float right = ImGui::GetItemRectMax().x + w;
      if (right > ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(x0 + indent);
      } else {
        ImGui::SameLine(0, 0);
      }
    }
    ImGui::TextUnformatted(item.c_str());
  }
  if (terms.empty() && !tail.empty()) ImGui::TextUnformatted(tail.c_str());
  if (weak) ImGui::PopStyleColor();
}
}  // namespace

void WorkedPanel::draw(const AppState& st, const Fonts& fonts) {
  const int i = st.sel.selected >= 0 ? st.sel.selected : st.sel.hovered;
  const int n = static_cast<int>(st.scene.points.size());
  if (i < 0 || i >= n) {
    ImGui::TextWrapped(
        "Select a point (click it on the canvas or in the data table) to see its "
        "loss worked out step by step.");
    return;
  }
  const Point& pt = st.scene.points[i];
  const Params& P = st.scene.params;
  const LossSettings& L = st.scene.loss;
  const int K = P.classes(), y = pt.label;
  const auto cls = [&](int k) { return class_label(st.scene, k); };
  std::vector<double> s(K), ds(K);
  point_scores(P, pt, s.data());
  const double li = point_loss(L, s.data(), K, y, ds.data());

  ImGui::PushFont(fonts.bold);
  ImGui::Text("Point %d:  x = (%s, %s),  y = %s", i, num(pt.x0).c_str(), num(pt.x1).c_str(),
              cls(y).c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("Scores");
  ImGui::SameLine();
  draw_formula(fonts, text::scores_markup(), ImGuiCol_TextDisabled);
  for (int k = 0; k < K; ++k) {
    const std::string line = "s_" + std::to_string(k) + " = " + num(P.W(k, 0)) + "·" +
                             num_paren(pt.x0) + " + " + num_paren(P.W(k, 1)) + "·" +
                             num_paren(pt.x1) + " + " + num_paren(P.b(k)) + " = " + num(s[k]);
    ImGui::PushStyleColor(ImGuiCol_Text, pack_rgba(st.options.style().classes(k).line));
    ImGui::Bullet();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (k == y) ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(line.c_str());
    if (k == y) ImGui::PopFont();
  }
  ImGui::Spacing();
  draw_formula(fonts, text::loss_formula_markup(L), ImGuiCol_TextDisabled);
  const std::string d = num(L.delta);
  std::vector<std::string> terms, values;
  auto add = [&](const std::string& t, double v) {
    terms.push_back(t);
    values.push_back(num(v));
  };
  switch (L.kind) {
    case LossKind::WestonWatkins:
      for (int j = 0; j < K; ++j) {
        if (j == y) continue;
        const double m = s[j] - s[y] + L.delta;
        add(hinge(num(s[j]) + " − " + num_paren(s[y]) + " + " + d, L.squared),
            hinge_value(m, L.squared));
      }
      flow_terms("L_i = ", terms, " + ");
      flow_terms("    = ", values, " + ", " = " + num(li));
      break;
    case LossKind::OneVsAll:
      for (int j = 0; j < K; ++j) {
        const double t = j == y ? 1.0 : -1.0;
        const std::string inner = d + (j == y ? " − " : " + ") + num_paren(s[j]);
        add(hinge(inner, L.squared), hinge_value(L.delta - t * s[j], L.squared));
      }
      flow_terms("L_i = ", terms, " + ");
      flow_terms("    = ", values, " + ", " = " + num(li));
      break;
    case LossKind::Structured: {
      int m = -1;
      for (int j = 0; j < K; ++j)
        if (j != y && (m < 0 || s[j] > s[m])) m = j;  // ties: lower index
      wrapped("max_{j≠y} s_j = s_" + std::to_string(m) + " = " + num(s[m]));
      wrapped("L_i = " + hinge(num(s[m]) + " − " + num_paren(s[y]) + " + " + d, L.squared) + " = " +
              num(li));
      break;
    }
    case LossKind::Softmax: {
      std::vector<double> p(K);
      softmax(s.data(), K, p.data());
      const double smax = *std::max_element(s.begin(), s.end());
      const bool raw = smax < 700.0;  // e^s is printable
      if (ImGui::BeginTable("softmax", 4,
                            ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("class");
        ImGui::TableSetupColumn("score s_j");
        ImGui::TableSetupColumn(raw ? "exp  e^{s_j}" : "e^{s_j − max s}");
        ImGui::TableSetupColumn("normalized p_j");
        ImGui::TableHeadersRow();
        double sum = 0.0;
        for (int k = 0; k < K; ++k) {
          const double ek = raw ? std::exp(s[k]) : std::exp(s[k] - smax);
          sum += ek;
          ImGui::TableNextRow();
          if (k == y)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0,
                                   pack_rgba(st.options.style().classes(k).region));
          ImGui::TableSetColumnIndex(0);
          ImGui::Text(k == y ? "%s = y" : "%s", cls(k).c_str());
          ImGui::TableSetColumnIndex(1);
          ImGui::TextUnformatted(num(s[k]).c_str());
          ImGui::TableSetColumnIndex(2);
          ImGui::TextUnformatted(num(ek, ek < 0.01 ? 4 : 2).c_str());
          ImGui::TableSetColumnIndex(3);
          ImGui::TextUnformatted(num(p[k], 3).c_str());
        }
        ImGui::EndTable();
        wrapped("Σ_j e^{s_j} = " + num(sum) + (raw ? "" : " (shifted by max s)") +
                ",   p_y = e^{s_y} / Σ = " + num(p[y], 3));
      }
      wrapped("L_i = −ln p_y = −ln " + num(p[y], 3) + " = " + num(li));
      break;
    }
    case LossKind::Sigmoid:
    case LossKind::Focal:
      wrapped("L_i = " + num(li));
      break;
  }
  ImGui::Spacing();
  std::vector<std::string> g;
  for (int k = 0; k < K; ++k) g.push_back(num(ds[k]));
  flow_terms("∂L_i/∂s = [", g, ", ", "]  (the pull on each score)", true);
}

}  // namespace ll::gui
