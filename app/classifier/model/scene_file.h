#pragma once
// The scene's file (GL-free, tested): what saving to a path may do, and opening / saving off
// the UI thread. Scenes are written as JSON; an existing file is replaced only when it is the
// scene's own document (the file it was opened from or last saved to) or the user confirmed.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/job.h"
#include "core/losses.h"
#include "core/scene_io.h"

namespace ll::gui {

struct AppState;

enum class SaveCheck {
  Write,    // write it (new file, or the document itself)
  Confirm,  // another file exists there: ask before replacing it
  NoName,   // empty path
  NotJson,  // a .csv name: a scene is saved as JSON, the point table format would lose it
};

// `document` may be empty (no document yet).
SaveCheck check_save_target(const std::filesystem::path& target, const std::string& document);

// Whether the path names a CSV point table (by extension, any case) rather than a JSON scene.
bool is_csv_path(const std::filesystem::path& path);

enum class FileEvent { None, Opened, Saved, Failed, Cancelled };

// Open and Save run on a worker: loading parses there and the scene is applied on the UI thread
// by poll(); saving serializes and writes a copy of the scene there. One job at a time.
class SceneFiles {
 public:
  SceneFiles() = default;
  SceneFiles(const SceneFiles&) = delete;
  SceneFiles& operator=(const SceneFiles&) = delete;
  ~SceneFiles() { finish(); }

  // False (with a message in st.status) while another open or save runs.
  bool open(AppState& st, const std::string& path);
  bool save(AppState& st, const std::string& path);
  // Once a frame on the UI thread: applies a finished job to `st` (replace_scene + mark_saved
  // for an open, mark_saved for a save), messages in st.status, failures in st.banners.
  FileEvent poll(AppState& st);
  bool busy() const { return load_.active() || save_.active(); }
  bool saving() const { return save_.active(); }
  double progress() const { return load_.active() ? load_.progress() : save_.progress(); }
  const std::string& label() const { return load_.active() ? load_.label() : save_.label(); }
  bool cancel_requested() const {
    return load_.active() ? load_.cancel_requested() : save_.cancel_requested();
  }
  // A cancelled open leaves the scene as it was; a cancelled save leaves the file as it was.
  void cancel();
  // Exit: waits for a save to land; an open is abandoned.
  void finish();

 private:
  // What an open hands the UI thread: the scene, its copy for Reset and its evaluation, all
  // made on the worker, so applying a million points costs the frame only moves.
  struct Opened {
    LoadResult result;
    Scene copy;
    Evaluation eval;
  };
  Job<Opened> load_;
  Job<void> save_;
  std::string path_;
  std::uint64_t save_revision_ = 0;
  std::vector<Job<Opened>> abandoned_;  // cancelled opens whose parser is still running
};

}  // namespace ll::gui
