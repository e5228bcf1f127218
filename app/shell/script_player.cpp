#define GLFW_INCLUDE_NONE
#include "app/shell/script_player.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>

#include "app/classifier/model/actions.h"
#include "app/classifier/shortcuts.h"
#include "core/scene_io.h"

namespace ll::gui {

bool ScriptPlayer::load(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read script " + path;
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  try {
    commands_ = parse_script(ss.str(), path);
  } catch (const ScriptError& e) {
    *error = e.what();
    return false;
  }
  return true;
}

void ScriptPlayer::apply_input(AppState& st) {
  ImGuiIO& io = ImGui::GetIO();
  if (key_ >= 0) {  // release last frame's key
    io.KeysDown[key_] = false;
    key_ = -1;
  }
  io.KeyCtrl = false;
  io.KeyShift = shift_;
  action_ = nullptr;
  if (sleeping_) sleeping_ = std::chrono::steady_clock::now() < sleep_until_;
  if (wait_ > 0) {
    --wait_;
  } else if (sleeping_) {
  } else if (pc_ < commands_.size()) {
    const ScriptCommand& c = commands_[pc_++];
    using K = ScriptCommand::Kind;
    switch (c.kind) {
      case K::Mouse:
        mouse_ = st.view.to_screen({c.x, c.y});
        break;
      case K::MousePx:
        mouse_ = {c.x, c.y};
        break;
      case K::Down:
        down_[c.n] = true;
        break;
      case K::Up:
        down_[c.n] = false;
        break;
      case K::Shift:
        shift_ = c.n != 0;
        break;
      case K::Key: {  // names map through the action table's chords
                      // (app/classifier/model/actions.h)
        const std::optional<Chord> k = parse_chord(c.text);
        const int code = k ? glfw_key(k->key) : -1;
        if (code >= 0) {
          key_ = code;
          io.KeysDown[key_] = true;
          io.KeyCtrl = k->ctrl;
          io.KeyShift = k->shift || shift_;
        }
        break;
      }
      case K::Seed:
        st.seed_randomizer(static_cast<std::uint64_t>(c.n));
        break;
      case K::Wait:
        wait_ = c.n;
        break;
      case K::Sleep:
        sleeping_ = true;
        sleep_until_ = std::chrono::steady_clock::now() +
                       std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                           std::chrono::duration<double>(c.x));
        break;
      case K::Close:
        glfwSetWindowShouldClose(glfwGetCurrentContext(), GLFW_TRUE);
        break;
      case K::Step:
      case K::Save:
      case K::Open:
      case K::SaveInBackground:
        action_ = &c;
        break;
    }
  } else if (settle_ > 0) {
    --settle_;
  }
  io.MousePos = ImVec2(static_cast<float>(mouse_.x()), static_cast<float>(mouse_.y()));
  for (int b = 0; b < 3; ++b) io.MouseDown[b] = down_[b];
}

double ScriptPlayer::seconds_until_awake() const {
  if (!sleeping_) return std::numeric_limits<double>::infinity();
  const double left =
      std::chrono::duration<double>(sleep_until_ - std::chrono::steady_clock::now()).count();
  return std::max(left, 0.0);
}

void ScriptPlayer::apply_actions(AppState& st) {
  if (!action_) return;
  if (action_->kind == ScriptCommand::Kind::Step) {
    for (int i = 0; i < action_->n; ++i)
      if (st.trainer.step(st.doc) != StepStatus::Ok) break;
  } else if (action_->kind == ScriptCommand::Kind::Open) {
    if (!st.files.open(st, action_->text)) error_ = "script open: " + st.status;
  } else if (action_->kind == ScriptCommand::Kind::SaveInBackground) {
    if (!st.files.save(st, action_->text)) error_ = "script save_in_background: " + st.status;
  } else if (action_->kind == ScriptCommand::Kind::Save) {
    try {
      save_scene(st.scene, action_->text);
    } catch (const std::exception& e) {
      error_ = std::string("script save: ") + e.what();
    }
  }
  action_ = nullptr;
}

}  // namespace ll::gui
