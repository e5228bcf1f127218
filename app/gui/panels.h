#pragma once
// The side panels. Each changes the scene through st.doc's edit functions (one undo entry per
// interaction: AppState::begin_frame keeps the gesture while a widget is held).
#include "app/gui/app_state.h"
#include "app/gui/theme.h"

namespace ll::gui {

class Canvas;

void panel_training_bar(AppState& st, const Fonts& fonts);  // panel_controls.cpp
void panel_loss(AppState& st, const Fonts& fonts);          // panel_controls.cpp
void panel_params(AppState& st, const Fonts& fonts);
void panel_data(AppState& st, const Fonts& fonts);
void panel_worked(AppState& st, const Fonts& fonts);
void panel_plot(AppState& st, const Fonts& fonts, float height);
void panel_scene(AppState& st, const Fonts& fonts, Canvas& canvas);
void window_help(AppState& st);
// Open (JSON or CSV by extension) / save the path in st.path; messages go to st.status.
void open_scene_file(AppState& st, Canvas& canvas);  // panel_scene.cpp
void save_scene_file(AppState& st);    // to st.document; without one, as save_scene_as
void save_scene_as(AppState& st);      // to st.path; an existing other file needs confirming
void scene_file_popups(AppState& st);  // once a frame: the "replace the file?" prompt

// Shared helpers.
const char* loss_formula(const LossSettings& s);
const char* reg_formula(RegKind r);

}  // namespace ll::gui
