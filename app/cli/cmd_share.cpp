// losslab share SCENE [--out FILE]: prints the scene as one setup text ("losslab:..."):
// zlib-compressed JSON in base64 (core/share.h). Opening it anywhere a SCENE is accepted
// (`losslab TEXT`, eval, train, render, landscape, ...) gives exactly this scene.
#include "app/cli/command_registry.h"
#include "core/share.h"

namespace ll::cli {

void register_share(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, out;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "share",
      "Print the scene as one line of setup text (losslab:...) to paste into the "
      "window or pass as SCENE to any command");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv) or setup text")->required();
  cmd->add_option("--out", args->out, "write the text here instead of stdout");
  cmd->callback([args, &exit_code] {
    const Scene scene = load_scene_or_throw(args->scene);
    write_output(args->out, encode_share(scene) + "\n");
    exit_code = 0;
  });
}

}  // namespace ll::cli
