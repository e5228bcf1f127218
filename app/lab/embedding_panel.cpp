#include "app/lab/embedding_panel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/figure/embedding_plot.h"
#include "app/lab/plane_draw.h"
#include "app/widgets/figure_plot.h"
#include "core/datasets.h"

namespace ll::lab {

using metric::PlaneRole;
using metric::Vec2;

namespace {

namespace w = ll::widgets;

constexpr std::size_t kTrainPoints = 60;  // keeps a step of "all triplets" near 1 ms
constexpr double kFrameBudgetMs = 4.0;    // training time per frame, at most

ImU32 emb_u32(palette::Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }
ImU32 emb_role_u32(const Style& s, PlaneRole r, int cls = 0, int alpha = 255) {
  return emb_u32(plane_color(s, r, cls), alpha);
}
const char* emb_formula(const metric::PlaygroundSettings& s) {
  const bool sq = s.form == metric::DistanceForm::Squared;
  if (s.loss == metric::MetricLoss::Triplet)
    return sq ? "L = max(m + d²(a,p) − d²(a,n), 0) (FaceNet) · hard: d²(a,n) < d²(a,p) · "
                "semi-hard: d²(a,p) ≤ d²(a,n) < d²(a,p) + m · easy: the rest, L = 0"
              : "L = max(d(a,p) − d(a,n) + m, 0) (PyTorch TripletMarginLoss) · hard: d(a,n) < "
                "d(a,p) · semi-hard: d(a,p) ≤ d(a,n) < d(a,p) + m · easy: the rest, L = 0";
  return sq ? "L = y·d² + (1 − y)·max(m − d², 0)² (margin on d²) · y = 1: anchor with a "
              "positive, y = 0: with a negative. One lecture writes y = ±1, but the formula "
              "needs y ∈ {0, 1}."
            : "L = y·d² + (1 − y)·max(m − d, 0)² (the lecture's) · y = 1: anchor with a "
              "positive, y = 0: with a negative. One lecture writes y = ±1, but the formula "
              "needs y ∈ {0, 1}.";
}

// A value for "%.3f": magnitudes that would print as -0.000 print as 0.000.
double emb_shown(double v) { return std::abs(v) < 5e-4 ? 0.0 : v; }

std::string emb_point_name(metric::PointRef r) {
  if (r.kind == metric::PointKind::Anchor) return "a";
  return (r.kind == metric::PointKind::Positive ? "p" : "n") + std::to_string(r.index + 1);
}

}  // namespace

EmbeddingPanel::EmbeddingPanel() : playground_(metric::default_playground()) {
  report_ = metric::evaluate(playground_, settings_);
  reset_training();
}

metric::EmbeddingSettings EmbeddingPanel::embedding_settings() const {
  metric::EmbeddingSettings s;
  s.loss = settings_.loss;
  s.form = settings_.form;
  s.margin = settings_.margin;
  s.mining = metric::Mining(std::clamp(mining_, 0, 3));
  s.lr = lr_;
  return s;
}

void EmbeddingPanel::reset_training() {
  const std::vector<std::string> names = preset_names();
  preset_ = std::clamp(preset_, 0, int(names.size()) - 1);
  Scene scene;
  make_preset(names[size_t(preset_)], scene);
  trainer_ = metric::EmbeddingTrainer(metric::labelled_points(scene, kTrainPoints),
                                      metric::collapsed_map(), 1);
  const metric::PlaneFigure f = metric::embedding_figure(trainer_.points(), trainer_.map(), true);
  train_view_[0] = f.x_min, train_view_[1] = f.x_max;
  train_view_[2] = f.y_min, train_view_[3] = f.y_max;
}

void EmbeddingPanel::train_steps(int n) {
  const metric::EmbeddingSettings s = embedding_settings();
  for (int i = 0; i < n; ++i) {
    trainer_.step(s);
  }
}

void EmbeddingPanel::fit_view() {
  const metric::PlaneView v = metric::playground_view(playground_, report_);
  view_[0] = v.x_min, view_[1] = v.x_max, view_[2] = v.y_min, view_[3] = v.y_max;
}

void EmbeddingPanel::shared_controls() {
  int loss = settings_.loss == metric::MetricLoss::Triplet ? 0 : 1;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("loss");
  ImGui::SameLine();
  bool loss_changed = ImGui::RadioButton("triplet", &loss, 0);
  ImGui::SameLine();
  loss_changed |= ImGui::RadioButton("contrastive", &loss, 1);
  if (loss_changed) {
    settings_.loss = loss == 0 ? metric::MetricLoss::Triplet : metric::MetricLoss::Contrastive;
    settings_.form = metric::lecture_form(settings_.loss);  // each loss starts in its lecture form
  }
  ImGui::SameLine(0, 24);
  int form = settings_.form == metric::DistanceForm::Squared ? 0 : 1;
  ImGui::TextUnformatted("distance");
  ImGui::SameLine();
  bool form_changed = ImGui::RadioButton("squared d²", &form, 0);
  ImGui::SameLine();
  form_changed |= ImGui::RadioButton("plain d", &form, 1);
  if (form_changed)
    settings_.form = form == 0 ? metric::DistanceForm::Squared : metric::DistanceForm::Plain;
  ImGui::SameLine(0, 24);
  float m = float(settings_.margin);
  ImGui::SetNextItemWidth(160);
  if (ImGui::SliderFloat("margin m", &m, 0.0f, 4.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp))
    settings_.margin = double(m);
  ImGui::TextWrapped("%s", emb_formula(settings_));
}

metric::PlaneFigure EmbeddingPanel::terms_figure(
    const std::optional<metric::PointRef>& highlight) const {
  metric::PlaygroundFigureOptions o;
  o.arrows = metric::ArrowMode(std::clamp(arrows_, 0, 2));
  o.arrow_scale = arrow_scale_;
  o.highlight = highlight;
  return metric::playground_figure(playground_, settings_, report_, o, view_[0], view_[1], view_[2],
                                   view_[3]);
}

metric::PlaneFigure EmbeddingPanel::training_figure() const {
  metric::PlaneFigure f = metric::embedding_figure(trainer_.points(), trainer_.map(), show_inputs_);
  f.x_min = train_view_[0], f.x_max = train_view_[1], f.y_min = train_view_[2],
  f.y_max = train_view_[3];
  return f;
}

figure::PlotFigure EmbeddingPanel::training_plot(const Style& style) const {
  return figure::embedding_loss_plot(trainer_.history(), settings_.loss, style);
}

LabFigures EmbeddingPanel::describe(Page page, const Style& style) const {
  LabFigures figs;
  if (page == Page::Terms) {
    figs.planes.push_back(terms_figure(std::nullopt));
  } else {
    figs.planes.push_back(training_figure());
    figs.plots.push_back(training_plot(style));
    figs.columns = 2;
  }
  return figs;
}

void EmbeddingPanel::plane_canvas(const Style& style, float cw, float ch) {
  const ImVec2 p0 = ImGui::GetCursorScreenPos(), size(cw, ch);
  ImGui::InvisibleButton("##embedding_plane", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const ImVec2 p1(p0.x + cw, p0.y + ch);
  metric::PlaneFigure frame;
  frame.x_min = view_[0], frame.x_max = view_[1], frame.y_min = view_[2], frame.y_max = view_[3];
  const metric::PlaneMapping m = metric::fit_plane(frame, p0.x, p0.y, cw, ch);
  const ImVec2 mouse = ImGui::GetMousePos();
  Vec2 at = m.to_plane(Vec2(mouse.x, mouse.y));
  // Keep dragged and added points inside the visible plane.
  const Vec2 vis_lo = m.to_plane(Vec2(p0.x, p1.y)), vis_hi = m.to_plane(Vec2(p1.x, p0.y));
  at = at.cwiseMax(vis_lo).cwiseMin(vis_hi);
  std::optional<metric::PointRef> hit =
      metric::hit_test(playground_, at, 9.0 * style.scale / m.scale);

  if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (hit) {
      dragging_ = hit;
    } else {
      dragging_ = metric::add_point(
          playground_, add_kind_ == 1 ? metric::PointKind::Positive : metric::PointKind::Negative,
          at);
    }
    if (dragging_->kind == metric::PointKind::Positive) reference_ = dragging_->index;
  }
  if (dragging_ && ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    metric::move_point(playground_, *dragging_, at);
    hit = dragging_;
  } else {
    dragging_.reset();
  }
  if (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && hit) {
    const metric::PointRef r = *hit;
    if (metric::remove_point(playground_, r)) {
      if (r.kind == metric::PointKind::Positive) {
        if (r.index == reference_) reference_ = -1;
        if (r.index < reference_) --reference_;
      }
      hit.reset();
      dragging_.reset();
    }
  }
  hovered_ = ImGui::IsItemHovered() || dragging_ ? hit : std::nullopt;

  report_ = metric::evaluate(playground_, settings_, reference_);
  const metric::PlaneFigure f = terms_figure(hovered_);
  last_plane_.drawn = true;
  last_plane_.min = p0, last_plane_.max = p1;
  last_plane_.mapping = draw_plane(ImGui::GetWindowDrawList(), p0, size, f, style);
  terms_size_ = size;

  if (hovered_ && ImGui::IsItemHovered()) {
    const metric::PointRef r = *hovered_;
    const Vec2 p = metric::position(playground_, r);
    const Vec2 g = r.kind == metric::PointKind::Anchor ? report_.grad_anchor
                   : r.kind == metric::PointKind::Positive
                       ? report_.grad_positives[size_t(r.index)]
                       : report_.grad_negatives[size_t(r.index)];
    const std::string name = emb_point_name(r);
    ImGui::SetTooltip("%s = (%.3f, %.3f)\n∂L/∂%s = (%.4f, %.4f)\ndrag to move%s", name.c_str(),
                      p.x(), p.y(), name.c_str(), g.x(), g.y(),
                      r.kind == metric::PointKind::Anchor ? "" : ", right-click to delete");
  }
}

void EmbeddingPanel::terms_table(const Style& style, float tw, float th) {
  ImGui::BeginChild("##embedding_terms", ImVec2(tw, th));
  const metric::PlaygroundReport& r = report_;
  const bool triplet = settings_.loss == metric::MetricLoss::Triplet;
  const char* unit = triplet ? "triplets" : "pairs";
  ImGui::Text("mean loss %.4f over %d %s: %d active (L > 0), %d contribute 0", r.total, r.terms,
              unit, r.active, r.terms - r.active);
  if (r.reference >= 0)
    ImGui::Text("rings and categories for p%d: d(a,p) = %.3f, rings at %.3f and %.3f",
                r.reference + 1, r.d_ap, r.rings.inner, r.rings.outer);
  else
    ImGui::TextDisabled("no positive: no rings, no categories");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  const char* arrows_note =
      triplet ? "Arrows: −∂L/∂point of each term (the way a gradient step moves it), coloured by "
                "the term's negative. Easy negatives lie outside the outer ring: their terms are "
                "0 and push nothing."
              : "Arrows: −∂L/∂point of each pair (the way a gradient step moves it). Similar "
                "pairs (y = 1) always pull; a dissimilar pair pushes only inside the dashed margin "
                "ring and is 0 beyond it, whatever its triplet category.";
  const char* plain_note =
      settings_.form == metric::DistanceForm::Plain
          ? "Plain d: at d = 0 the direction (a − b)/d is undefined; LossLab uses 0 there (a "
            "subgradient)."
          : nullptr;
  const float wrap = ImGui::GetContentRegionAvail().x;
  const float sp = ImGui::GetStyle().ItemSpacing.y;
  float notes_h = ImGui::CalcTextSize(arrows_note, nullptr, false, wrap).y + 2 * sp;
  if (plain_note) notes_h += ImGui::CalcTextSize(plain_note, nullptr, false, wrap).y + sp;
  const float table_h = std::max(ImGui::GetContentRegionAvail().y - notes_h, 80.0f);
  auto cat_cell = [&style](metric::NegativeCategory c) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(emb_role_u32(style, metric::role_of(c))),
                       "%s", metric::to_string(c));
  };
  if (triplet && ImGui::BeginTable("##triplets", 7, flags, ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"p · n", "d(a,p)", "d²(a,p)", "d(a,n)", "d²(a,n)", "category", "loss"})
      ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const metric::TripletRow& t : r.triplets) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      char label[64];
      std::snprintf(label, sizeof label, "p%d · n%d##t%d_%d", t.positive + 1, t.negative + 1,
                    t.positive, t.negative);
      if (ImGui::Selectable(label, t.positive == r.reference, ImGuiSelectableFlags_SpanAllColumns))
        reference_ = t.positive;
      const double v[4] = {t.term.d_ap, t.term.d2_ap, t.term.d_an, t.term.d2_an};
      for (int c = 0; c < 4; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        ImGui::Text("%.3f", v[c]);
      }
      ImGui::TableSetColumnIndex(5);
      cat_cell(t.term.category);
      ImGui::TableSetColumnIndex(6);
      if (t.term.active())
        ImGui::Text("%.4f", t.term.loss);
      else
        ImGui::TextDisabled("0");
    }
    ImGui::EndTable();
  } else if (!triplet && ImGui::BeginTable("##pairs", 6, flags, ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"pair", "y", "d", "d²", "category", "loss"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const metric::PairRow& p : r.pairs) {
      const bool pos = p.kind == metric::PointKind::Positive;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      char label[64];
      std::snprintf(label, sizeof label, "a · %s%d##c%d_%d", pos ? "p" : "n", p.index + 1, int(pos),
                    p.index);
      if (ImGui::Selectable(label, pos && p.index == r.reference,
                            ImGuiSelectableFlags_SpanAllColumns) &&
          pos)
        reference_ = p.index;
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%d", p.term.y);
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%.3f", p.term.d);
      ImGui::TableSetColumnIndex(3);
      ImGui::Text("%.3f", p.term.d2);
      ImGui::TableSetColumnIndex(4);
      if (!pos && p.index < int(r.categories.size()))
        cat_cell(r.categories[size_t(p.index)]);
      else
        ImGui::TextDisabled("–");
      ImGui::TableSetColumnIndex(5);
      if (p.term.active())
        ImGui::Text("%.4f", p.term.loss);
      else
        ImGui::TextDisabled("0");
    }
    ImGui::EndTable();
  }
  ImGui::TextWrapped("%s", arrows_note);
  if (plain_note) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", plain_note);
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

void EmbeddingPanel::terms_page(const Style& style) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("click adds");
  ImGui::SameLine();
  ImGui::RadioButton("positive", &add_kind_, 1);
  ImGui::SameLine();
  ImGui::RadioButton("negative", &add_kind_, 2);
  ImGui::SameLine(0, 24);
  const char* const arrow_modes[] = {"arrows: each term", "arrows: sum per point", "arrows: off"};
  ImGui::SetNextItemWidth(190);
  ImGui::Combo("##arrows", &arrows_, arrow_modes, 3);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  ImGui::SliderFloat("arrow scale", &arrow_scale_, 0.05f, 3.0f, "%.2f",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  if (ImGui::Button("Fit view")) fit_view();
  ImGui::SameLine();
  if (ImGui::Button("Reset points")) {
    playground_ = metric::default_playground();
    reference_ = -1;
    dragging_.reset();
    view_[0] = view_[2] = -3, view_[1] = view_[3] = 3;
  }
  ImGui::SameLine();
  export_terms_.button([this, style] { return describe(Page::Terms, style); }, terms_size_, style);
  ImGui::TextDisabled(
      "Drag a point to move it, click empty space to add, right-click to delete; click a "
      "positive (or a table row) to draw its rings.");
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float cw = std::floor(avail.x * 0.5f);
  plane_canvas(style, cw, avail.y);
  ImGui::SameLine();
  terms_table(style, ImGui::GetContentRegionAvail().x, avail.y);
}

void EmbeddingPanel::training_page(const Style& style) {
  const std::vector<std::string> names = preset_names();
  ImGui::SetNextItemWidth(120);
  if (ImGui::BeginCombo("points", names[size_t(preset_)].c_str())) {
    for (int i = 0; i < int(names.size()); ++i)
      if (ImGui::Selectable(names[size_t(i)].c_str(), i == preset_)) {
        preset_ = i;
        reset_training();
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  const char* const minings[] = {
      metric::to_string(metric::Mining::All), metric::to_string(metric::Mining::Hard),
      metric::to_string(metric::Mining::SemiHard), metric::to_string(metric::Mining::Random)};
  ImGui::Combo("mining", &mining_, minings, 4);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", metric::describe(metric::Mining(std::clamp(mining_, 0, 3))));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  ImGui::SliderFloat("rate", &lr_, 0.001f, 0.5f, "%.3f",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::SliderInt("steps/frame", &steps_per_frame_, 1, 50, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  if (ImGui::Button(playing_ ? "Pause" : "Train", ImVec2(60, 0))) playing_ = !playing_;
  ImGui::SameLine();
  if (ImGui::Button("Step")) train_steps(1);
  ImGui::SameLine();
  if (ImGui::Button("Reset##train")) reset_training();
  ImGui::SameLine();
  export_training_.button([this, style] { return describe(Page::Training, style); }, training_size_,
                          style);

  // Training first (input -> steps -> drawing), within the frame's time budget.
  // At least one step; another only while the time per step so far says it still fits.
  if (playing_) {
    const auto t0 = std::chrono::steady_clock::now();
    int done = 0;
    double elapsed = 0.0;
    while (done < steps_per_frame_ && (done == 0 || elapsed + elapsed / done <= kFrameBudgetMs)) {
      train_steps(1);
      ++done;
      elapsed =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
    last_frame_ms_ = elapsed, last_frame_steps_ = done;
  }

  const metric::LinearMap& map = trainer_.map();
  ImGui::Text("f(x) = A x + c,  A = [%.3f %.3f; %.3f %.3f],  c = (%.3f, %.3f)",
              emb_shown(map.A(0, 0)), emb_shown(map.A(0, 1)), emb_shown(map.A(1, 0)),
              emb_shown(map.A(1, 1)), emb_shown(map.c.x()), emb_shown(map.c.y()));
  ImGui::SameLine(0, 24);
  ImGui::Checkbox("show inputs x", &show_inputs_);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float cw = std::floor(avail.x * 0.5f);
  {
    // The view only grows (until Reset), so the points are seen moving rather than re-fitted.
    const metric::PlaneFigure fit = metric::embedding_figure(trainer_.points(), map, show_inputs_);
    train_view_[0] = std::min(train_view_[0], fit.x_min),
    train_view_[1] = std::max(train_view_[1], fit.x_max);
    train_view_[2] = std::min(train_view_[2], fit.y_min),
    train_view_[3] = std::max(train_view_[3], fit.y_max);
  }
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(cw, avail.y));
  draw_plane(ImGui::GetWindowDrawList(), p0, ImVec2(cw, avail.y), training_figure(), style);
  training_size_ = ImVec2(2.0f * cw, avail.y);
  ImGui::SameLine();

  ImGui::BeginChild("##embedding_training", ImVec2(0, avail.y));
  const ImVec2 right = ImGui::GetContentRegionAvail();
  const bool triplet = settings_.loss == metric::MetricLoss::Triplet;
  w::FigurePlot("##embedding_loss", training_plot(style),
                ImVec2(right.x, std::floor(right.y * 0.62f)), style);
  const std::vector<metric::StepRecord>& h = trainer_.history();
  const char* unit = triplet ? "triplets" : "pairs";
  if (h.empty()) {
    ImGui::TextWrapped(
        "Press Train (or Step): each step mines %s on the current embedding and "
        "moves A and c by −rate × gradient.",
        unit);
  } else {
    const metric::StepRecord& r = h.back();
    ImGui::Text("step %d: loss %.4f over %d mined %s, %d active", r.step, r.loss, r.terms, unit,
                r.active);
    ImGui::Text("over all %d %s: loss %.4f, %d active (%.0f%%)", r.all_terms, unit, r.full_loss,
                r.all_active, r.all_terms > 0 ? 100.0 * r.all_active / r.all_terms : 0.0);
    if (playing_)
      ImGui::TextDisabled("this frame: %d steps in %.2f ms (budget %.0f ms)", last_frame_steps_,
                          last_frame_ms_, kFrameBudgetMs);
  }
  ImGui::TextWrapped(
      "Easy %s give zero loss and zero gradient: as training makes them easy the active count "
      "falls, and hard or semi-hard mining keeps each step's batch informative.",
      unit);
  ImGui::EndChild();
}

void EmbeddingPanel::draw(const Style& style) {
  shared_controls();
  if (!ImGui::BeginTabBar("##embedding_pages")) return;
  const auto flag = [this](Page p) {
    return pending_page_ == p ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
  };
  if (ImGui::BeginTabItem("Pairs and triplets", nullptr, flag(Page::Terms))) {
    terms_page(style);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Train embedding", nullptr, flag(Page::Training))) {
    training_page(style);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  pending_page_.reset();
}

}  // namespace ll::lab
