#include "core/images/model_io.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/images/idx.h"

namespace ll::images {

namespace {

using json = nlohmann::json;

constexpr const char* kFormat = "losslab-image-model";
constexpr std::size_t kMaxModelBytes = 256u << 20;

[[noreturn]] void fail(const std::string& what) { throw ModelFileError(what); }

double number(const json& v, const std::string& where) {
  if (!v.is_number()) fail(where + " must be a number");
  const double d = v.get<double>();
  if (!std::isfinite(d)) fail(where + " must be finite");
  return d;
}

long long integer(const json& v, const std::string& where, long long lo, long long hi) {
  if (!v.is_number_integer() && !v.is_number_unsigned()) fail(where + " must be an integer");
  const long long i = v.is_number_unsigned() && v.get<unsigned long long>() > 1ull << 62
                          ? hi + 1
                          : v.get<long long>();
  if (i < lo || i > hi)
    fail(where + " = " + std::to_string(i) + " is out of range [" + std::to_string(lo) + ", " +
         std::to_string(hi) + "]");
  return i;
}

const json& field(const json& o, const char* key) {
  const auto it = o.find(key);
  if (it == o.end()) fail(std::string("missing \"") + key + "\"");
  return *it;
}

std::string text(const json& v, const std::string& where) {
  if (!v.is_string()) fail(where + " must be a string");
  return v.get<std::string>();
}

json loss_json(const LossSettings& s) {
  return {{"kind", to_string(s.kind)}, {"delta", s.delta},   {"squared", s.squared},
          {"reg", to_string(s.reg)},   {"lambda", s.lambda}, {"elastic_beta", s.elastic_beta},
          {"gamma", s.gamma},          {"alpha", s.alpha},   {"class_weights", s.class_weights}};
}

json optimizer_json(const OptimizerSettings& o) {
  return {{"kind", to_string(o.kind)}, {"lr", o.lr},       {"batch", o.batch},
          {"momentum", o.momentum},    {"beta1", o.beta1}, {"beta2", o.beta2},
          {"epsilon", o.epsilon},      {"seed", o.seed},   {"max_norm", o.max_norm}};
}

// Settings are informative: present keys are checked, missing ones keep their defaults.
LossSettings loss_from(const json& j) {
  LossSettings s;
  if (!j.is_object()) fail("\"loss\" must be an object");
  if (j.contains("kind") && !parse(text(j["kind"], "loss.kind"), s.kind))
    fail("loss.kind: unknown loss " + j["kind"].get<std::string>());
  if (j.contains("reg") && !parse(text(j["reg"], "loss.reg"), s.reg))
    fail("loss.reg: unknown regularizer " + j["reg"].get<std::string>());
  if (j.contains("squared")) {
    if (!j["squared"].is_boolean()) fail("loss.squared must be true or false");
    s.squared = j["squared"].get<bool>();
  }
  for (auto [key, out] : {std::pair{"delta", &s.delta}, std::pair{"lambda", &s.lambda},
                          std::pair{"elastic_beta", &s.elastic_beta}, std::pair{"gamma", &s.gamma},
                          std::pair{"alpha", &s.alpha}})
    if (j.contains(key)) *out = number(j[key], std::string("loss.") + key);
  if (j.contains("class_weights")) {
    if (!j["class_weights"].is_array() || j["class_weights"].size() > 10)
      fail("loss.class_weights must be a list of at most 10 numbers");
    for (const json& w : j["class_weights"]) s.class_weights.push_back(number(w, "a class weight"));
  }
  return s;
}

OptimizerSettings optimizer_from(const json& j) {
  OptimizerSettings o;
  if (!j.is_object()) fail("\"optimizer\" must be an object");
  if (j.contains("kind") && !parse(text(j["kind"], "optimizer.kind"), o.kind))
    fail("optimizer.kind: unknown optimizer " + j["kind"].get<std::string>());
  for (auto [key, out] : {std::pair{"lr", &o.lr}, std::pair{"momentum", &o.momentum},
                          std::pair{"beta1", &o.beta1}, std::pair{"beta2", &o.beta2},
                          std::pair{"epsilon", &o.epsilon}, std::pair{"max_norm", &o.max_norm}})
    if (j.contains(key)) *out = number(j[key], std::string("optimizer.") + key);
  if (j.contains("batch"))
    o.batch = static_cast<int>(integer(j["batch"], "optimizer.batch", 1, 1 << 30));
  if (j.contains("seed"))
    o.seed = static_cast<std::uint64_t>(integer(j["seed"], "optimizer.seed", 0, 1ll << 62));
  return o;
}

}  // namespace

std::string model_to_json(const ModelFile& f) {
  json W = json::array();
  for (Eigen::Index k = 0; k < f.model.W.rows(); ++k) {
    json row = json::array();
    for (Eigen::Index d = 0; d < f.model.W.cols(); ++d) row.push_back(f.model.W(k, d));
    W.push_back(std::move(row));
  }
  json b = json::array();
  for (Eigen::Index k = 0; k < f.model.b.size(); ++k) b.push_back(f.model.b(k));
  json j = {{"format", kFormat},
            {"version", 1},
            {"rows", f.rows},
            {"cols", f.cols},
            {"class_names", f.class_names},
            {"W", std::move(W)},
            {"b", std::move(b)},
            {"loss", loss_json(f.settings.loss)},
            {"optimizer", optimizer_json(f.settings.optimizer)},
            {"init", to_string(f.settings.init)},
            {"steps", f.steps},
            {"center", f.centered()}};
  if (f.mean.size() > 0) {
    json mean = json::array();
    for (Eigen::Index d = 0; d < f.mean.size(); ++d) mean.push_back(static_cast<double>(f.mean(d)));
    j["mean"] = std::move(mean);
  }
  return j.dump() + "\n";
}

ModelFile model_from_json(const std::string& s) {
  json j;
  try {
    j = json::parse(s);
  } catch (const json::exception& e) {
    fail(std::string("not JSON: ") + e.what());
  }
  if (!j.is_object()) fail("not a model file (expected a JSON object)");
  if (!j.contains("format") || !j["format"].is_string() || j["format"] != kFormat)
    fail(std::string("not a model file (\"format\" must be \"") + kFormat + "\")");
  if (integer(field(j, "version"), "version", 1, 1000) != 1)
    fail("model file version " + j["version"].dump() + " (this LossLab reads version 1)");
  ModelFile f;
  f.rows = static_cast<int>(integer(field(j, "rows"), "rows", 1, kIdxMaxSide));
  f.cols = static_cast<int>(integer(field(j, "cols"), "cols", 1, kIdxMaxSide));
  const long long D = static_cast<long long>(f.rows) * f.cols;
  const json& W = field(j, "W");
  if (!W.is_array() || W.size() < static_cast<std::size_t>(kMinClasses) ||
      W.size() > static_cast<std::size_t>(kMaxClasses))
    fail("\"W\" must be a list of 2 to 10 rows");
  const auto K = static_cast<Eigen::Index>(W.size());
  f.model.W.resize(K, D);
  for (Eigen::Index k = 0; k < K; ++k) {
    const json& row = W[static_cast<std::size_t>(k)];
    if (!row.is_array() || static_cast<long long>(row.size()) != D)
      fail("W row " + std::to_string(k) + " must have rows x cols = " + std::to_string(D) +
           " numbers");
    for (Eigen::Index d = 0; d < D; ++d)
      f.model.W(k, d) = number(row[static_cast<std::size_t>(d)], "W[" + std::to_string(k) + "]");
  }
  const json& b = field(j, "b");
  if (!b.is_array() || static_cast<Eigen::Index>(b.size()) != K)
    fail("\"b\" must have one number per row of W (" + std::to_string(K) + ")");
  f.model.b.resize(K);
  for (Eigen::Index k = 0; k < K; ++k) f.model.b(k) = number(b[static_cast<std::size_t>(k)], "b");
  const json& names = field(j, "class_names");
  if (!names.is_array() || static_cast<Eigen::Index>(names.size()) != K)
    fail("\"class_names\" must have one name per row of W (" + std::to_string(K) + ")");
  for (const json& n : names) {
    std::string name = text(n, "a class name");
    if (name.size() > kMaxClassNameBytes) fail("a class name is longer than 64 bytes");
    f.class_names.push_back(std::move(name));
  }
  if (j.contains("mean")) {
    const json& mean = j["mean"];
    if (!mean.is_array() || static_cast<long long>(mean.size()) != D)
      fail("\"mean\" must have rows x cols = " + std::to_string(D) + " numbers");
    f.mean.resize(D);
    for (Eigen::Index d = 0; d < D; ++d)
      f.mean(d) = static_cast<float>(number(mean[static_cast<std::size_t>(d)], "mean"));
  }
  // "center" (written since centring became the default) must agree with "mean"; older files
  // without it are centred exactly when they hold a mean.
  if (j.contains("center")) {
    const json& c = j["center"];
    if (!c.is_boolean()) fail("\"center\" must be true or false");
    if (c.get<bool>() != f.centered())
      fail(c.get<bool>() ? "\"center\" is true but there is no \"mean\""
                         : "\"center\" is false but there is a \"mean\"");
  }
  if (j.contains("loss")) f.settings.loss = loss_from(j["loss"]);
  if (j.contains("optimizer")) f.settings.optimizer = optimizer_from(j["optimizer"]);
  if (j.contains("init") && !parse(text(j["init"], "init"), f.settings.init))
    fail("init must be \"zero\" or \"small\"");
  if (j.contains("steps")) f.steps = static_cast<long>(integer(j["steps"], "steps", 0, 1ll << 50));
  if (!f.settings.loss.class_weights.empty() &&
      static_cast<Eigen::Index>(f.settings.loss.class_weights.size()) != K)
    fail("loss.class_weights must have one weight per class");
  return f;
}

ModelFile load_model_file(const std::string& path) {
  std::string s;
  try {
    s = read_file(path, kMaxModelBytes);
  } catch (const std::runtime_error& e) {
    throw ModelFileError(e.what());
  }
  try {
    return model_from_json(s);
  } catch (const ModelFileError& e) {
    throw ModelFileError(path + ": " + e.what());
  }
}

}  // namespace ll::images
