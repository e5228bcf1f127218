#pragma once
// Presenter mode (F5 or the "Present" button): the projector (light) theme, fonts 1.75x larger
// (the font atlas rebuilt at that size, not scaled), every panel hidden except the canvas and a
// strip of loss numbers, fullscreen when a monitor exists. Sets the UI scale of the window's Style.
#include "app/classifier/model/app_state.h"
#include "app/classifier/theme.h"

namespace ll::gui {

class Canvas;
class Window;

inline constexpr float kPresenterFontScale = 1.75f;

class Presentation {
 public:
  // The theme and UI scale the window was set up with (fonts already loaded at that scale).
  void adopt(Theme theme, float scale);
  // Call before the backends' NewFrame: applies presenter-mode and theme changes.
  void update(AppState& st, Window& window, Fonts& fonts);
  float ui_scale() const { return scale_; }

 private:
  bool presenting_ = false;
  Theme theme_ = Theme::Light;  // applied to ImGui's style
  float scale_ = 1.0f;          // applied to fonts and style
  Theme theme_before_ = Theme::Light;
  bool made_fullscreen_ = false;
};

// The presenter layout inside the full-window host: the canvas, then one line of loss numbers.
void draw_presenter_view(AppState& st, Canvas& canvas, const Fonts& fonts);

}  // namespace ll::gui
