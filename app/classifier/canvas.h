#pragma once
// The canvas as an ImGui item: lays itself out in the remaining content region, turns mouse and
// keys into edits of the scene (drag points, lines and arrows; add, delete, relabel; pan, zoom)
// and draws its GL layers (regions and points, through a draw-list callback at the canvas's
// place in ImGui's draw order) and the overlay.
#include <functional>

#include "app/classifier/model/app_state.h"
#include "app/classifier/model/picking.h"
#include "app/classifier/theme.h"

namespace ll::gui {

class Canvas {
 public:
  Canvas() {
    for (Eigen::Vector2d& a : anchors_) a.setZero();  // Eigen leaves them uninitialized
  }
  // `style`: the window's (st.options.style()), drawn with explicitly.
  void draw(AppState& st, const Fonts& fonts, const Style& style);
  // draw() in a child region `width` wide and as tall as the window (the layout's and presenter
  // mode's canvas area), then st.refresh() for the edits it made.
  void draw_area(AppState& st, const Fonts& fonts, float width);
  bool dragging() const { return drag_.kind != DragKind::None && drag_.kind != DragKind::Pan; }
  // Esc: puts the scene back as it was when the drag started.
  void cancel_drag(AppState& st);
  // Arrow bases follow the view centre again (after a scene change or "reset view").
  void reset_anchors();
  const Eigen::Vector2d* anchors() const { return anchors_; }
  // Draws the GL layers (regions, points) of the current view; run from ImGui's draw list (an
  // ImDrawCallback added before the overlay) while the draw data renders. Unset: none.
  void set_gl_layers(std::function<void()> draw) { gl_layers_ = std::move(draw); }
  // The canvas was drawn this frame (its tab or presenter mode is showing): keys act on it.
  bool visible() const;

 private:
  enum class DragKind { None, Point, Line, Arrow, Pan, PressEmpty };
  struct Drag {
    DragKind kind = DragKind::None;
    int index = -1;  // point or class
    Params start;    // the parameters when the drag started (line and arrow drags)
    Eigen::Vector2d press_world = Eigen::Vector2d::Zero(), press_screen = Eigen::Vector2d::Zero();
    Eigen::Vector2d offset = Eigen::Vector2d::Zero();  // grabbed object minus cursor, world
    Eigen::Vector2d pivot = Eigen::Vector2d::Zero();  // arrow drag: the line turns about this point
  };
  void update_anchors(const AppState& st);
  void begin_drag(AppState& st, const Eigen::Vector2d& mouse);
  void continue_drag(AppState& st, const Eigen::Vector2d& mouse, bool shift);
  void end_drag(AppState& st, const Eigen::Vector2d& mouse);
  void context_menus(AppState& st);
  void point_tooltip(const AppState& st, int i) const;
  void draw_minibatch(const AppState& st, const Style& style) const;

  Drag drag_;
  int hover_line_ = -1, hover_arrow_ = -1, hover_point_ = -1;
  PointPicker picker_;  // the hover test, scanning the points only when something moved
  Eigen::Vector2d anchors_[kMaxClasses];  // the view centre unless anchored (update_anchors)
  bool anchored_[kMaxClasses] = {};
  int context_point_ = -1;
  Eigen::Vector2d context_world_ = Eigen::Vector2d::Zero();
  std::function<void()> gl_layers_;
  int drawn_frame_ = -1;  // ImGui's frame count when draw() last ran
};

}  // namespace ll::gui
