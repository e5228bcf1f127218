#include "core/race_spec.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/limits.h"

namespace ll {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, sep)) out.push_back(item);
  if (s.empty() || s.back() == sep) out.emplace_back();  // "" is one empty item, "a," two
  return out;
}

bool number(const std::string& s, double& v) {
  if (s.empty() || s.size() > 64) return false;
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(v);
}

std::string range_text(const limits::Range& r, bool open_lo) {
  std::ostringstream o;
  o << (open_lo ? "(" : "[") << r.lo << ", " << r.hi << "]";
  return o.str();
}

// Sets one KEY=VALUE of a run; "" or what is wrong.
std::string set_key(const std::string& key, const std::string& value, RaceRunSettings& s) {
  if (key == "loss") {
    LossKind k;
    if (!parse(value, k))
      return "unknown loss '" + value + "' (use ww, ova, structured, softmax, sigmoid, focal)";
    s.loss.kind = k;
    return {};
  }
  double v = 0.0;
  if (!number(value, v)) return key + "=" + value + ": not a number";
  const auto in = [&](const limits::Range& r, bool open_lo, double& field) -> std::string {
    if (!r.contains(v) || (open_lo && !(v > r.lo)))
      return key + " must be in " + range_text(r, open_lo) + ", not " + value;
    field = v;
    return {};
  };
  if (key == "lr") return in(limits::kLr, true, s.optimizer.lr);
  if (key == "momentum") return in(limits::kMomentum, false, s.optimizer.momentum);
  if (key == "beta1") return in(limits::kBeta, false, s.optimizer.beta1);
  if (key == "beta2") return in(limits::kBeta, false, s.optimizer.beta2);
  if (key == "delta") return in(limits::kDelta, false, s.loss.delta);
  if (key == "reg") return in(limits::kReg, false, s.loss.lambda);
  if (key == "gamma") return in(limits::kGamma, false, s.loss.gamma);
  if (key == "alpha") return in(limits::kAlpha, true, s.loss.alpha);
  if (key == "batch" || key == "seed") {
    const double hi = key == "batch" ? static_cast<double>(limits::kMaxBatch)
                                     : static_cast<double>(limits::kMaxSeed);
    const double lo = key == "batch" ? 1.0 : 0.0;
    if (v != std::floor(v) || v < lo || v > hi)
      return key + " must be a whole number in [" +
             (key == "batch" ? "1, 1000000" : "0, 2^63 - 1") + "], not " + value;
    if (key == "batch")
      s.optimizer.batch = static_cast<int>(v);
    else
      s.optimizer.seed = static_cast<std::uint64_t>(v);
    return {};
  }
  return "unknown setting '" + key +
         "' (use lr, batch, momentum, beta1, beta2, seed, loss, delta, reg, gamma, alpha)";
}

}  // namespace

std::string parse_race_runs(const std::string& text, const RaceRunSettings& base,
                            std::vector<RaceRunSettings>& out) {
  out.clear();
  if (text.empty()) return "no runs (e.g. gd,momentum,adam)";
  for (const std::string& run : split(text, ',')) {
    const std::vector<std::string> parts = split(run, ':');
    const std::string& name = parts.front();
    const std::string where = "'" + run + "': ";
    if (name.empty()) return where + "a run needs a name (gd, sgd, momentum, adam or a loss)";
    RaceRunSettings s;
    if (!race_optimizer(name, base, s) && !race_loss(name, base, s))
      return where + "unknown optimizer or loss '" + name +
             "' (use gd, sgd, momentum, adam, ww, ova, structured, softmax, sigmoid, focal)";
    for (std::size_t i = 1; i < parts.size(); ++i) {
      const std::string& p = parts[i];
      const auto eq = p.find('=');
      // NAME:NUMBER, the older form of NAME:lr=NUMBER.
      const std::string key = eq == std::string::npos && parts.size() == 2 ? "lr" : p.substr(0, eq);
      const std::string value = eq == std::string::npos ? p : p.substr(eq + 1);
      if (eq == std::string::npos && parts.size() != 2)
        return where + "'" + p + "': use KEY=VALUE (e.g. lr=0.01)";
      if (const std::string e = set_key(key, value, s); !e.empty()) return where + e;
    }
    out.push_back(s);
    if (out.size() > static_cast<std::size_t>(kMaxRaceRuns))
      return "more than " + std::to_string(kMaxRaceRuns) + " runs";
  }
  return {};
}

}  // namespace ll
