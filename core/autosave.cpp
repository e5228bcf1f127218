#include "core/autosave.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "core/atomic_file.h"
#include "core/scene_io.h"

namespace ll {

namespace fs = std::filesystem;

fs::path default_state_dir() {
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return fs::path(x) / "losslab";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local/state/losslab";
  return fs::path(".losslab-state");
}

Autosave::Autosave(fs::path dir, std::chrono::milliseconds quiet)
    : dir_(std::move(dir)),
      scene_path_(dir_ / "autosave.json"),
      marker_path_(dir_ / "running.pid"),
      quiet_(quiet) {}

namespace {
bool process_alive(long pid) {
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}
}  // namespace

std::optional<Scene> Autosave::start() {
  std::optional<Scene> restore;
  try {
    fs::create_directories(dir_);
    if (fs::exists(marker_path_)) {
      long pid = 0;
      try {
        pid = std::stol(read_file(marker_path_, 64));
      } catch (const std::exception&) {
        pid = 0;  // unreadable marker: treat its owner as gone
      }
      if (pid != static_cast<long>(::getpid()) && process_alive(pid)) {
        // Another LossLab is running and owns the autosave: this window does not autosave.
        disabled_ = true;
        error_ = "another LossLab window is running; autosave is off in this one";
        return restore;
      }
      if (fs::exists(scene_path_)) {
        try {
          restore = load_scene(scene_path_).scene;
        } catch (const LoadError& e) {
          error_ = std::string("the autosaved scene cannot be restored: ") + e.what();
        }
      }
    }
    write_file_atomic(marker_path_, std::to_string(static_cast<long>(::getpid())));
  } catch (const std::exception& e) {
    error_ = std::string("autosave is off: ") + e.what();
  }
  return restore;
}

void Autosave::note_change(Clock::time_point now) {
  pending_ = true;
  last_change_ = now;
}

bool Autosave::poll(const Scene& scene, Clock::time_point now) {
  if (disabled_ || !pending_ || now - last_change_ < quiet_) return false;
  return save(scene);
}

void Autosave::finish(const Scene& scene) {
  if (disabled_) return;
  save(scene);
  std::error_code ec;
  fs::remove(marker_path_, ec);
}

bool Autosave::save(const Scene& scene) {
  pending_ = false;
  try {
    save_scene(scene, scene_path_);
    return true;
  } catch (const std::exception& e) {
    error_ = std::string("autosave failed: ") + e.what();
    return false;
  }
}

}  // namespace ll
