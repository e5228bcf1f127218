#pragma once
// Presenter mode (F5 or the "Present" button): the projector (light) theme, fonts at least 1.75x
// larger and never smaller than 2.5% of the window's height (the atlas rebuilt at that size, not
// scaled), fullscreen when a monitor exists. The canvas fills the screen but for one column:
// the loss numbers, the step/epoch counter, transport (play, step, reset W b, randomize), the
// loss choice, lambda and the step size, and the live loss plot. Sets the Style's UI scale.
#include "app/classifier/model/app_state.h"
#include "app/classifier/theme.h"

namespace ll::gui {

class Canvas;
class Window;

inline constexpr float kPresenterFontScale = 1.75f;
inline constexpr float kPresenterMinTextHeight = 0.025f;  // of the window: the smallest text

// The UI scale while presenting: kPresenterFontScale times the content scale, raised so that
// the smallest text (13 px at scale 1) is kPresenterMinTextHeight of `height_px`; in steps of
// 1/8 so that resizing does not rebuild the fonts every frame.
float presenter_scale(float content_scale, float height_px);

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

// The presenter layout inside the full-window host: the canvas, then the column.
void draw_presenter_view(AppState& st, Canvas& canvas, const Fonts& fonts);

}  // namespace ll::gui
