#pragma once
// The working scene is never lost: the window's glue to core's Autosave, the restore prompt,
// the close prompt, signals, background file jobs and the failure banners.
//  - Autosave: keyed on st.revision() (edits, training steps, undo, replacements); written on a
//    worker from a copy of the scene at most 5 s after the first unsaved change.
//  - Restore: every orphaned slot (a session that crashed, was killed or signalled) is read on a
//    worker and listed (time, points); the user restores one and discards or keeps the others.
//    An autosave that cannot be read is moved aside (dir/autosave-unreadable-<time>.json) and
//    a banner names it and the loader's reason.
//  - Close: with unsaved changes and someone to ask, Save / Discard / Cancel.
//  - SIGTERM / SIGINT / SIGHUP: the normal exit path; nobody can answer a prompt, so the scene
//    is autosaved unclean and the next start offers it.
//  - Banners: st.banners (failures of save, autosave, export) at the top of the window.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/classifier/model/app_state.h"
#include "app/shell/gui.h"
#include "core/autosave.h"
#include "core/job.h"

namespace ll::gui {

class Canvas;
class Window;

class Session {
 public:
  using Clock = std::chrono::steady_clock;

  // The state folder: $LOSSLAB_STATE_DIR if set, else ll::default_state_dir(). Unattended runs
  // (--frames, --bench-frames, --script) use only $LOSSLAB_STATE_DIR: automation neither
  // touches the user's autosave nor meets a restore prompt. Empty: no autosave.
  static std::filesystem::path state_dir(const cli::WindowOptions& options);

  Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();

  // Claims an autosave slot in `dir` (empty: autosave off) and starts reading the orphans.
  // Sets st.document to the opened file. --frames / --bench-frames runs never prompt on close.
  void start(const std::filesystem::path& dir, const cli::WindowOptions& options, AppState& st,
             std::chrono::milliseconds quiet = std::chrono::seconds(2),
             std::chrono::milliseconds max_delay = std::chrono::seconds(5));
  // At the top of every loop iteration: true when the window must exit now (a signal, the close
  // button with nothing unsaved or nobody to ask, or the close prompt answered). A close with
  // unsaved changes is held back (the close prompt opens) and gives false.
  bool exit_requested(Window& window, const AppState& st);
  // Once a frame inside the ImGui frame, after the UI and before AppState::end_frame (so that a
  // restore or an open is recorded as an edit): prompts, file jobs, autosave, banners.
  void frame(AppState& st, Canvas& canvas, Clock::time_point now = Clock::now());
  // Seconds the idle loop may sleep before the session needs a frame (+infinity: never).
  double seconds_until_due(Clock::time_point now = Clock::now()) const;
  // Exit: lets running saves land, then releases the slot: clean, or after a signal with
  // unsaved changes, autosaved and unclean (offered next time). Unanswered orphans stay.
  void finish(AppState& st);

  bool prompt_open() const { return !offers_.empty() || reading_.active(); }
  int signal() const { return signal_; }

 private:
  struct Offer {
    int slot = 0;
    std::filesystem::path path;
    std::string saved_at;
    std::optional<Scene> scene;  // empty: unreadable, `error` says why
    std::string error;
    std::optional<Evaluation> eval;  // of `scene`, made on the worker too
  };
  void take_offers(AppState& st);
  void set_aside(AppState& st, int slot, const std::filesystem::path& path, const std::string& why);
  void draw_restore_prompt(AppState& st, Canvas& canvas);
  void draw_close_prompt(AppState& st);
  void draw_jobs(AppState& st);
  void draw_banners(AppState& st);
  void autosave_step(AppState& st, Clock::time_point now);
  void end_autosave(AppState& st, Clock::time_point now);
  std::ptrdiff_t orphan_index(int slot) const;
  void discard_restored(std::uint64_t saved_revision);

  std::unique_ptr<Autosave> autosave_;
  Job<void> autosave_job_;  // after autosave_: destroyed (waited for) first
  std::uint64_t autosave_revision_ = 0;
  Job<std::vector<Offer>> reading_;  // the orphans, read on a worker
  std::vector<Offer> offers_;        // the restore prompt's list
  // Restored orphans (slot, revision of the restore): discarded once this window's autosave
  // holds that revision or a later one.
  std::vector<std::pair<int, std::uint64_t>> restored_slots_;
  int prompt_frames_ = 0;  // frames the restore prompt has been drawn
  bool restored_one_ = false;
  bool attended_ = true;
  bool close_prompt_ = false;
  int close_prompt_frames_ = 0;
  bool close_after_save_ = false;
  bool exit_ready_ = false;
  int signal_ = 0;
};

}  // namespace ll::gui
