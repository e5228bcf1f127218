#pragma once
// Crash-safe autosave of the working scene. The app calls note_change() after every edit and
// poll() every frame; the scene is written (atomically) once no edit has come for `quiet`
// seconds, and again on a clean exit. A marker file holding the process id exists while the app
// runs; if the next start finds a marker whose process is gone (a crash or kill -9), the last
// autosaved scene is offered for restore.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "core/scene.h"

namespace ll {

// $XDG_STATE_HOME/losslab, else $HOME/.local/state/losslab, else ./.losslab-state.
std::filesystem::path default_state_dir();

class Autosave {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Autosave(std::filesystem::path dir, std::chrono::milliseconds quiet = std::chrono::seconds(2));

  // Call once at start: claims the marker. Returns the scene left by a session that did not
  // exit cleanly (or nullopt). Never throws; problems go to last_error().
  std::optional<Scene> start();

  void note_change(Clock::time_point now = Clock::now());
  // Saves when a change is pending and `quiet` has passed since the last one. True if it saved.
  bool poll(const Scene& scene, Clock::time_point now = Clock::now());
  // Clean exit: saves the scene and removes the marker.
  void finish(const Scene& scene);

  bool pending() const { return pending_; }
  bool enabled() const { return !disabled_; }
  const std::filesystem::path& scene_path() const { return scene_path_; }
  const std::string& last_error() const { return error_; }

 private:
  bool save(const Scene& scene);

  std::filesystem::path dir_, scene_path_, marker_path_;
  std::chrono::milliseconds quiet_;
  Clock::time_point last_change_{};
  bool pending_ = false;
  bool disabled_ = false;  // another live instance owns the autosave
  std::string error_;
};

}  // namespace ll
