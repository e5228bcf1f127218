// losslab preset [NAME] [--out FILE]: writes a preset scene as JSON (lists the names without NAME).
#include <iostream>

#include "app/cli/command_registry.h"
#include "core/datasets.h"
#include "core/scene_io.h"

namespace ll::cli {

void register_preset(CLI::App& app, int& exit_code) {
  struct Args {
    std::string name, out;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "preset", "Write a preset scene (cs231n, blobs, xor, ...) as JSON; without NAME, list them");
  cmd->add_option("name", args->name, "preset name");
  cmd->add_option("--out", args->out, "write the scene here instead of stdout");
  cmd->callback([args, &exit_code] {
    if (args->name.empty()) {
      for (const std::string& n : preset_names()) std::cout << n << "\n";
      exit_code = 0;
      return;
    }
    Scene scene;
    if (!make_preset(args->name, scene)) {
      std::string all;
      for (const std::string& n : preset_names()) all += (all.empty() ? "" : ", ") + n;
      throw UsageError("unknown preset \"" + args->name + "\" (expected one of " + all + ")");
    }
    write_output(args->out, scene_to_json(scene));
    exit_code = 0;
  });
}

}  // namespace ll::cli
