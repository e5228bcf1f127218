#include "app/classifier/canvas.h"

#include <imgui.h>

#include <cmath>
#include <string>

#include "app/classifier/model/drag.h"
#include "app/classifier/model/geometry.h"
#include "app/classifier/model/picking.h"
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
        const std::string label = "class " + std::to_string(k);
        const std::string key = std::to_string(k + 1);
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
      const std::string label = "Add point of class " + std::to_string(k) + " here";
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
      hover_point_ = pick_point(st.scene, st.view, mouse, kPointPickPx * scale);
      if (hover_point_ < 0)
        hover_arrow_ =
            pick_arrow_head(st.scene.params, st.view, anchors_, mouse, kArrowPickPx * scale);
      if (hover_point_ < 0 && hover_arrow_ < 0)
        hover_line_ = pick_line(st.scene.params, st.view, mouse, kLinePickPx * scale);
    }
  }
  if (hover_point_ >= 0) st.sel.hover_next = hover_point_;
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
  // Keys over the canvas: relabel the hovered point with 1..8, delete the selected/hovered one.
  if (!io.WantTextInput) {
    const int target = hover_point_ >= 0 ? hover_point_ : -1;
    for (int k = 0; k < st.scene.classes() && target >= 0; ++k) {
      if (ImGui::IsKeyPressed(static_cast<int>('1') + k, false)) {
        st.doc.relabel_point(target, k);
        st.sel.key_consumed = true;
      }
    }
  }
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
}

}  // namespace ll::gui
