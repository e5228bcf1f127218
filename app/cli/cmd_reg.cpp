// losslab reg --x X --w W1 --w W2 ... [--beta B]
// X, W: comma-separated numbers of equal length. Prints, for each w (in order), its score w.x
// and its penalties (core/regularizer.h with lambda = 1): l2 = sum w^2, l1 = sum |w|,
// elastic = sum beta w^2 + |w| (beta 0.5 by default, as in a scene file).
#include <memory>
#include <stdexcept>

#include "app/cli/command_registry.h"
#include "app/cli/json_out.h"
#include "core/lab/number_text.h"
#include "core/lab/reg_questions.h"

namespace ll::cli {

namespace {

Eigen::VectorXd read_vector(const std::string& text, const std::string& name) {
  std::vector<double> v;
  if (std::string err = lab::parse_number_list(text, ',', v); !err.empty())
    throw UsageError("reg: " + name + ": " + err);
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

void register_reg(CLI::App& app, int& exit_code) {
  struct Args {
    std::string x;
    std::vector<std::string> w;
    double beta = 0.5;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "reg", "Print w.x and the L2, L1 and elastic-net penalties of weight vectors as JSON");
  cmd->add_option("--x", args->x, "comma-separated input x")->required();
  cmd->add_option("--w", args->w, "comma-separated weights w (repeat for each w)")
      ->required()
      ->take_all();
  cmd->add_option("--beta", args->beta, "elastic-net beta in [0, 1e6] (default 0.5)")
      ->check(in_range(limits::kElasticBeta));
  cmd->callback([args, &exit_code] {
    const Eigen::VectorXd x = read_vector(args->x, "--x");
    std::vector<Eigen::VectorXd> ws;
    for (std::size_t i = 0; i < args->w.size(); ++i)
      ws.push_back(read_vector(args->w[i], "--w #" + std::to_string(i + 1)));
    std::vector<lab::RegRow> rows;
    try {
      rows = lab::reg_rows(x, ws, args->beta);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("reg: ") + e.what());
    }
    nlohmann::json list = nlohmann::json::array();
    for (const lab::RegRow& r : rows)
      list.push_back({{"dot", r.dot}, {"l2", r.l2}, {"l1", r.l1}, {"elastic", r.elastic}});
    nlohmann::json out = {{"weights", std::move(list)}};
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("reg: " + bad +
                               " is not finite (the numbers overflow); nothing printed");
    write_output("", out.dump() + "\n");
    exit_code = 0;
  });
}

}  // namespace ll::cli
