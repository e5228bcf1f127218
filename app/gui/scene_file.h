#pragma once
// What saving the scene to a path may do (GL-free, tested): scenes are written as JSON, and an
// existing file is replaced only when it is the scene's own document (the file it was opened
// from or last saved to) or the user confirmed the replacement.
#include <filesystem>
#include <string>

namespace ll::gui {

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

}  // namespace ll::gui
