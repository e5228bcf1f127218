#pragma once
// The options of the windowed app, parsed with the rest of the command line. Plain data: the
// window (app/shell) reads them, the CLI fills them; neither needs the other's headers.
#include <cstdint>
#include <optional>
#include <string>

#include "core/scene.h"

namespace CLI {
class App;
}

namespace ll::cli {

struct WindowOptions {
  std::optional<Scene> scene;  // the scene to open; the CS231n default when empty
  std::string scene_path;      // where it came from (for Save), may be empty
  int frames = 0;              // > 0: render this many frames, then exit
  std::string screenshot;      // with frames: save the window's image after the last frame
  bool play = false;           // start training at launch
  int bench_frames = 0;        // > 0: render this many frames and print median/p99 frame time
  // Options registered by add_window_options():
  std::string script;  // scripted input (see app/classifier/model/script.h); exits when done
  std::string save_scene_on_exit;  // write the final scene as JSON
  std::string theme = "light";     // light | dark
  std::string regions = "argmax";  // argmax | confidence | score
  double rate = 10.0;              // training steps per second
  int width = 1280, height = 800;  // window size in screen coordinates
  double ui_scale = 0.0;           // > 0: overrides the monitor's content scale (projectors)
  int points = 0;                  // > 0: open a generated 3-class blob scene of this many points
  std::optional<std::uint64_t> randomize_seed;  // Randomize's seed (replayable); else the clock
};

// Adds the window's extra options (--script, --save-scene-on-exit, --theme, --regions, --rate,
// --size, --ui-scale, --points, --randomize-seed) to the top-level command line.
void add_window_options(CLI::App& app, WindowOptions& options);

}  // namespace ll::cli
