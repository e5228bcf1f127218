#include "app/classifier/canvas.h"

#include <imgui.h>

#include <cmath>
#include <span>
#include <string>

#include "app/classifier/model/drag.h"
#include "app/classifier/model/geometry.h"
#include "app/classifier/model/picking.h"
#include "app/classifier/model/text_format.h"
#include "app/classifier/overlay.h"

namespace ll::gui {

namespace {
constexpr double kPointPickPx = 10.0;
constexpr double kArrowPickPx = 12.0;
constexpr double kLinePickPx = 6.0;
constexpr double kClickSlopPx = 3.0;

Eigen::Vector2d mouse_pos() {
  const ImVec2 m = ImGui::GetIO().MousePos;
  return {m.x, m.y};
}
}  // namespace

bool Canvas::visible() const { return drawn_frame_ == ImGui::GetFrameCount(); }

void Canvas::reset_anchors() {
  for (bool& a : anchored_) a = false;
}

void Canvas::update_anchors(const AppState& st) {
  for (int k = 0; k < kMaxClasses; ++k)
    if (!anchored_[k]) anchors_[k] = st.view.center();
}

void Canvas::begin_drag(AppState& st, const Eigen::Vector2d& mouse) {
  drag_ = {};
  drag_.start = st.scene.params;
  drag_.press_screen = mouse;
  drag_.press_world = st.view.to_world(mouse);
  if (hover_point_ >= 0) {
    const Point& p = st.scene.points[hover_point_];
    drag_.kind = DragKind::Point;
    drag_.index = hover_point_;
    drag_.offset = Eigen::Vector2d(p.x0, p.x1) - drag_.press_world;
    st.sel.selected = hover_point_;
  } else if (hover_arrow_ >= 0) {
    const Params& P = st.scene.params;
    drag_.kind = DragKind::Arrow;
    drag_.index = hover_arrow_;
    drag_.pivot = nearest_on_line(P, hover_arrow_, anchors_[hover_arrow_]);
    drag_.offset = arrow_head(P, hover_arrow_, drag_.pivot) - drag_.press_world;
    anchors_[hover_arrow_] = drag_.pivot;
    anchored_[hover_arrow_] = true;
  } else if (hover_line_ >= 0) {
    drag_.kind = DragKind::Line;
    drag_.index = hover_line_;
  } else {
    drag_.kind = DragKind::PressEmpty;
  }
}

void Canvas::continue_drag(AppState& st, const Eigen::Vector2d& mouse, bool shift) {
  const Eigen::Vector2d w = st.view.to_world(mouse);
  switch (drag_.kind) {
    case DragKind::Point: {
      const Eigen::Vector2d to = w + drag_.offset;
      st.doc.move_point(drag_.index, to.x(), to.y());
      break;
    }
    case DragKind::Line: {
      Params p = st.scene.params;
      drag_line(drag_.start, drag_.index, w - drag_.press_world, p);
      st.doc.set_params(std::move(p));
      break;
    }
    case DragKind::Arrow: {
      Params p = st.scene.params;
      drag_arrow(drag_.start, drag_.index, drag_.pivot, w + drag_.offset, shift, p);
      st.doc.set_params(std::move(p));
      break;
    }
    case DragKind::PressEmpty:
      if ((mouse - drag_.press_screen).norm() > kClickSlopPx) drag_.kind = DragKind::Pan;
      [[fallthrough]];
    case DragKind::Pan: {
      const ImVec2 d = ImGui::GetIO().MouseDelta;
      if (drag_.kind == DragKind::Pan) st.view.pan_pixels(d.x, d.y);
      break;
    }
    case DragKind::None:
      break;
  }
}

void Canvas::end_drag(AppState& st, const Eigen::Vector2d& mouse) {
  if (drag_.kind == DragKind::PressEmpty) {
    const Eigen::Vector2d w = st.view.to_world(mouse);
    const int i = st.doc.add_point(w.x(), w.y(), st.new_point_class);
    if (i >= 0)
      st.sel.selected = i;
    else
      st.status = "The scene has the maximum of 1,000,000 points: delete some to add more.";
  }
  drag_ = {};
}

// Hovering a point: its class, scores, L_i and dL_i/ds (the numbers the Worked tab derives).
void Canvas::point_tooltip(const AppState& st, int i) const {
  const Evaluation& e = st.eval();
  const Scene& sc = st.scene;
  if (i >= e.scores.rows() || i >= e.losses.size() || i >= e.dscores.rows()) return;
  const int K = sc.classes();
  const auto name = [&](int k) { return class_label(sc, k); };
  const Point& p = sc.points[i];
  const Style style = st.options.style();
  ImGui::BeginTooltip();
  ImGui::Text("point %d at (%s, %s): %s", i, num(p.x0).c_str(), num(p.x1).c_str(),
              name(p.label).c_str());
  if (ImGui::BeginTable("scores", K + 1, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("class");
    for (int k = 0; k < K; ++k) {
      ImGui::TableSetColumnIndex(k + 1);
      ImGui::PushStyleColor(ImGuiCol_Text, pack_rgba(style.classes(k).line));
      ImGui::TextUnformatted(name(k).c_str());
      ImGui::PopStyleColor();
    }
    const auto row = [&](const char* what, const Eigen::MatrixXd& m) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextDisabled("%s", what);
      for (int k = 0; k < K; ++k) {
        ImGui::TableSetColumnIndex(k + 1);
        ImGui::TextUnformatted(num(m(i, k)).c_str());
      }
    };
    row("score s", e.scores);
    row("∂L_i/∂s", e.dscores);
    ImGui::EndTable();
  }
  ImGui::Text("L_i = %s%s", num(e.losses[i], 4).c_str(),
              e.predictions.size() > i && e.predictions[i] != p.label ? "   (misclassified)" : "");
  ImGui::EndTooltip();
}

void Canvas::draw_area(AppState& st, const Fonts& fonts, float width) {
  ImGui::BeginChild("canvas_area", ImVec2(width, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  draw(st, fonts, st.options.style());
  ImGui::EndChild();
  st.refresh();  // the canvas may have edited the scene
}

void Canvas::cancel_drag(AppState& st) {
  if (drag_.kind == DragKind::None) return;
  if (drag_.kind != DragKind::Pan && drag_.kind != DragKind::PressEmpty) st.doc.revert_gesture();
  drag_.kind = DragKind::None;
}

void Canvas::context_menus(AppState& st) {
  if (ImGui::BeginPopup("point_menu")) {
    const int i = context_point_;
    if (i >= 0 && i < static_cast<int>(st.scene.points.size())) {
      ImGui::TextDisabled("point %d", i);
      for (int k = 0; k < st.scene.classes(); ++k) {
        const std::string label = "class " + class_label(st.scene, k);
        const std::string key = "Shift+" + std::to_string((k + 1) % 10);
        if (ImGui::MenuItem(label.c_str(), key.c_str(), st.scene.points[i].label == k))
          st.doc.relabel_point(i, k);
      }
      ImGui::Separator();
      if (ImGui::MenuItem("Delete point", "Del")) {
        st.doc.delete_point(i);
        st.sel.selected = -1;
      }
    }
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopup("canvas_menu")) {
    for (int k = 0; k < st.scene.classes(); ++k) {
      const std::string label = "Add point of class " + class_label(st.scene, k) + " here";
      if (ImGui::MenuItem(label.c_str()))
        if (const int i = st.doc.add_point(context_world_.x(), context_world_.y(), k); i >= 0)
          st.sel.selected = i;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Reset view")) {
      st.view.reset();
      reset_anchors();
    }
    ImGui::EndPopup();
  }
}

void Canvas::draw(AppState& st, const Fonts& fonts, const Style& style) {
  ImGuiIO& io = ImGui::GetIO();
  const float scale = style.scale;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 50.0f);
  size.y = std::max(size.y, 50.0f);
  st.view.set_rect(pos.x, pos.y, size.x, size.y);
  update_anchors(st);
  ImGui::InvisibleButton("canvas", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  drawn_frame_ = ImGui::GetFrameCount();
  if (gl_layers_) {  // the GL layers here in the draw order, under the overlay drawn below
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCallback(
        [](const ImDrawList*, const ImDrawCmd* cmd) {
          (*static_cast<const std::function<void()>*>(cmd->UserCallbackData))();
        },
        &gl_layers_);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);  // ImGui's GL state back
  }
  const bool hovered = ImGui::IsItemHovered();
  const Eigen::Vector2d mouse = mouse_pos();
  const int n = static_cast<int>(st.scene.points.size());
  if (drag_.index >= n && drag_.kind == DragKind::Point) drag_.kind = DragKind::None;

  // What is under the cursor (points first: they are on top).
  if (drag_.kind == DragKind::None) {
    hover_point_ = hover_arrow_ = hover_line_ = -1;
    if (hovered) {
      hover_point_ =
          picker_.pick(st.scene, st.doc.points_revision(), st.view, mouse, kPointPickPx * scale);
      if (hover_point_ < 0)
        hover_arrow_ =
            pick_arrow_head(st.scene.params, st.view, anchors_, mouse, kArrowPickPx * scale);
      if (hover_point_ < 0 && hover_arrow_ < 0)
        hover_line_ = pick_line(st.scene.params, st.view, mouse, kLinePickPx * scale);
    }
  }
  if (hover_point_ >= 0) st.sel.hover_next = hover_point_;
  if (hover_point_ >= 0 && drag_.kind == DragKind::None) point_tooltip(st, hover_point_);
  if (hover_arrow_ >= 0 || drag_.kind == DragKind::Arrow)
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  else if (hover_line_ >= 0 || drag_.kind == DragKind::Line)
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);

  // Left button: drag whatever was under the cursor, or click to add / drag to pan.
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) begin_drag(st, mouse);
  if (drag_.kind != DragKind::None && drag_.kind != DragKind::Pan &&
      ImGui::IsMouseDown(ImGuiMouseButton_Left))
    continue_drag(st, mouse, io.KeyShift);
  else if (drag_.kind == DragKind::Pan && (ImGui::IsMouseDown(ImGuiMouseButton_Left) ||
                                           ImGui::IsMouseDown(ImGuiMouseButton_Middle)))
    continue_drag(st, mouse, io.KeyShift);
  if (drag_.kind != DragKind::None && !ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
      !(drag_.kind == DragKind::Pan && ImGui::IsMouseDown(ImGuiMouseButton_Middle)))
    end_drag(st, mouse);
  // Middle button: pan.
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Middle) && drag_.kind == DragKind::None) {
    drag_ = {};
    drag_.kind = DragKind::Pan;
  }
  // Right button: context menu of the point under the cursor, or of the canvas.
  if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) && drag_.kind == DragKind::None) {
    context_world_ = st.view.to_world(mouse);
    context_point_ = hover_point_;
    ImGui::OpenPopup(hover_point_ >= 0 ? "point_menu" : "canvas_menu");
  }
  // Wheel: zoom about the cursor.
  if (hovered && io.MouseWheel != 0.0f) st.view.zoom_about(mouse, std::pow(1.15, io.MouseWheel));
  context_menus(st);

  OverlayState o;
  o.hover_line = hover_line_;
  o.hover_arrow = hover_arrow_;
  o.active_line = drag_.kind == DragKind::Line ? drag_.index : -1;
  o.active_arrow = drag_.kind == DragKind::Arrow ? drag_.index : -1;
  o.anchors = anchors_;
  o.mouse_inside = hovered;
  o.mouse_world = st.view.to_world(mouse);
  o.style = style;
  draw_overlay(ImGui::GetWindowDrawList(), st, o, fonts);
  draw_minibatch(st, style);
}

// SGD, momentum and Adam: the points of the last step's minibatch, ringed (a lecture's "which
// points did this step use?"). Interaction state like the hover highlight: not exported.
void Canvas::draw_minibatch(const AppState& st, const Style& style) const {
  const std::span<const int> batch = st.trainer.last_batch();
  const auto n = static_cast<int>(st.scene.points.size());
  if (batch.empty() || st.trainer.uses_worker(st.scene)) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = style.scale;
  const float r = (figure::kPointRadius + 6.0f) * s;
  // Amber with a dark edge: apart from every class colour and from the loss ring.
  const ImU32 amber = IM_COL32(255, 176, 0, 255), edge = IM_COL32(40, 30, 0, 255);
  for (const int i : batch) {
    if (i < 0 || i >= n) continue;  // the scene changed since that step
    const Point& p = st.scene.points[static_cast<std::size_t>(i)];
    const Eigen::Vector2d at = st.view.to_screen({p.x0, p.x1});
    const ImVec2 c(static_cast<float>(at.x()), static_cast<float>(at.y()));
    dl->AddCircle(c, r + 1.5f * s, edge, 0, 1.0f * s);
    dl->AddCircle(c, r, amber, 0, 3.0f * s);
  }
}

}  // namespace ll::gui
