#include "app/lab/four_pixel_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/lab/lab_colors.h"
#include "app/widgets/figure_plot.h"

namespace ll::lab {

namespace {

constexpr double kMaxWeight = 1e3;

}  // namespace

void FourPixelModel::set_pixel(int i, double v) {
  if (std::isfinite(v)) example.x[i] = std::clamp(v, 0.0, 255.0);
}
void FourPixelModel::set_weight(int k, int i, double v) {
  if (std::isfinite(v)) example.W[k][i] = std::clamp(v, -kMaxWeight, kMaxWeight);
}
void FourPixelModel::set_bias(int k, double v) {
  if (std::isfinite(v)) example.b[k] = std::clamp(v, -kMaxWeight, kMaxWeight);
}
bool FourPixelModel::is_lecture() const {
  const FourPixelExample l = four_pixel_lecture();
  return example.x == l.x && example.W == l.W && example.b == l.b;
}

std::string four_pixel_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v == 0.0 ? 0.0 : v);
  std::string s = buf;
  if (!s.empty() && s[0] == '-') s = "−" + s.substr(1);
  return s;
}

std::string four_pixel_terms(const FourPixelExample& e, const FourPixelResult& r, int k,
                             bool values) {
  auto wrapped = [](double v) {
    const std::string s = four_pixel_number(v);
    return v < 0 ? "(" + s + ")" : s;
  };
  std::string out;
  for (int i = 0; i < kFourPixels; ++i) {
    if (i) out += " + ";
    out +=
        values ? wrapped(r.rows[k].terms[i]) : wrapped(e.W[k][i]) + "·" + four_pixel_number(e.x[i]);
  }
  return out + " + " + wrapped(e.b[k]);
}

figure::TemplateFigure FourPixelPanel::describe(const Style& style, double width,
                                                double height) const {
  const FourPixelExample& e = m_.example;
  const FourPixelResult r = four_pixel_scores(e);
  // Row 0 is the image (re-coloured grey below), rows 1..3 the templates; the colour scale is
  // W's alone.
  Eigen::MatrixXd rows(1 + kFourPixelClasses, kFourPixels);
  double m = 0.0;
  for (int i = 0; i < kFourPixels; ++i) rows(0, i) = 0.0;
  for (int k = 0; k < kFourPixelClasses; ++k)
    for (int i = 0; i < kFourPixels; ++i) {
      rows(1 + k, i) = e.W[k][i];
      m = std::max(m, std::abs(e.W[k][i]));
    }
  std::vector<std::string> names = {"x: the image"};
  for (int k = 0; k < kFourPixelClasses; ++k)
    names.push_back(e.class_names[k] + ": s = " + four_pixel_number(r.rows[k].score));
  figure::TemplateOptions opt;
  opt.columns = 1 + kFourPixelClasses;
  opt.title = "s = W x + b: the image and the rows of W as templates";
  opt.range = m > 0.0 ? m : 1.0;
  figure::TemplateFigure f = figure::template_figure(rows, 2, 2, names, width, height, style,
                                                     widgets::imgui_measure(), opt);
  if (!f.tiles.empty()) {
    figure::TemplateTile& img = f.tiles[0];
    for (int i = 0; i < kFourPixels && i < static_cast<int>(img.pixels.size()); ++i) {
      const auto g = static_cast<std::uint8_t>(std::lround(255.0 * four_pixel_grey(e.x[i])));
      img.pixels[i] = {g, g, g};
    }
  }
  return f;
}

void FourPixelPanel::draw(const Style& style) {
  const float fs = ImGui::GetFontSize();
  ImGui::TextWrapped(
      "The algebraic viewpoint: a 2x2 image stretched into the column x = [x₁, x₂, x₃, x₄] "
      "(row by row), and one score per class, s = W x + b. Each row of W is also a 2x2 "
      "template (the visual viewpoint): blue weights count against the class, red for it.");
  if (ImGui::Button("The lecture's example")) m_.reset();
  ImGui::SameLine();
  const float fig_w = std::min(ImGui::GetContentRegionAvail().x, fs * 44.0f);
  const float fig_h = std::clamp(fig_w * 0.36f, fs * 9.0f, fs * 15.0f);
  export_.button([&](double w, double h) { return describe(style, w, h); }, ImVec2(fig_w, fig_h));

  FourPixelResult r;
  try {
    r = m_.result();
  } catch (const std::exception& ex) {  // unreachable with the clamps; never crash
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kMse), "%s", ex.what());
    return;
  }
  const figure::TemplateFigure f = describe(style, fig_w, fig_h);
  const ImVec2 o = TileFigure("##four_pixel_tiles", f);
  // Each cell's number over its colour (the window only; the export shows the colours).
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (std::size_t t = 0; t < f.tiles.size(); ++t) {
    const figure::TemplateTile& tile = f.tiles[t];
    for (int i = 0; i < kFourPixels && tile.rows == 2 && tile.cols == 2; ++i) {
      const double v = t == 0 ? m_.example.x[i] : m_.example.W[t - 1][i];
      const std::string s = four_pixel_number(v);
      const palette::Rgb bg = tile.pixels[i];
      const bool light = 0.299 * bg.r + 0.587 * bg.g + 0.114 * bg.b > 140.0;
      const ImVec2 sz = ImGui::CalcTextSize(s.c_str());
      const float cx = o.x + static_cast<float>(tile.x + (i % 2 + 0.5) * tile.w / 2),
                  cy = o.y + static_cast<float>(tile.y + (i / 2 + 0.5) * tile.h / 2);
      dl->AddText(ImVec2(std::floor(cx - sz.x / 2), std::floor(cy - sz.y / 2)),
                  light ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255), s.c_str());
    }
  }

  // The inputs: the four pixels, then W and b in the table below.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("pixels x");
  for (int i = 0; i < kFourPixels; ++i) {
    ImGui::SameLine();
    ImGui::PushID(i);
    ImGui::SetNextItemWidth(fs * 4);
    double v = m_.example.x[i];
    const double lo = 0.0, hi = 255.0;
    if (ImGui::DragScalar("##x", ImGuiDataType_Double, &v, 1.0f, &lo, &hi, "%.0f"))
      m_.set_pixel(i, v);
    ImGui::PopID();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("(0..255; drag or type)");

  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  const ImU32 best_bg = colors::faded(colors::kHighlight, style.dark() ? 70 : 90);
  if (ImGui::BeginTable("four_pixel", 4, flags)) {
    for (const char* h : {"class", "W row k  ·  b k", "s = W x + b, term by term", "score"})
      ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (int k = 0; k < kFourPixelClasses; ++k) {
      ImGui::PushID(k);
      ImGui::TableNextRow();
      if (k == r.best) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, best_bg);
      ImGui::TableSetColumnIndex(0);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::class_color(style, k)), "%s",
                         m_.example.class_names[k].c_str());
      ImGui::TableSetColumnIndex(1);
      for (int i = 0; i <= kFourPixels; ++i) {
        if (i) ImGui::SameLine();
        ImGui::PushID(i);
        ImGui::SetNextItemWidth(fs * 3.2f);
        double v = i < kFourPixels ? m_.example.W[k][i] : m_.example.b[k];
        if (ImGui::DragScalar("##w", ImGuiDataType_Double, &v, 0.01f, nullptr, nullptr, "%.3g")) {
          if (i < kFourPixels)
            m_.set_weight(k, i, v);
          else
            m_.set_bias(k, v);
        }
        ImGui::PopID();
      }
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(four_pixel_terms(m_.example, r, k, false).c_str());
      ImGui::TextUnformatted(("= " + four_pixel_terms(m_.example, r, k, true)).c_str());
      ImGui::TableSetColumnIndex(3);
      ImGui::Text("%s%s", four_pixel_number(r.rows[k].score).c_str(),
                  k == r.best ? "  (highest)" : "");
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  // These edits move r out of date within the frame only; the next frame recomputes.
  if (m_.is_lecture()) {
    ImGui::TextWrapped(
        "The slide prints %s for ship; W x + b is %s (0 + 57.75 + 4.8 − 0.6 − 1.2): a slip on "
        "the slide. Cat (%s) and dog (%s) agree. The dog score wins: this W gets the cat wrong.",
        four_pixel_number(kFourPixelSlideScores[2]).c_str(),
        four_pixel_number(r.rows[2].score).c_str(), four_pixel_number(r.rows[0].score).c_str(),
        four_pixel_number(r.rows[1].score).c_str());
  } else {
    ImGui::TextDisabled("Edited: \"The lecture's example\" returns to the slide's numbers.");
  }
}

}  // namespace ll::lab
