// losslab dist --p P [--q Q] [--log 2|e|10] [--normalize]
// P, Q: comma-separated probabilities over 2..10 outcomes (non-negative, summing to 1 within
// 1e-9, or any positive sum with --normalize). Prints entropy_p, and with --q entropy_q,
// cross_entropy H(p,q), cross_entropy_reverse H(q,p), kl D(p||q) and kl_reverse D(q||p), in
// base 2 (default), e or 10; an infinite value is the JSON string "inf" (the reason goes to
// stderr as a note).
#include <iostream>
#include <memory>
#include <stdexcept>

#include "app/cli/command_registry.h"
#include "app/cli/json_out.h"
#include "core/lab/distributions.h"
#include "core/lab/number_text.h"

namespace ll::cli {

namespace {

std::vector<double> read_distribution(const std::string& text, const std::string& name,
                                      bool normalize) {
  std::vector<double> p;
  if (std::string err = lab::parse_number_list(text, ',', p); !err.empty())
    throw UsageError("dist: --" + name + ": " + err);
  if (std::string err = lab::check_distribution(p, normalize, name); !err.empty())
    throw UsageError("dist: " + err);
  return normalize ? lab::normalized(p) : p;
}

nlohmann::json value_json(const lab::InfoValue& v, const char* key) {
  if (!v.infinite()) return v.value;
  std::cerr << "losslab: note: dist: " << key << " is infinite: " << v.reason << "\n";
  return "inf";
}

}  // namespace

void register_dist(CLI::App& app, int& exit_code) {
  struct Args {
    std::string p, q, log = "2";
    bool normalize = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "dist",
      "Print the entropies, cross-entropies and KL divergences of two discrete distributions "
      "as JSON");
  cmd->add_option("--p", args->p, "comma-separated probabilities p (2 to 10 outcomes)")->required();
  cmd->add_option("--q", args->q, "comma-separated probabilities q (as many outcomes as p)");
  cmd->add_option("--log", args->log, "logarithm base: 2 (bits, default), e (nats) or 10")
      ->check(CLI::IsMember({"2", "e", "10"}));
  cmd->add_flag("--normalize", args->normalize, "rescale P and Q to sum to 1");
  cmd->callback([args, cmd, &exit_code] {
    lab::LogBase base{};
    lab::parse(args->log, base);
    const std::vector<double> p = read_distribution(args->p, "p", args->normalize);
    nlohmann::json out;
    if (cmd->count("--q") == 0) {
      out["entropy_p"] = value_json(lab::entropy(p, base), "entropy_p");
    } else {
      const std::vector<double> q = read_distribution(args->q, "q", args->normalize);
      if (q.size() != p.size())
        throw UsageError("dist: p has " + std::to_string(p.size()) + " outcomes and q has " +
                         std::to_string(q.size()) + " (they need the same number)");
      const lab::DistributionReport r = lab::compare(p, q, base);
      out["entropy_p"] = value_json(r.entropy_p, "entropy_p");
      out["entropy_q"] = value_json(r.entropy_q, "entropy_q");
      out["cross_entropy"] = value_json(r.cross_entropy, "cross_entropy");
      out["cross_entropy_reverse"] = value_json(r.cross_entropy_reverse, "cross_entropy_reverse");
      out["kl"] = value_json(r.kl, "kl");
      out["kl_reverse"] = value_json(r.kl_reverse, "kl_reverse");
    }
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("dist: " + bad + " is not finite; nothing printed");
    write_output("", out.dump() + "\n");
    exit_code = 0;
  });
}

}  // namespace ll::cli
