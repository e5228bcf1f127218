#include "app/lab/regression_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/lab/lab_colors.h"
#include "app/widgets/figure_plot.h"
#include "core/lab/regression_presets.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;

constexpr RegressionLoss kLosses[3] = {RegressionLoss::MSE, RegressionLoss::MAE,
                                       RegressionLoss::Huber};
constexpr ImU32 kColors[3] = {colors::kMse, colors::kMae, colors::kHuber};
const char* const kTableFor[] = {"preset model", "least squares", "MSE fit", "MAE fit",
                                 "Huber fit"};

}  // namespace

RegressionPanel::RegressionPanel() { load_preset(0); }

void RegressionPanel::load_preset(int index) {
  const auto presets = regression_presets();
  preset_ = std::clamp(index, 0, int(presets.size()) - 1);
  samples_ = presets[size_t(preset_)].samples;
  model_ = presets[size_t(preset_)].model;
  dragging_ = -1;
  reset_fits();
  fit_view();
}

void RegressionPanel::fit_view() {
  double x0 = -1, x1 = 1, y0 = -1, y1 = 1;
  if (!samples_.empty()) {
    x0 = x1 = samples_[0].x;
    y0 = y1 = samples_[0].y;
    for (const Sample& s : samples_) {
      x0 = std::min(x0, s.x), x1 = std::max(x1, s.x);
      y0 = std::min(y0, s.y), y1 = std::max(y1, s.y);
    }
  }
  const double px = std::max(0.15 * (x1 - x0), 0.5), py = std::max(0.15 * (y1 - y0), 0.5);
  view_[0] = x0 - px, view_[1] = x1 + px, view_[2] = y0 - py, view_[3] = y1 + py;
}

void RegressionPanel::add_outlier() {
  // Far below the least-squares line, near the right edge, inside the current view.
  const double x = view_[0] + 0.85 * (view_[1] - view_[0]);
  const double y = view_[2] + 0.06 * (view_[3] - view_[2]);
  samples_.push_back({x, y});
}

void RegressionPanel::reset_fits() {
  // Start every fit from the same flat line through the mean, so their paths can be compared.
  double mean = 0.0;
  for (const Sample& s : samples_) mean += s.y;
  if (!samples_.empty()) mean /= double(samples_.size());
  for (Line& l : fits_) l = {0.0, mean};
}

void RegressionPanel::step_fits(int steps) {
  for (int k = 0; k < 3; ++k)
    if (enabled_[k])
      for (int i = 0; i < steps; ++i) gradient_step(samples_, fits_[k], kLosses[k], delta_, lr_);
}

Line RegressionPanel::table_line() const {
  switch (table_for_) {
    case 0:
      return model_;
    case 1:
      return least_squares(samples_);
    default:
      return fits_[std::clamp(table_for_ - 2, 0, 2)];
  }
}

void RegressionPanel::controls() {
  const auto presets = regression_presets();
  ImGui::SetNextItemWidth(220);
  if (ImGui::BeginCombo("preset", presets[size_t(preset_)].name.c_str())) {
    for (int i = 0; i < int(presets.size()); ++i)
      if (ImGui::Selectable(presets[size_t(i)].name.c_str(), i == preset_)) load_preset(i);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("Add outlier")) add_outlier();
  ImGui::SameLine();
  if (ImGui::Button("Clear")) samples_.clear(), dragging_ = -1;
  ImGui::SameLine();
  if (ImGui::Button("Fit view")) fit_view();

  for (int k = 0; k < 3; ++k) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColors[k]);
    ImGui::Checkbox(display_name(kLosses[k]), &enabled_[k]);
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  ImGui::Checkbox("least squares", &show_least_squares_);
  ImGui::SameLine();
  ImGui::Checkbox("residuals", &show_residuals_);

  if (ImGui::Button(playing_ ? "Pause" : "Play", ImVec2(60, 0))) playing_ = !playing_;
  ImGui::SameLine();
  if (ImGui::Button("Step")) step_fits(1);
  ImGui::SameLine();
  if (ImGui::Button("Reset")) reset_fits();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(150);
  ImGui::SliderFloat("Huber δ", &delta_, 0.05f, 20.0f, "%.2f",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  ImGui::SliderFloat("rate", &lr_, 0.001f, 0.5f, "%.3f",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::SliderInt("steps/frame", &steps_per_frame_, 1, 50, "%d", ImGuiSliderFlags_AlwaysClamp);
}

LabFigures RegressionPanel::describe(const Style& style) const {
  figure::PlotFigure f;
  f.x_label = "x";
  f.y_label = "y";
  f.x_min = view_[0], f.x_max = view_[1], f.y_min = view_[2], f.y_max = view_[3];
  const palette::Rgb ink = style.colors().text;
  // Lines as two-point series across the view.
  const std::vector<double> xs = {view_[0], view_[1]};
  auto across = [&](const Line& l, std::string name, palette::Rgb c, double width, double alpha) {
    figure::PlotSeries s = figure::line(std::move(name), c, xs, {l(xs[0]), l(xs[1])}, width);
    s.alpha = alpha;
    f.series.push_back(std::move(s));
  };
  if (show_least_squares_ && !samples_.empty())
    across(least_squares(samples_), "least squares", ink, 1.0, 0.9);
  if (table_for_ == 0) across(model_, "preset model", rgb(colors::kModel), 1.0, 1.0);
  for (int k = 0; k < 3; ++k)
    if (enabled_[k]) across(fits_[k], display_name(kLosses[k]), rgb(kColors[k]), 2.5, 1.0);
  // Residual segments to the table's line (only while they stay readable).
  if (show_residuals_ && samples_.size() <= 300) {
    const Line t = table_line();
    figure::PlotSeries r = figure::line("", palette::Rgb{120, 120, 120}, {}, {}, 1.0);
    r.alpha = 150 / 255.0;
    for (const Sample& s : samples_) {
      r.x.insert(r.x.end(), {s.x, s.x, NAN});
      r.y.insert(r.y.end(), {s.y, t(s.x), NAN});
    }
    f.series.push_back(std::move(r));
  }
  figure::PlotSeries pts = figure::markers("", ink, {}, {}, samples_.size() > 2000 ? 1.5 : 5.0);
  pts.alpha = 0.75;
  for (const Sample& s : samples_) pts.x.push_back(s.x), pts.y.push_back(s.y);
  f.series.push_back(std::move(pts));
  if (hovered_ >= 0 && hovered_ < int(samples_.size())) {
    const Sample& h = samples_[size_t(hovered_)];
    f.series.push_back(figure::markers("", rgb(colors::kHighlight), {h.x}, {h.y}, 7.0));
  }
  return {{std::move(f)}, 1};
}

void RegressionPanel::canvas(float cw, float ch, const Style& style) {
  last_size_ = ImVec2(cw, ch);
  const LabFigures figs = describe(style);
  figure::PlotLayout l;
  ImVec2 origin;
  w::FigurePlotOptions po;
  po.readout = false;
  const w::FigureHover fh =
      w::FigurePlot("##playground", figs.plots[0], ImVec2(cw, ch), style, po, &l, &origin);
  // Input on the plot area (the last item): drag, click to add, right-click to delete. The
  // figure drawn this frame was described before; the changes show next frame.
  const ImVec2 mouse = ImGui::GetMousePos();
  int hovered = -1;
  float best = 8.0f * 8.0f;
  for (int i = 0; i < int(samples_.size()); ++i) {
    const float px = origin.x + float(l.px_x(samples_[size_t(i)].x)),
                py = origin.y + float(l.px_y(samples_[size_t(i)].y));
    const float d = (px - mouse.x) * (px - mouse.x) + (py - mouse.y) * (py - mouse.y);
    if (d < best) best = d, hovered = i;
  }
  const double mx = l.x_at(mouse.x - origin.x), my = l.y_at(mouse.y - origin.y);
  if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !fh.over_legend) {
    if (hovered < 0) {
      samples_.push_back({mx, my});
      hovered = int(samples_.size()) - 1;
    }
    dragging_ = hovered;
  }
  if (dragging_ >= 0 && dragging_ < int(samples_.size()) && ImGui::IsItemActive()) {
    samples_[size_t(dragging_)] = {std::clamp(mx, view_[0], view_[1]),
                                   std::clamp(my, view_[2], view_[3])};
    hovered = dragging_;
  } else {
    dragging_ = -1;
  }
  if (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && hovered >= 0) {
    samples_.erase(samples_.begin() + hovered);
    hovered = -1;
  }
  if (ImGui::IsItemHovered() && hovered >= 0)
    ImGui::SetTooltip("(%.3g, %.3g)  drag to move, right-click to delete",
                      samples_[size_t(hovered)].x, samples_[size_t(hovered)].y);
  hovered_ = ImGui::IsItemHovered() || dragging_ >= 0 ? hovered : -1;
}

void RegressionPanel::table(float tw, float th) {
  ImGui::BeginChild("##residuals", ImVec2(tw, th));
  ImGui::SetNextItemWidth(160);
  ImGui::Combo("residuals of", &table_for_, kTableFor, IM_ARRAYSIZE(kTableFor));
  const Line l = table_line();
  ImGui::Text("ŷ = %.4g·x %+.4g", l.a, l.c);
  const ResidualTable t = residual_table(samples_, l, delta_);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
  const float summary_h =
      2.3f * ImGui::GetFrameHeightWithSpacing() + 3 * ImGui::GetTextLineHeightWithSpacing();
  char huber[32];
  std::snprintf(huber, sizeof huber, "Huber(%.2g)", double(delta_));
  if (ImGui::BeginTable("##table", 6, flags,
                        ImVec2(0, ImGui::GetContentRegionAvail().y - summary_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"x", "y", "r = y − ŷ", "|r|", "r²"}) ImGui::TableSetupColumn(h);
    ImGui::TableSetupColumn(huber);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(int(t.rows.size()));
    while (clip.Step()) {
      for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
        const ResidualRow& r = t.rows[size_t(i)];
        ImGui::TableNextRow();
        const double v[6] = {
            samples_[size_t(i)].x, samples_[size_t(i)].y, r.r, r.abs, r.sq, r.huber};
        for (int c = 0; c < 6; ++c) {
          ImGui::TableSetColumnIndex(c);
          ImGui::Text("%.4g", v[c]);
        }
      }
    }
    ImGui::EndTable();
  }
  // The summary row, aligned with the columns above: the lecture's MAE / MSE (RMSE) / mean Huber.
  if (ImGui::BeginTable("##summary", 6,
                        ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted("mean");
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("n = %d", int(t.rows.size()));
    ImGui::TableSetColumnIndex(3);
    ImGui::Text("MAE %.4g", t.mae);
    ImGui::TableSetColumnIndex(4);
    ImGui::Text("MSE %.4g", t.mse);
    ImGui::TableSetColumnIndex(5);
    ImGui::Text("%.4g", t.mean_huber);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(4);
    ImGui::Text("RMSE %.4g", t.rmse);
    ImGui::EndTable();
  }
  for (int k = 0; k < 3; ++k) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kColors[k]),
                       "%s fit: ŷ = %.4g·x %+.4g   mean %s loss %.4g", display_name(kLosses[k]),
                       fits_[k].a, fits_[k].c, display_name(kLosses[k]),
                       regression_loss(samples_, fits_[k], kLosses[k], delta_));
  }
  ImGui::EndChild();
}

void RegressionPanel::draw(const Style* given) {
  const Style style = given ? *given : style_of_imgui();
  controls();
  ImGui::SameLine();
  export_.button([this, style] { return describe(style); }, last_size_, style);
  if (playing_) step_fits(steps_per_frame_);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float cw = std::floor(avail.x * 0.55f);
  canvas(cw, avail.y, style);
  ImGui::SameLine();
  table(ImGui::GetContentRegionAvail().x, avail.y);
}

}  // namespace ll::lab
