#include "app/gui/scene_file.h"

#include <algorithm>
#include <cctype>
#include <system_error>

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

}  // namespace ll::gui
