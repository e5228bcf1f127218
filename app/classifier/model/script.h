#pragma once
// Scripted input for tests and automation (`losslab --script FILE`): one command per line,
// each applied in its own frame. GL-free parser; the window plays the commands.
//   mouse X Y       move the cursor to world point (X, Y) of the canvas
//   mouse_px X Y    move the cursor to window pixel (X, Y)
//   down [B] / up [B]   press / release mouse button B (0 left, 1 right, 2 middle; default 0)
//   shift on|off    hold or release Shift
//   key NAME        press a key: the chord name of an action in app/classifier/model/actions.h
//   (space
//                   right s r 1..4 delete escape f1 f5 f11 ctrl+z ctrl+shift+z ctrl+y ctrl+o
//                   ctrl+s ctrl+e) or of a key dialogs and the canvas read (enter escape d 1..8)
//   step N          N training steps (one undo entry each, as the Step button)
//   wait N          N frames with no input change
//   sleep S         S seconds of wall time (0..3600) in which the window idles as it does
//                   when nobody touches it: no frames unless one is due (e.g. an autosave)
//   save FILE       save the scene as JSON (in this frame)
//   open FILE       open a scene as File > Open does: read on a worker, applied when done
//   save_in_background FILE   save as the Save button does: written on a worker
//   seed N          seed the generator behind Randomize (button and R key), N in [0, 2^31)
//   close           press the window's close button
// Blank lines and lines starting with '#' are ignored.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ll::gui {

struct ScriptCommand {
  enum class Kind {
    Mouse,
    MousePx,
    Down,
    Up,
    Shift,
    Key,
    Step,
    Wait,
    Sleep,
    Save,
    Close,
    Seed,
    Open,
    SaveInBackground
  };
  Kind kind = Kind::Wait;
  double x = 0.0, y = 0.0;  // position, or seconds for Sleep
  int n = 0;                // button, count, seed, or shift on (1) / off (0)
  std::string text;         // key name or file
};

class ScriptError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws ScriptError naming `source`, the line and the fault.
std::vector<ScriptCommand> parse_script(std::string_view text, const std::string& source);

}  // namespace ll::gui
