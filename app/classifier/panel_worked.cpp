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
#include "app/widgets/flow.h"
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

// Typeset `markup` (sub/superscripts) and stay on its line: numbers follow as plain text.
void worked_inline(const Fonts& fonts, const std::string& markup, ImGuiCol col = ImGuiCol_Text) {
  draw_formula(fonts, markup, col, false, false);
  ImGui::SameLine(0, 0);
}

// `head` (typeset markup) then the terms joined by `sep`, each term kept whole: a line breaks
// only between terms (ImGui's own wrapping breaks after '.', which splits numbers),
// continuation lines indented under the first term. Disabled (weak) text when `weak`.
void flow_terms(const Fonts& fonts, const std::string& head, const std::vector<std::string>& terms,
                const std::string& sep, const std::string& tail = "", bool weak = false) {
  if (weak) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const float x0 = ImGui::GetCursorPosX();
  draw_formula(fonts, head);
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
    const std::string line = " = " + num(P.W(k, 0)) + "·" + num_paren(pt.x0) + " + " +
                             num_paren(P.W(k, 1)) + "·" + num_paren(pt.x1) + " + " +
                             num_paren(P.b(k)) + " = " + num(s[k]);
    ImGui::PushStyleColor(ImGuiCol_Text, pack_rgba(st.options.style().classes(k).line));
    ImGui::Bullet();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (k == y) ImGui::PushFont(fonts.bold);
    draw_formula(fonts, text::score_markup(k), ImGuiCol_Text, k == y);
    ImGui::SameLine(0, 0);
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
      flow_terms(fonts, text::point_loss_markup() + " = ", terms, " + ");
      flow_terms(fonts, text::point_loss_indent_markup() + " = ", values, " + ", " = " + num(li));
      break;
    case LossKind::OneVsAll:
      for (int j = 0; j < K; ++j) {
        const double t = j == y ? 1.0 : -1.0;
        const std::string inner = d + (j == y ? " − " : " + ") + num_paren(s[j]);
        add(hinge(inner, L.squared), hinge_value(L.delta - t * s[j], L.squared));
      }
      flow_terms(fonts, text::point_loss_markup() + " = ", terms, " + ");
      flow_terms(fonts, text::point_loss_indent_markup() + " = ", values, " + ", " = " + num(li));
      break;
    case LossKind::Structured: {
      int m = -1;
      for (int j = 0; j < K; ++j)
        if (j != y && (m < 0 || s[j] > s[m])) m = j;  // ties: lower index
      worked_inline(fonts, text::max_other_score_markup() + " = " + text::score_markup(m));
      wrapped(" = " + num(s[m]));
      worked_inline(fonts, text::point_loss_markup());
      wrapped(" = " + hinge(num(s[m]) + " − " + num_paren(s[y]) + " + " + d, L.squared) + " = " +
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
        // Typeset headers in a plain row coloured as a header (ImGui's header row draws labels
        // as plain text, and its cells do not widen fit-to-content columns).
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0,
                               ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        const std::string heads[] = {
            "class", "score " + text::var_markup("s", "j"),
            raw ? "exp  " + text::exp_score_markup('j') : text::exp_score_markup('j', true),
            "normalized " + text::prob_markup('j')};
        for (int c = 0; c < 4; ++c) {
          ImGui::TableSetColumnIndex(c);
          draw_formula(fonts, heads[c], ImGuiCol_Text, false, false);
        }
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
        worked_inline(fonts, text::exp_sum_markup());
        ImGui::TextUnformatted(
            (" = " + num(sum) + (raw ? "" : " (shifted by max s)") + ",").c_str());
        widgets::same_line_if_fits(ImGui::GetFontSize() * 9);
        worked_inline(fonts, text::prob_markup('y') + " = " + text::exp_score_markup('y') + " / Σ");
        ImGui::TextUnformatted((" = " + num(p[y], 3)).c_str());
      }
      worked_inline(fonts, text::point_loss_markup() + " = −ln " + text::prob_markup('y'));
      wrapped(" = −ln " + num(p[y], 3) + " = " + num(li));
      break;
    }
    case LossKind::Sigmoid:
    case LossKind::Focal:
      worked_inline(fonts, text::point_loss_markup());
      wrapped(" = " + num(li));
      break;
  }
  ImGui::Spacing();
  std::vector<std::string> g;
  for (int k = 0; k < K; ++k) g.push_back(num(ds[k]));
  flow_terms(fonts, text::gradient_markup() + " = [", g, ", ", "]  (the pull on each score)", true);
}

}  // namespace ll::gui
