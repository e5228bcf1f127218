#include "app/lab/reg_panel.h"

#include <imgui.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "app/lab/lab_colors.h"

namespace ll::lab {

void RegModel::set_dims(int d) {
  d = std::clamp(d, 1, kMaxDims);
  const Eigen::Index old = x.size();
  x.conservativeResize(d);
  for (Eigen::Index i = old; i < d; ++i) x[i] = 1.0;
  for (Eigen::VectorXd& w : ws) {
    const Eigen::Index o = w.size();
    w.conservativeResize(d);
    for (Eigen::Index i = o; i < d; ++i) w[i] = 0.0;
  }
}

void RegModel::add_weight() {
  if (static_cast<int>(ws.size()) < kMaxWeights) ws.push_back(ws.back());
}

void RegModel::remove_weight() {
  if (ws.size() > 2) ws.pop_back();
}

void RegModel::reset() { *this = RegModel{}; }

namespace {

bool vector_row(const char* id, Eigen::VectorXd& v, float cell) {
  bool changed = false;
  ImGui::PushID(id);
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (i) ImGui::SameLine();
    ImGui::SetNextItemWidth(cell);
    changed |=
        ImGui::DragScalar("##v", ImGuiDataType_Double, &v[i], 0.01f, nullptr, nullptr, "%.3g");
    ImGui::PopID();
  }
  ImGui::PopID();
  return changed;
}

const char* which(int k, std::string& buf) {
  buf = k < 0 ? std::string("none: a tie") : "w" + std::to_string(k + 1);
  return buf.c_str();
}

}  // namespace

void RegPanel::draw(const Style& style) {
  const float fs = ImGui::GetFontSize();
  // The preferred (smallest) penalty: a light tint of the highlight colour, legible in both
  // themes under the table's text colour.
  const ImU32 best_bg = colors::faded(colors::kHighlight, style.dark() ? 70 : 90);
  ImGui::TextWrapped(
      "Which W does the regularizer prefer? Equal scores w·x, different penalties: L2 "
      "spreads the weight over every input, L1 does not mind where it goes.");
  int d = static_cast<int>(m_.x.size());
  ImGui::SetNextItemWidth(fs * 6);
  if (ImGui::InputInt("inputs", &d)) m_.set_dims(d);
  ImGui::SameLine();
  if (ImGui::Button("+ w")) m_.add_weight();
  ImGui::SameLine();
  ImGui::BeginDisabled(m_.ws.size() <= 2);
  if (ImGui::Button("− w")) m_.remove_weight();
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("The lecture's question")) m_.reset();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 6);
  const double blo = 0.0, bhi = 1.0;
  ImGui::SliderScalar("β (elastic net)", ImGuiDataType_Double, &m_.beta, &blo, &bhi, "%.2f");

  const float cell = fs * 3.6f;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("x ");
  ImGui::SameLine(fs * 2.5f);
  vector_row("x", m_.x, cell);
  for (std::size_t k = 0; k < m_.ws.size(); ++k) {
    const std::string name = "w" + std::to_string(k + 1);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(name.c_str());
    ImGui::SameLine(fs * 2.5f);
    vector_row(name.c_str(), m_.ws[k], cell);
  }

  std::vector<RegRow> rows;
  try {
    rows = m_.rows();
  } catch (const std::invalid_argument& e) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kMse), "%s", e.what());
    return;
  }
  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (ImGui::BeginTable("reg", 5, flags)) {
    for (const char* h : {"", "score w·x", "L2 Σ w²", "L1 Σ |w|", "elastic Σ βw² + |w|"})
      ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    const int best[3] = {preferred(rows, RegKind::L2), preferred(rows, RegKind::L1),
                         preferred(rows, RegKind::Elastic)};
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const RegRow& r = rows[k];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::Text("w%zu", k + 1);
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%.4g", r.dot);
      const double v[3] = {r.l2, r.l1, r.elastic};
      for (int j = 0; j < 3; ++j) {
        ImGui::TableSetColumnIndex(2 + j);
        if (best[j] == static_cast<int>(k))
          ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, best_bg);
        ImGui::Text("%.4g", v[j]);
      }
    }
    ImGui::EndTable();
  }
  const int best_l2 = preferred(rows, RegKind::L2), best_l1 = preferred(rows, RegKind::L1);
  std::string a, b;
  ImGui::Text("L2 prefers %s; L1 prefers %s.", which(best_l2, a), which(best_l1, b));
  ImGui::TextDisabled("(highlighted: the smallest penalty of each column; λ = 1)");
}

}  // namespace ll::lab
