#include "app/gui/session.h"

#include <imgui.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <limits>

#include "app/gui/canvas.h"
#include "app/gui/panels.h"
#include "app/gui/scene_file.h"

namespace ll::gui {

namespace fs = std::filesystem;

namespace {
constexpr const char* kPromptId = "Restore the last scene?";
constexpr int kPromptSettleFrames = 5;  // a new modal sizes itself over its first frames

// Local time of the file's last change, "2026-11-22 06:41:07"; empty when unknown.
std::string modified_time(const fs::path& path) {
  struct stat sb {};
  if (::stat(path.c_str(), &sb) != 0) return {};
  std::tm tm{};
  const std::time_t t = sb.st_mtime;
  if (!::localtime_r(&t, &tm)) return {};
  char buf[32];
  return std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm) ? std::string(buf) : std::string();
}
}  // namespace

fs::path Session::state_dir(const GuiOptions& o) {
  if (const char* d = std::getenv("LOSSLAB_STATE_DIR"); d && *d) return fs::path(d);
  const bool unattended = o.frames > 0 || o.bench_frames > 0 || !o.script.empty();
  return unattended ? fs::path() : default_state_dir();
}

void Session::start(const fs::path& dir, const GuiOptions& options, AppState& st,
                    std::chrono::milliseconds quiet) {
  if (!options.scene_path.empty() && !is_csv_path(options.scene_path))
    st.document = options.scene_path;
  seen_changes_ = st.revision();
  quiet_ = quiet;
  if (dir.empty()) return;
  autosave_ = std::make_unique<Autosave>(dir, quiet);
  restore_ = autosave_->start();
  if (restore_) restore_time_ = modified_time(autosave_->scene_path());
}

void Session::frame(AppState& st, Canvas& canvas, Clock::time_point now) {
  scene_file_popups(st);
  if (!autosave_) return;
  if (restore_) {
    draw_prompt(st, canvas);
  } else {
    if (st.revision() != seen_changes_) {
      seen_changes_ = st.revision();
      autosave_->note_change(now);
      due_ = now + quiet_;
    }
    autosave_->poll(st.scene, now);
    if (!autosave_->pending()) due_.reset();
  }
  const std::string& err = autosave_->last_error();
  if (!err.empty() && err != shown_error_) {
    shown_error_ = err;
    st.status = "Autosave: " + err;
  }
}

void Session::draw_prompt(AppState& st, Canvas& canvas) {
  if (prompt_frames_++ == 0) ImGui::OpenPopup(kPromptId);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.4f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kPromptId, nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove))
    return;
  const std::string when = restore_time_.empty() ? "the last session" : restore_time_;
  ImGui::TextUnformatted("LossLab did not close properly.");
  ImGui::Text("Restore the scene from %s?", when.c_str());
  ImGui::TextDisabled("%zu points, %d classes. Restoring can be undone (Ctrl+Z).",
                      restore_->points.size(), restore_->classes());
  ImGui::Spacing();
  const float w = ImGui::GetFontSize() * 7.0f;
  const bool restore = ImGui::Button("Restore", ImVec2(w, 0)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  ImGui::SameLine();
  const bool discard = ImGui::Button("Discard", ImVec2(w, 0)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (restore) {
    st.replace_scene(std::move(*restore_));  // recorded by this frame's EditRecorder: undoable
    canvas.reset_anchors();
    st.status = "Restored the scene autosaved at " + when + ".";
  }
  if (restore || discard) {
    restore_.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

double Session::seconds_until_due(Clock::time_point now) const {
  if (restore_ && prompt_frames_ < kPromptSettleFrames) return 0.0;
  if (!due_) return std::numeric_limits<double>::infinity();
  const double left = std::chrono::duration<double>(*due_ - now).count();
  return std::max(left, 0.0) + 0.01;  // wake just after the quiet period has passed
}

void Session::finish(const AppState& st) {
  if (!autosave_ || restore_) return;  // unanswered: the old scene stays on offer
  autosave_->finish(st.scene);
}

}  // namespace ll::gui
