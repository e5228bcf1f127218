#pragma once
// The canvas as an ImGui item: lays itself out in the remaining content region, turns mouse and
// keys into edits of the scene (drag points, lines and arrows; add, delete, relabel; pan, zoom)
// and draws the overlay. The GL regions and points are drawn under it from AppState::view.
#include "app/gui/app_state.h"
#include "app/gui/theme.h"

namespace ll::gui {

class Canvas {
 public:
  // `style`: the window's (st.options.style()), drawn with explicitly.
  void draw(AppState& st, const Fonts& fonts, const Style& style);
  bool dragging() const { return drag_.kind != DragKind::None && drag_.kind != DragKind::Pan; }
  // Esc: puts the scene back as it was when the drag started.
  void cancel_drag(AppState& st);
  // Arrow bases follow the view centre again (after a scene change or "reset view").
  void reset_anchors();
  const Vec2* anchors() const { return anchors_; }

 private:
  enum class DragKind { None, Point, Line, Arrow, Pan, PressEmpty };
  struct Drag {
    DragKind kind = DragKind::None;
    int index = -1;  // point or class
    Params start;    // the parameters when the drag started (line and arrow drags)
    Vec2 press_world{}, press_screen{};
    Vec2 offset{};  // grabbed object minus cursor, world
    Vec2 pivot{};   // arrow drag: the line turns about this point
  };
  void update_anchors(const AppState& st);
  void begin_drag(AppState& st, Vec2 mouse);
  void continue_drag(AppState& st, Vec2 mouse, bool shift);
  void end_drag(AppState& st, Vec2 mouse);
  void context_menus(AppState& st);

  Drag drag_;
  int hover_line_ = -1, hover_arrow_ = -1, hover_point_ = -1;
  Vec2 anchors_[kMaxClasses]{};
  bool anchored_[kMaxClasses] = {};
  int context_point_ = -1;
  Vec2 context_world_{};
};

}  // namespace ll::gui
