// losslab train SCENE --steps N [--lr X --optimizer O --batch B --seed S ...] [--out FILE]
#include "app/cli/command_registry.h"

#include <cstdio>

#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "core/optimizer.h"

namespace ll::cli {

void register_train(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, out;
    long steps = 0;
    LossOverrides loss;
    OptimizerOverrides optimizer;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "train", "Run N optimizer steps; print the final W, b and the loss history as JSON");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv)")->required();
  cmd->add_option("--steps", args->steps, "number of updates (0 to 1000000)")
      ->required()
      ->check(CLI::Range(0L, 1'000'000L));
  args->optimizer.add_to(*cmd);
  cmd->add_option("--out", args->out, "write the JSON here instead of stdout");
  args->loss.add_to(*cmd);
  cmd->callback([args, &exit_code] {
    Scene scene = load_scene_or_throw(args->scene);
    args->loss.apply(scene.loss);
    args->optimizer.apply(scene.optimizer);

    const TrainResult r = train(scene, args->steps);
    nlohmann::json out;
    out["W"] = to_json(Eigen::MatrixXd(scene.params.W));
    out["b"] = to_json(scene.params.b);
    nlohmann::json total = nlohmann::json::array(), data = nlohmann::json::array(),
                   acc = nlohmann::json::array();
    for (const LossRecord& h : r.history) {
      total.push_back(h.total_loss);
      data.push_back(h.data_loss);
      acc.push_back(h.accuracy);
    }
    out["history"] = std::move(total);
    out["data_loss_history"] = std::move(data);
    out["accuracy_history"] = std::move(acc);
    out["steps"] = r.steps_done;
    out["status"] = r.status == StepStatus::Ok         ? "ok"
                    : r.status == StepStatus::Diverged ? "diverged"
                                                       : "no data";
    write_output(args->out, out.dump() + "\n");
    exit_code = r.status == StepStatus::Diverged ? kExitFailure : kExitOk;
    if (r.status == StepStatus::Diverged) {
      std::fprintf(stderr,
                   "losslab: training diverged after %ld steps (parameters kept at the last "
                   "finite state); try a smaller --lr\n",
                   r.steps_done);
    }
  });
}

}  // namespace ll::cli
