#include "app/cli/window_options.h"

#include <CLI/CLI.hpp>

namespace ll::cli {

void add_window_options(CLI::App& app, WindowOptions& o) {
  app.add_option("--script", o.script, "scripted input for the window (tests, automation)")
      ->check(CLI::ExistingFile);
  app.add_option("--save-scene-on-exit", o.save_scene_on_exit,
                 "write the window's final scene as JSON");
  app.add_option("--theme", o.theme, "light or dark")->check(CLI::IsMember({"light", "dark"}));
  app.add_option("--regions", o.regions, "argmax, confidence or score")
      ->check(CLI::IsMember({"argmax", "confidence", "score"}));
  app.add_option("--rate", o.rate, "training steps per second while playing")
      ->check(CLI::Range(1.0, 5000.0));
  app.add_option_function<std::vector<int>>(
         "--size",
         [&o](const std::vector<int>& v) {
           o.width = v[0];
           o.height = v[1];
         },
         "window size W H")
      ->expected(2)
      ->check(CLI::Range(200, 8192));
  app.add_option("--ui-scale", o.ui_scale,
                 "scale of text and controls (default: the monitor's content scale)")
      ->check(CLI::Range(0.5, 4.0));
  app.add_option("--points", o.points,
                 "open a generated scene of N points in 3 Gaussian blobs (benchmarks)")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--randomize-seed", o.randomize_seed,
                 "seed of Randomize (button and R key), so a demo can be replayed; default: "
                 "from the clock");
}

}  // namespace ll::cli
