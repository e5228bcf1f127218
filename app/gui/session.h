#pragma once
// The working scene is never lost: the window's glue to core's Autosave and the restore prompt.
// Every edit that lands in the undo history (the history's change count moves) is noted; the
// scene is autosaved after the quiet period and on a clean exit. If the last session did not
// exit cleanly, a modal offers its scene: Restore replaces the scene as one undoable edit.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/gui.h"
#include "core/autosave.h"

namespace ll::gui {

class Canvas;

class Session {
 public:
  using Clock = std::chrono::steady_clock;

  // The state folder: $LOSSLAB_STATE_DIR if set, else ll::default_state_dir(). Unattended runs
  // (--frames, --bench-frames, --script) use only $LOSSLAB_STATE_DIR: automation neither
  // touches the user's autosave nor meets a restore prompt. Empty: no autosave.
  static std::filesystem::path state_dir(const GuiOptions& options);

  // Claims the autosave in `dir` (empty: autosave off). Sets st.document to the opened file.
  void start(const std::filesystem::path& dir, const GuiOptions& options, AppState& st,
             std::chrono::milliseconds quiet = std::chrono::seconds(2));
  // Once a frame inside the ImGui frame, after the UI and before AppState::end_frame (so that a
  // restore is recorded as an edit): the restore prompt, the file popups, change tracking,
  // the autosave when due, and autosave errors (once each) in st.status.
  void frame(AppState& st, Canvas& canvas, Clock::time_point now = Clock::now());
  // Seconds the idle loop may sleep before a frame is needed for the session (an autosave
  // falling due, or the prompt still appearing); +infinity when nothing is pending.
  double seconds_until_due(Clock::time_point now = Clock::now()) const;
  // Clean exit: saves and releases the autosave. With the restore question still unanswered,
  // the old autosave is kept and offered again next time.
  void finish(const AppState& st);

  bool prompt_open() const { return restore_.has_value(); }

 private:
  void draw_prompt(AppState& st, Canvas& canvas);

  std::unique_ptr<Autosave> autosave_;
  std::optional<Scene> restore_;
  std::string restore_time_;  // when the offered scene was saved, local time
  int prompt_frames_ = 0;     // frames the prompt has been drawn
  unsigned long long seen_changes_ = 0;
  std::optional<Clock::time_point> due_;
  std::chrono::milliseconds quiet_{2000};
  std::string shown_error_;
};

}  // namespace ll::gui
