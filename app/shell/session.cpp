#define GLFW_INCLUDE_NONE
#include "app/shell/session.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "app/classifier/canvas.h"
#include "app/classifier/model/scene_file.h"
#include "app/classifier/panels.h"
#include "app/shell/window.h"
#include "core/scene_io.h"

namespace ll::gui {

namespace fs = std::filesystem;

namespace {
constexpr const char* kRestoreId = "Restore the last scene?";
constexpr const char* kCloseId = "Unsaved changes";
constexpr int kPromptSettleFrames = 5;  // a new modal sizes itself over its first frames
constexpr double kJobPollS = 0.05;      // how often the idle loop looks at running jobs

bool key_pressed(int imgui_key) {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(imgui_key), false);
}

void center_next_window() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.4f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
}

const char* signal_name(int sig) {
  switch (sig) {
    case SIGTERM:
      return "SIGTERM";
    case SIGINT:
      return "SIGINT";
    case SIGHUP:
      return "SIGHUP";
    default:
      return "a signal";
  }
}
}  // namespace

fs::path Session::state_dir(const cli::WindowOptions& o) {
  if (const char* d = std::getenv("LOSSLAB_STATE_DIR"); d && *d) return fs::path(d);
  const bool unattended = o.frames > 0 || o.bench_frames > 0 || !o.script.empty();
  return unattended ? fs::path() : default_state_dir();
}

Session::~Session() {
  autosave_job_.wait();
  if (reading_.active()) reading_.cancel();
}

void Session::start(const fs::path& dir, const cli::WindowOptions& options, AppState& st,
                    std::chrono::milliseconds quiet, std::chrono::milliseconds max_delay) {
  if (!options.scene_path.empty() && !is_csv_path(options.scene_path))
    st.document = options.scene_path;
  st.mark_saved(st.revision());
  attended_ = options.frames <= 0 && options.bench_frames <= 0;
  if (dir.empty()) return;
  autosave_ = std::make_unique<Autosave>(dir, quiet, max_delay);
  autosave_->start(st.revision());
  if (!autosave_->last_error().empty()) {
    st.banners.report("Autosave is off in this window", autosave_->last_error());
  }
  // Only regular files are read (a FIFO would block the reader forever): others go aside now.
  std::vector<std::pair<int, fs::path>> odd;
  for (const OrphanSlot& o : autosave_->orphans()) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(o.scene_path, ec)))
      odd.emplace_back(o.slot, o.scene_path);
  }
  for (const auto& [slot, path] : odd) set_aside(st, slot, path, "it is not a regular file.");
  if (autosave_->orphans().empty()) return;
  std::vector<Offer> todo;
  for (const OrphanSlot& o : autosave_->orphans())
    todo.push_back({o.slot, o.scene_path, o.saved_at, {}, {}, {}});
  // Parsing a big autosave takes time: on a worker, the prompt opens when it is done.
  reading_ = Job<std::vector<Offer>>::start(
      "Reading the last session's autosave", [todo = std::move(todo)](JobControl& c) mutable {
        const double n = static_cast<double>(todo.size());
        for (std::size_t i = 0; i < todo.size(); ++i) {
          c.check();
          try {
            const double done = static_cast<double>(i);
            Scene s = load_scene(todo[i].path, [&](double f) {
                        c.set_progress((done + f) / n);
                        c.check();  // Cancel stops the parse
                      }).scene;
            todo[i].eval = evaluate(s.points, s.params, s.loss);
            todo[i].scene = std::move(s);
          } catch (const JobCancelled&) {
            throw;
          } catch (const std::exception& e) {
            todo[i].error = e.what();
          }
          c.set_progress(static_cast<double>(i + 1) / n);
        }
        return todo;
      });
}

std::ptrdiff_t Session::orphan_index(int slot) const {
  const auto& o = autosave_->orphans();
  for (std::size_t i = 0; i < o.size(); ++i)
    if (o[i].slot == slot) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

bool Session::exit_requested(Window& window, const AppState& st) {
  if (const int sig = window.signal_received()) {
    signal_ = sig;
    return true;
  }
  if (exit_ready_) return true;
  if (!window.should_close()) return false;
  if (!attended_ || !st.modified()) return true;
  window.cancel_close();  // ask first
  if (!close_prompt_) close_prompt_frames_ = 0;
  close_prompt_ = true;
  return false;
}

void Session::set_aside(AppState& st, int slot, const fs::path& path, const std::string& why) {
  const std::ptrdiff_t i = orphan_index(slot);
  const fs::path aside =
      i >= 0 ? autosave_->set_aside_orphan(static_cast<std::size_t>(i)) : fs::path();
  st.banners.report(
      "The autosave " + path.string() + " cannot be restored",
      why + (why.empty() || why.back() == '.' ? "" : ".") +
          (aside.empty() ? " It was left where it is (" + autosave_->last_error() + ")."
                         : " It was moved to " + aside.string() + "."));
}

void Session::take_offers(AppState& st) {
  std::vector<Offer> read;
  try {
    read = reading_.take();
  } catch (const std::exception&) {
    return;  // cancelled: the orphans stay for next time
  }
  for (Offer& o : read) {
    if (o.scene) {
      offers_.push_back(std::move(o));
      continue;
    }
    set_aside(st, o.slot, o.path, o.error);
  }
  std::sort(offers_.begin(), offers_.end(), [](const Offer& a, const Offer& b) {
    return a.saved_at > b.saved_at;
  });  // newest first
}

void Session::frame(AppState& st, Canvas& canvas, Clock::time_point now) {
  scene_file_popups(st);
  const FileEvent ev = st.files.poll(st);
  if (ev == FileEvent::Opened) canvas.reset_anchors();
  if (close_after_save_ && ev != FileEvent::None) {
    close_after_save_ = false;
    exit_ready_ = ev == FileEvent::Saved;
  }
  if (autosave_) {
    if (reading_.ready()) take_offers(st);
    if (!offers_.empty()) draw_restore_prompt(st, canvas);
    autosave_step(st, now);
  }
  if (close_prompt_ && offers_.empty()) draw_close_prompt(st);  // one modal at a time
  draw_jobs(st);
  draw_banners(st);
}

void Session::autosave_step(AppState& st, Clock::time_point now) {
  if (autosave_job_.ready()) end_autosave(st, now);
  autosave_->observe(st.revision(), now);
  if (autosave_job_.active() || !autosave_->due(now)) return;
  autosave_revision_ = st.revision();
  autosave_->begin_save(autosave_revision_);
  // Copying is the only work on the UI thread; serializing and writing run on the worker.
  autosave_job_ = Job<void>::start(
      "Autosaving", [a = autosave_.get(), scene = st.scene](JobControl&) { a->write(scene); });
}

void Session::end_autosave(AppState& st, Clock::time_point now) {
  std::string err;
  try {
    autosave_job_.take();
  } catch (const std::exception& e) {
    err = e.what();
  }
  autosave_->end_save(autosave_revision_, err, now);
  if (!err.empty()) {
    st.banners.report("Autosave to " + autosave_->scene_path().string() + " failed", err);
    return;
  }
  discard_restored(autosave_revision_);  // this slot now holds what was restored from them
}

void Session::discard_restored(std::uint64_t saved_revision) {
  std::erase_if(restored_slots_, [&](const std::pair<int, std::uint64_t>& r) {
    if (r.second > saved_revision) return false;  // the autosave predates the restore
    const std::ptrdiff_t i = orphan_index(r.first);
    if (i >= 0) autosave_->discard_orphan(static_cast<std::size_t>(i));
    return true;
  });
}

void Session::draw_restore_prompt(AppState& st, Canvas& canvas) {
  // Reopened while it has entries (another popup opened at the root level closes it), once
  // no other popup is up.
  if (prompt_frames_++ == 0 ||
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
    ImGui::OpenPopup(kRestoreId);
  center_next_window();
  if (!ImGui::BeginPopupModal(kRestoreId, nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove))
    return;
  ImGui::TextUnformatted(offers_.size() == 1 ? "LossLab did not close properly."
                                             : "Earlier LossLab windows did not close properly.");
  ImGui::TextUnformatted("Restore a scene they autosaved? Restoring can be undone (Ctrl+Z).");
  ImGui::Spacing();
  const float w = ImGui::GetFontSize() * 6.0f;
  // Enter restores the newest, once; Escape keeps every remaining one for the next start.
  int restore = !restored_one_ && key_pressed(ImGuiKey_Enter) ? 0 : -1;
  int discard = -1;
  for (std::size_t i = 0; i < offers_.size(); ++i) {
    const Offer& o = offers_[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Text("%s   %zu points, %d classes",
                o.saved_at.empty() ? "(unknown time)" : o.saved_at.c_str(), o.scene->points.size(),
                o.scene->classes());
    ImGui::SameLine(ImGui::GetFontSize() * 22.0f);
    // One restore per start: a second would bury the first (its file would go with it).
    if (!restored_one_ && ImGui::Button("Restore", ImVec2(w, 0))) restore = static_cast<int>(i);
    if (!restored_one_) ImGui::SameLine();
    if (ImGui::Button("Discard", ImVec2(w, 0))) discard = static_cast<int>(i);
    ImGui::PopID();
  }
  ImGui::Spacing();
  const bool later =
      ImGui::Button("Keep for later", ImVec2(w * 1.5f, 0)) || key_pressed(ImGuiKey_Escape);
  if (restore >= 0) {
    Offer& o = offers_[static_cast<std::size_t>(restore)];
    st.replace_scene(std::move(*o.scene));  // one undoable document edit
    if (o.eval) st.adopt_evaluation(std::move(*o.eval));
    canvas.reset_anchors();
    st.status = "Restored the scene autosaved at " + (o.saved_at.empty() ? "?" : o.saved_at) + ".";
    // Its file goes once this window's autosave holds the restored scene.
    restored_slots_.emplace_back(o.slot, st.revision());
    restored_one_ = true;
    offers_.erase(offers_.begin() + restore);
  } else if (discard >= 0) {
    const std::ptrdiff_t i = orphan_index(offers_[static_cast<std::size_t>(discard)].slot);
    if (i >= 0) autosave_->discard_orphan(static_cast<std::size_t>(i));
    offers_.erase(offers_.begin() + discard);
  }
  if (later) offers_.clear();  // still locked by this window; offered again at the next start
  if (offers_.empty()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void Session::draw_close_prompt(AppState& st) {
  if (close_prompt_frames_++ == 0) ImGui::OpenPopup(kCloseId);
  center_next_window();
  if (!ImGui::BeginPopupModal(kCloseId, nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
    if (close_prompt_frames_ > kPromptSettleFrames) close_prompt_ = false;  // closed elsewhere
    return;
  }
  const std::string target = st.document.empty() ? st.path : st.document;
  ImGui::TextUnformatted("The scene has changes that are not saved to a file.");
  ImGui::TextDisabled("Save writes %s.", target.c_str());
  ImGui::Spacing();
  const float w = ImGui::GetFontSize() * 6.0f;
  const bool save = ImGui::Button("Save", ImVec2(w, 0)) || key_pressed(ImGuiKey_Enter);
  ImGui::SameLine();
  const bool discard =
      ImGui::Button("Discard", ImVec2(w, 0)) || ImGui::IsKeyPressed(GLFW_KEY_D, false);
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel", ImVec2(w, 0)) || key_pressed(ImGuiKey_Escape);
  if (save) {
    save_scene_file(st);  // the document, or the path field (asking before replacing a file)
    close_after_save_ = st.files.saving() || !st.confirm_overwrite.empty();
    if (!close_after_save_) st.banners.report("Not saved, the window stays open", st.status);
  }
  if (discard) exit_ready_ = true;
  if (save || discard || cancel) {
    close_prompt_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void Session::draw_jobs(AppState& st) {
  const bool files = st.files.busy();
  if (!files && !reading_.active()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - ImGui::GetFontSize()),
      ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.95f);
  if (ImGui::Begin("##jobs", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing)) {
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    const std::string& label = files ? st.files.label() : reading_.label();
    const bool cancelling = files ? st.files.cancel_requested() : reading_.cancel_requested();
    ImGui::TextUnformatted(cancelling ? ("Cancelling: " + label).c_str() : label.c_str());
    ImGui::ProgressBar(static_cast<float>(files ? st.files.progress() : reading_.progress()),
                       ImVec2(ImGui::GetFontSize() * 16.0f, 0));
    ImGui::SameLine();
    if (ImGui::Button("Cancel") && !cancelling) {
      if (files) {
        st.files.cancel();
        if (!st.files.busy()) st.status = "Open cancelled: the current scene is unchanged.";
        close_after_save_ = false;
      } else {
        reading_.cancel();  // the orphans stay for the next start
      }
    }
  }
  ImGui::End();
}

void Session::draw_banners(AppState& st) {
  if (st.banners.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, 0), ImGuiCond_Always);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.62f, 0.11f, 0.09f, 0.97f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 1.0f, 1.0f, 1.0f));
  if (ImGui::Begin("##banners", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing)) {
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    std::ptrdiff_t dismiss = -1;
    const auto& items = st.banners.items();
    for (std::size_t i = 0; i < items.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::SmallButton("Dismiss")) dismiss = static_cast<std::ptrdiff_t>(i);
      ImGui::SameLine();
      if (items[i].count > 1)
        ImGui::TextWrapped("%s: %s (%d times)", items[i].title.c_str(), items[i].message.c_str(),
                           items[i].count);
      else
        ImGui::TextWrapped("%s: %s", items[i].title.c_str(), items[i].message.c_str());
      ImGui::PopID();
    }
    if (dismiss >= 0) st.banners.dismiss(static_cast<std::size_t>(dismiss));
  }
  ImGui::End();
  ImGui::PopStyleColor(2);
}

double Session::seconds_until_due(Clock::time_point now) const {
  if (!offers_.empty() && prompt_frames_ < kPromptSettleFrames) return 0.0;
  if (close_prompt_ && close_prompt_frames_ < kPromptSettleFrames) return 0.0;
  if (autosave_job_.active() || reading_.active()) return kJobPollS;
  if (!autosave_) return std::numeric_limits<double>::infinity();
  const double left = autosave_->seconds_until_due(now);
  return left < 1e9 ? left + 0.01 : left;  // wake just after it falls due
}

void Session::finish(AppState& st) {
  st.files.finish();  // a save in flight lands; an open is dropped
  if (reading_.active()) reading_.cancel();
  if (!autosave_) {
    if (signal_) std::fprintf(stderr, "losslab: %s: exiting (no autosave)\n", signal_name(signal_));
    return;
  }
  if (autosave_job_.active()) {
    autosave_job_.wait();
    end_autosave(st, Clock::now());
  }
  if (signal_ && st.modified()) {
    // Nobody to ask: keep the work where the next start finds it.
    if (autosave_->finish_unclean(st.scene)) {
      discard_restored(st.revision());
      std::fprintf(stderr, "losslab: %s: the scene was autosaved to %s; the next start offers it\n",
                   signal_name(signal_), autosave_->scene_path().string().c_str());
    } else {
      std::fprintf(stderr, "losslab: %s: %s\n", signal_name(signal_),
                   autosave_->last_error().c_str());
    }
    return;
  }
  autosave_->finish_clean();
  discard_restored(st.revision());
}

}  // namespace ll::gui
