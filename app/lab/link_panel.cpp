#include "app/lab/link_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/lab/lab_colors.h"
#include "app/widgets/plot.h"
#include "core/curves.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;

}  // namespace

void LinkPanel::refresh(const Scene& scene, std::uint64_t revision) {
  if (has_cache_ && cached_revision_ == revision) return;
  cached_revision_ = revision;
  has_cache_ = true;
  link_ = link_classifier(scene);
  hovered_ = -1;
  const size_t classes = size_t(std::max(1, scene.classes()));
  hinge_.assign(classes, {});
  ce_.assign(classes, {});
  plane_.assign(classes, {});
  double mlo = -1.0, mhi = 2.0;
  for (int i = 0; i < int(link_.size()); ++i) {
    const LinkedPoint& p = link_[size_t(i)];
    const size_t k = size_t(p.label) % classes;
    hinge_[k].x.push_back(p.margin), hinge_[k].y.push_back(p.hinge), hinge_[k].index.push_back(i);
    ce_[k].x.push_back(p.p_correct), ce_[k].y.push_back(std::min(p.cross_entropy, 1e9)),
        ce_[k].index.push_back(i);
    const Point& q = scene.points[size_t(p.index)];
    plane_[k].x.push_back(q.x0), plane_[k].y.push_back(q.x1), plane_[k].index.push_back(i);
    mlo = std::min(mlo, p.margin), mhi = std::max(mhi, p.margin);
  }
  const double pad = 0.05 * (mhi - mlo);
  hx_.resize(400), hy_.resize(400), cx_.resize(400), cy_.resize(400);
  for (size_t i = 0; i < 400; ++i) {
    hx_[i] = mlo - pad + (mhi - mlo + 2 * pad) * double(i) / 399.0;
    hy_[i] = curves::hinge(hx_[i]).value;
    cx_[i] = 0.002 + 0.997 * double(i) / 399.0;
    cy_[i] = curves::cross_entropy(cx_[i]).value;
  }
}

void LinkPanel::draw(const Style& style, const Scene* scene, std::uint64_t revision) {
  if (!scene) {
    ImGui::TextDisabled(
        "No classifier scene: open the classifier to see its points on the loss curves.");
    return;
  }
  refresh(*scene, revision);
  ImGui::TextWrapped(
      "Each point of the classifier, placed on a loss curve: on the hinge at its margin "
      "m = s_y − max_{j≠y} s_j (structured SVM, Δ = 1) and on −ln p at its softmax probability "
      "of the correct class. Points right of m = 1 cost nothing under the hinge, but every "
      "point still pays a little cross-entropy. Hover a marker.");
  const int classes = int(hinge_.size());
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  const float pw = std::floor((avail.x - 2 * sp) / 3);
  int hovered = -1;
  auto chart = [&](const char* id, const char* title, const char* xl, const char* yl,
                   const std::vector<double>& x, const std::vector<double>& y, ImU32 col,
                   const std::vector<ClassSeries>& pts, bool prob, double y_max) {
    w::PlotOptions o;
    o.title = title;
    o.x_label = xl;
    o.y_label = yl;
    o.fit_x = false;
    o.x_min = x.front(), o.x_max = x.back();
    if (prob) o.x_min = 0.0, o.x_max = 1.0;
    o.fixed_y(-0.1, y_max);
    o.legend = false;
    o.crosshair = false;
    if (!w::BeginPlot(id, ImVec2(pw, avail.y), o)) return;
    w::PlotLine(yl, x.data(), y.data(), int(x.size()), col, w::Axis::Y1, 2.0f);
    for (int k = 0; k < classes; ++k) {
      const ClassSeries& s = pts[size_t(k)];
      w::PlotScatter(nullptr, s.x.data(), s.y.data(), int(s.x.size()),
                     colors::class_color(style, k), w::Axis::Y1, 5.0f);
    }
    const LinkedPoint* hp =
        hovered_ >= 0 && hovered_ < int(link_.size()) ? &link_[size_t(hovered_)] : nullptr;
    double hx1 = 0, hy1 = 0;
    if (hp) {
      hx1 = prob ? hp->p_correct : hp->margin;
      hy1 = prob ? hp->cross_entropy : hp->hinge;
      w::PlotScatter(nullptr, &hx1, &hy1, 1, colors::kHighlight, w::Axis::Y1, 8.0f, false);
      w::PlotVLine(nullptr, hx1, colors::kHighlight);
    }
    const w::PlotHover h = w::EndPlot();
    if (h.scatter_series >= 0 && h.scatter_series < classes && h.scatter_index >= 0)
      hovered = pts[size_t(h.scatter_series)].index[size_t(h.scatter_index)];
  };
  chart("##link_hinge", "Hinge loss at each point's margin", "margin m", "max(0, 1 − m)", hx_, hy_,
        colors::kHinge, hinge_, false, std::max(3.0, 1.1 * hy_.front()));
  ImGui::SameLine();
  chart("##link_ce", "Cross-entropy at each point's probability", "p (softmax, correct class)",
        "−ln p", cx_, cy_, colors::kCrossEntropy, ce_, true, 5.0);
  ImGui::SameLine();

  // The input plane, so a hovered marker can be found among the points.
  w::PlotOptions o;
  o.title = "Points (input plane)";
  o.x_label = "x0";
  o.y_label = "x1";
  o.legend = false;
  o.crosshair = false;
  if (w::BeginPlot("##link_plane", ImVec2(pw, avail.y), o)) {
    for (int k = 0; k < classes; ++k) {
      const ClassSeries& s = plane_[size_t(k)];
      w::PlotScatter(nullptr, s.x.data(), s.y.data(), int(s.x.size()),
                     colors::class_color(style, k), w::Axis::Y1, 5.0f);
    }
    double px = 0, py = 0;
    if (hovered_ >= 0 && hovered_ < int(link_.size())) {
      const Point& p = scene->points[size_t(link_[size_t(hovered_)].index)];
      px = p.x0, py = p.x1;
      w::PlotScatter(nullptr, &px, &py, 1, colors::kHighlight, w::Axis::Y1, 9.0f, false);
    }
    const w::PlotHover h = w::EndPlot();
    if (h.scatter_series >= 0 && h.scatter_series < classes && h.scatter_index >= 0)
      hovered = plane_[size_t(h.scatter_series)].index[size_t(h.scatter_index)];
  }
  hovered_ = hovered;
  if (hovered_ >= 0) {
    const LinkedPoint& p = link_[size_t(hovered_)];
    const Point& q = scene->points[size_t(p.index)];
    ImGui::SetTooltip(
        "point %d (%.2f, %.2f), class %d\nmargin %.3f -> hinge %.3f\np = %.3f -> -ln p = %.3f",
        p.index, q.x0, q.x1, p.label, p.margin, p.hinge, p.p_correct, p.cross_entropy);
  }
}

}  // namespace ll::lab
