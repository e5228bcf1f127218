#include "app/lab/link_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/lab/lab_colors.h"
#include "app/widgets/figure_plot.h"
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

LabFigures LinkPanel::describe(const Style& style, const Scene& scene, std::uint64_t revision) {
  refresh(scene, revision);
  return figures(style, scene);
}

LabFigures LinkPanel::figures(const Style& style, const Scene& scene) const {
  const int classes = int(hinge_.size());
  const LinkedPoint* hp =
      hovered_ >= 0 && hovered_ < int(link_.size()) ? &link_[size_t(hovered_)] : nullptr;
  auto chart = [&](const char* title, const char* xl, const char* yl, const std::vector<double>& x,
                   const std::vector<double>& y, ImU32 col, const std::vector<ClassSeries>& pts,
                   bool prob, double y_max) {
    figure::PlotFigure f;
    f.title = title;
    f.x_label = xl;
    f.y_label = yl;
    f.x_min = prob ? 0.0 : x.front();
    f.x_max = prob ? 1.0 : x.back();
    f.y_min = -0.1, f.y_max = y_max;
    f.legend = false;
    f.series.push_back(figure::line(yl, rgb(col), x, y, 2.0));
    for (int k = 0; k < classes; ++k)
      f.series.push_back(
          figure::markers("", style.class_line(k), pts[size_t(k)].x, pts[size_t(k)].y, 5.0));
    if (hp) {
      const double hx = prob ? hp->p_correct : hp->margin;
      const double hy = prob ? hp->cross_entropy : hp->hinge;
      figure::PlotSeries ring = figure::markers("", rgb(colors::kHighlight), {hx}, {hy}, 8.0);
      ring.filled = false;
      f.series.push_back(std::move(ring));
      f.ref_lines.push_back({"", rgb(colors::kHighlight), hx, true});
    }
    return f;
  };
  LabFigures out;
  out.columns = 3;
  out.plots.push_back(chart("Hinge loss at each point's margin", "margin m", "max(0, 1 − m)", hx_,
                            hy_, colors::kHinge, hinge_, false, std::max(3.0, 1.1 * hy_.front())));
  out.plots.push_back(chart("Cross-entropy at each point's probability",
                            "p (softmax, correct class)", "−ln p", cx_, cy_, colors::kCrossEntropy,
                            ce_, true, 5.0));
  // The input plane, so a hovered marker can be found among the points.
  figure::PlotFigure plane;
  plane.title = "Points (input plane)";
  plane.x_label = "x0";
  plane.y_label = "x1";
  plane.legend = false;
  for (int k = 0; k < classes; ++k)
    plane.series.push_back(
        figure::markers("", style.class_line(k), plane_[size_t(k)].x, plane_[size_t(k)].y, 5.0));
  if (hp) {
    const Point& p = scene.points[size_t(hp->index)];
    figure::PlotSeries ring = figure::markers("", rgb(colors::kHighlight), {p.x0}, {p.x1}, 9.0);
    ring.filled = false;
    plane.series.push_back(std::move(ring));
  }
  figure::fit_x(plane);
  figure::fit_y(plane, false);
  out.plots.push_back(std::move(plane));
  return out;
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
  export_.button([this, style, scene] { return figures(style, *scene); }, last_size_, style);
  const int classes = int(hinge_.size());
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  const float pw = std::floor((avail.x - 2 * sp) / 3);
  last_size_ = ImVec2(3 * pw, avail.y);
  const LabFigures figs = figures(style, *scene);
  w::FigurePlotOptions po;
  po.readout = false;
  int hovered = -1;
  const char* ids[3] = {"##link_hinge", "##link_ce", "##link_plane"};
  const std::vector<ClassSeries>* per_class[3] = {&hinge_, &ce_, &plane_};
  for (int c = 0; c < 3; ++c) {
    if (c) ImGui::SameLine();
    const w::FigureHover h =
        w::FigurePlot(ids[c], figs.plots[size_t(c)], ImVec2(pw, avail.y), style, po);
    const int k = c < 2 ? h.series - 1 : h.series;  // the curve charts start with their curve
    if (k >= 0 && k < classes && h.index >= 0 &&
        h.index < int((*per_class[c])[size_t(k)].index.size()))
      hovered = (*per_class[c])[size_t(k)].index[size_t(h.index)];
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
