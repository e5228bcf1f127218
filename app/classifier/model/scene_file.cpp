#include "app/classifier/model/scene_file.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "app/classifier/model/app_state.h"
#include "core/atomic_file.h"

namespace ll::gui {

namespace fs = std::filesystem;

bool is_csv_path(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".csv";
}

SaveCheck check_save_target(const fs::path& target, const std::string& document) {
  if (target.empty()) return SaveCheck::NoName;
  if (is_csv_path(target)) return SaveCheck::NotJson;
  std::error_code ec;
  // symlink_status: a dangling link or any other entry there counts as "something exists".
  if (!fs::exists(fs::symlink_status(target, ec))) return SaveCheck::Write;
  if (!document.empty() && fs::equivalent(target, document, ec) && !ec) return SaveCheck::Write;
  return SaveCheck::Confirm;
}

bool SceneFiles::open(AppState& st, const std::string& path) {
  if (busy()) {
    st.status = "Wait for " + label() + " to finish (or cancel it).";
    return false;
  }
  // Only regular files: a FIFO or a device would block the reader (and the exit) forever.
  std::error_code ec;
  const fs::file_status fst = fs::status(path, ec);
  if (!fs::is_regular_file(fst)) {
    const std::string why = ec                      ? ec.message()
                            : fs::is_directory(fst) ? std::string("it is a folder")
                                                    : std::string("it is not a regular file");
    st.status = "Cannot open: " + path + ": " + why + "\nThe current scene is unchanged.";
    return false;
  }
  path_ = path;
  load_ = Job<Opened>::start("Opening " + path, [path](JobControl& c) {
    // Throws LoadError (the current scene stays) or, once Cancel is pressed, JobCancelled from
    // inside the parse: a cancelled open stops reading within a MiB.
    LoadResult r = load_scene(path, [&c](double f) {
      c.set_progress(f);
      c.check();
    });
    c.check();
    Opened o;
    o.eval = evaluate(r.scene.points, r.scene.params, r.scene.loss);
    o.copy = r.scene;
    o.result = std::move(r);
    return o;
  });
  st.status = "Opening " + path + "...";
  return true;
}

bool SceneFiles::save(AppState& st, const std::string& path) {
  if (busy()) {
    st.status = "Wait for " + label() + " to finish (or cancel it).";
    return false;
  }
  path_ = path;
  save_revision_ = st.revision();
  // The copy is the only work on the UI thread; serializing and writing happen on the worker.
  save_ = Job<void>::start("Saving " + path, [path, scene = st.scene](JobControl& c) {
    const std::string text = scene_to_json(scene);
    c.set_progress(0.5);
    c.check();  // Cancel before anything touched the file
    write_file_atomic(path, text);
    c.set_progress(1.0);
  });
  st.status = "Saving " + path + "...";
  return true;
}

FileEvent SceneFiles::poll(AppState& st) {
  abandoned_.erase(std::remove_if(abandoned_.begin(), abandoned_.end(),
                                  [](const Job<Opened>& j) { return j.ready(); }),
                   abandoned_.end());
  if (load_.ready()) {
    try {
      Opened o = load_.take();
      LoadResult& r = o.result;
      const bool csv = is_csv_path(path_);
      st.status = "Opened " + path_;
      for (const std::string& w : r.warnings) st.status += "\nwarning: " + w;
      if (csv) st.status += "\n(a point table: Save as writes a .json scene)";
      st.document = csv ? std::string() : path_;
      st.loaded = std::move(o.copy);
      st.replace_scene(std::move(r.scene));
      st.adopt_evaluation(std::move(o.eval));  // of the scene just applied
      if (!csv) st.mark_saved(st.revision());  // a point table is not the scene's file
      return FileEvent::Opened;
    } catch (const JobCancelled&) {
      st.status = "Open cancelled: the current scene is unchanged.";
      return FileEvent::Cancelled;
    } catch (const std::exception& e) {
      st.status = std::string("Cannot open: ") + e.what() + "\nThe current scene is unchanged.";
      st.banners.report("Cannot open " + path_, e.what());
      return FileEvent::Failed;
    }
  }
  if (save_.ready()) {
    try {
      save_.take();
      st.document = path_;
      st.status = "Saved " + path_;
      st.mark_saved(save_revision_);
      return FileEvent::Saved;
    } catch (const JobCancelled&) {
      st.status = "Save cancelled: " + path_ + " was not changed.";
      return FileEvent::Cancelled;
    } catch (const std::exception& e) {
      st.status = std::string("Cannot save: ") + e.what();
      st.banners.report("Cannot save the scene to " + path_, e.what());
      return FileEvent::Failed;
    }
  }
  return FileEvent::None;
}

void SceneFiles::cancel() {
  if (save_.active()) save_.cancel();
  if (load_.active()) {
    // The parser cannot be stopped midway: the job runs on, and its result is dropped.
    load_.cancel();
    abandoned_.push_back(std::move(load_));
    load_ = Job<Opened>();
  }
}

void SceneFiles::finish() {
  save_.wait();
  if (load_.active()) load_.cancel();
}

}  // namespace ll::gui
