// losslab train SCENE --steps N [--lr X --optimizer O --batch B --seed S ...] [--out FILE]
#include "app/cli/command_registry.h"

#include <cstdio>

#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "core/optimizer.h"

namespace ll::cli {

void register_train(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, out, optimizer;
    long steps = 0;
    double lr = -1.0, momentum = -1.0;
    int batch = 0;
    long long seed = -1;
    LossOverrides loss;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "train", "Run N optimizer steps; print the final W, b and the loss history as JSON");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv)")->required();
  cmd->add_option("--steps", args->steps, "number of updates (0 to 100000000)")
      ->required()
      ->check(CLI::Range(0L, 100'000'000L));
  cmd->add_option("--lr", args->lr, "step size > 0")
      ->check(finite_number())
      ->check(CLI::PositiveNumber);
  cmd->add_option("--optimizer", args->optimizer, "gd, sgd, momentum or adam")
      ->check(CLI::IsMember({"gd", "sgd", "momentum", "adam"}));
  cmd->add_option("--batch", args->batch, "minibatch size >= 1 (sgd, momentum, adam)")
      ->check(CLI::Range(1, 1'000'000));
  cmd->add_option("--momentum", args->momentum, "momentum coefficient in [0, 1)")
      ->check(finite_number())
      ->check(CLI::Range(0.0, 0.999999));
  cmd->add_option("--seed", args->seed, "random seed >= 0")->check(CLI::NonNegativeNumber);
  cmd->add_option("--out", args->out, "write the JSON here instead of stdout");
  args->loss.add_to(*cmd);
  cmd->callback([args, &exit_code] {
    Scene scene = load_scene_or_throw(args->scene);
    args->loss.apply(scene.loss);
    OptimizerSettings& o = scene.optimizer;
    if (!args->optimizer.empty()) parse(args->optimizer, o.kind);
    if (args->lr > 0.0) o.lr = args->lr;
    if (args->batch > 0) o.batch = args->batch;
    if (args->momentum >= 0.0) o.momentum = args->momentum;
    if (args->seed >= 0) o.seed = static_cast<std::uint64_t>(args->seed);

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
