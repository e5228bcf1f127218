#pragma once
// Plays a script (see script.h) into the window: before ImGui::NewFrame it sets the synthetic
// mouse, Shift and keys (ImGui 1.86 reads io.MousePos / io.MouseDown / io.KeysDown); after the
// UI it performs the actions (training steps, saves). One command per frame.
#include <chrono>
#include <string>
#include <vector>

#include "app/classifier/model/app_state.h"
#include "app/classifier/model/script.h"

namespace ll::gui {

class ScriptPlayer {
 public:
  bool load(const std::string& path, std::string* error);
  void apply_input(AppState& st);    // between the backends' NewFrame and ImGui::NewFrame
  void apply_actions(AppState& st);  // after the UI of the frame
  bool finished() const {
    return pc_ >= commands_.size() && wait_ == 0 && !sleeping_ && settle_ == 0;
  }
  const std::string& error() const { return error_; }
  // A `sleep` command is running: the window may idle until seconds_until_awake() has passed
  // (+infinity when not sleeping).
  bool sleeping() const { return sleeping_; }
  double seconds_until_awake() const;

 private:
  std::vector<ScriptCommand> commands_;
  std::size_t pc_ = 0;
  int wait_ = 0;
  bool sleeping_ = false;
  std::chrono::steady_clock::time_point sleep_until_{};
  int settle_ = 2;                     // frames drawn after the last command
  Eigen::Vector2d mouse_{-1e6, -1e6};  // window pixels
  bool down_[3] = {};
  bool shift_ = false;
  int key_ = -1;  // key held this frame
  bool ctrl_ = false, key_shift_ = false;
  const ScriptCommand* action_ = nullptr;
  std::string error_;
};

}  // namespace ll::gui
