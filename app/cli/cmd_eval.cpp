// losslab eval SCENE [--loss L] [--reg X] [--reg-kind K] [--delta D] [--squared]
//                    [--gamma G] [--alpha A] [--class-weights w0,w1,...]
// "accuracy": the argmax class is (one of) the point's label(s); "exact_match": the predicted
// label set (sigmoid: every s_j > 0; the others: the argmax) is the point's; "label_accuracy":
// per-label (Hamming) accuracy over the N x K decisions. A multi-label scene under a loss other
// than sigmoid is refused (exit 2).
#include <stdexcept>

#include "app/cli/command_registry.h"
#include "app/cli/json_out.h"
#include "core/losses.h"

namespace ll::cli {

void register_eval(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene;
    LossOverrides loss;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Print scores, per-point losses, data/reg/total loss, accuracy (also exact-match and "
      "per-label for multi-label scenes) and gradients as JSON");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv)")->required();
  args->loss.add_to(*cmd);
  cmd->callback([args, &exit_code] {
    Scene scene = load_scene_or_throw(args->scene);
    args->loss.apply(scene.loss, scene.classes());
    if (const std::string m = multi_label_conflict(scene.points, scene.loss.kind); !m.empty())
      throw UsageError("eval: " + m);
    const Evaluation e = evaluate(scene.points, scene.params, scene.loss);
    nlohmann::json out;
    out["loss"] = to_string(scene.loss.kind);
    out["scores"] = to_json(e.scores);
    out["losses"] = to_json(e.losses);
    out["data_loss"] = e.data_loss;
    out["reg_loss"] = e.reg_loss;
    out["total_loss"] = e.total_loss;
    out["accuracy"] = e.accuracy;
    out["exact_match"] = e.exact_match;
    out["label_accuracy"] = e.label_accuracy;
    out["dW"] = to_json(Eigen::MatrixXd(e.dW));
    out["db"] = to_json(e.db);
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("eval: " + bad +
                               " is not finite (the numbers overflow); "
                               "nothing printed");
    write_output("", out.dump() + "\n");
    exit_code = 0;
  });
}

}  // namespace ll::cli
