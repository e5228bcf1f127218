#include "core/scene_io.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/atomic_file.h"

namespace ll {

using nlohmann::json;

namespace {

class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw LoadError(source_ + ": " + (where.empty() ? "" : where + ": ") + what);
  }

  double number(const json& v, const std::string& where) const {
    if (!v.is_number()) fail(where, "expected a number, got " + type_name(v));
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail(where, "number is not finite");
    return d;
  }

  double number_in(const json& v, const std::string& where, double lo, double hi) const {
    const double d = number(v, where);
    if (d < lo || d > hi) {
      fail(where, format(d) + " is out of range [" + format(lo) + ", " + format(hi) + "]");
    }
    return d;
  }

  long long integer(const json& v, const std::string& where, long long lo, long long hi) const {
    if (!v.is_number_integer()) fail(where, "expected an integer, got " + type_name(v));
    if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(hi)) {
      fail(where, v.dump() + " is out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    }
    const long long i = v.get<long long>();
    if (i < lo || i > hi) {
      fail(where, std::to_string(i) + " is out of range [" + std::to_string(lo) + ", " +
                      std::to_string(hi) + "]");
    }
    return i;
  }

  std::string string(const json& v, const std::string& where) const {
    if (!v.is_string()) fail(where, "expected a string, got " + type_name(v));
    return v.get<std::string>();
  }

  static std::string type_name(const json& v) {
    if (v.is_number()) return "a number";
    return std::string(v.is_null() ? "null" : v.is_object() ? "an object"
                                            : v.is_array()  ? "an array"
                                            : v.is_string() ? "a string"
                                            : v.is_boolean() ? "a boolean"
                                                             : v.type_name());
  }

  static std::string format(double d) {
    std::ostringstream os;
    os << d;
    return os.str();
  }

 private:
  const std::string& source_;
};

template <class E>
E enum_field(const Reader& r, const json& v, const std::string& where, const char* choices) {
  const std::string s = r.string(v, where);
  E out{};
  if (!parse(s, out)) r.fail(where, "unknown value \"" + s + "\" (expected " + choices + ")");
  return out;
}

}  // namespace

LoadResult parse_scene_json(std::string_view text, const std::string& source) {
  const Reader r(source);
  if (text.size() > kMaxFileBytes) r.fail("", "input is larger than the 256 MiB limit");
  json doc;
  try {
    const json::parser_callback_t depth_guard = [&](int depth, json::parse_event_t, json&) {
      if (depth > kMaxJsonDepth) {
        throw LoadError(source + ": nesting deeper than " + std::to_string(kMaxJsonDepth) +
                        " levels");
      }
      return true;
    };
    doc = json::parse(text.begin(), text.end(), depth_guard);
  } catch (const json::exception& e) {  // parse errors, number overflow (1e999)
    // e.what() reads "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
    std::string msg = e.what();
    const auto pos = msg.find("] ");
    if (pos != std::string::npos) msg = msg.substr(pos + 2);
    r.fail("", "invalid JSON: " + msg);
  }
  if (!doc.is_object()) r.fail("", "expected a JSON object at the top level");

  LoadResult out;
  Scene& s = out.scene;
  s = default_scene();
  s.points.clear();

  static const std::set<std::string> known = {
      "points", "W", "b", "loss", "reg", "reg_kind", "delta", "squared", "elastic_beta", "lr",
      "optimizer", "batch", "momentum", "beta1", "beta2", "epsilon", "seed", "class_names",
      "version"};
  for (const auto& [key, value] : doc.items()) {
    if (!known.contains(key)) out.warnings.push_back(source + ": unknown field \"" + key + "\" ignored");
  }

  // Weights first: they fix K.
  int K = 0;
  if (doc.contains("W")) {
    const json& w = doc["W"];
    if (!w.is_array()) r.fail("W", "expected an array of [w0, w1] rows, got " + Reader::type_name(w));
    if (w.size() < static_cast<std::size_t>(kMinClasses) || w.size() > static_cast<std::size_t>(kMaxClasses)) {
      r.fail("W", "has " + std::to_string(w.size()) + " rows; the number of classes must be 2 to 8");
    }
    K = static_cast<int>(w.size());
    s.params.W.resize(K, 2);
    for (int k = 0; k < K; ++k) {
      const std::string where = "W[" + std::to_string(k) + "]";
      const json& row = w[static_cast<std::size_t>(k)];
      if (!row.is_array() || row.size() != 2) r.fail(where, "expected a row of 2 numbers");
      s.params.W(k, 0) = r.number_in(row[0], where + "[0]", -kParamBound, kParamBound);
      s.params.W(k, 1) = r.number_in(row[1], where + "[1]", -kParamBound, kParamBound);
    }
    if (doc.contains("b")) {
      const json& b = doc["b"];
      if (!b.is_array()) r.fail("b", "expected an array of numbers, got " + Reader::type_name(b));
      if (b.size() != static_cast<std::size_t>(K)) {
        r.fail("b", "has " + std::to_string(b.size()) + " entries but W has " + std::to_string(K) +
                        " rows");
      }
      s.params.b.resize(K);
      for (int k = 0; k < K; ++k) {
        s.params.b(k) = r.number_in(b[static_cast<std::size_t>(k)], "b[" + std::to_string(k) + "]",
                                    -kParamBound, kParamBound);
      }
    } else {
      s.params.b = BiasVector::Zero(K);
    }
  } else if (doc.contains("b")) {
    r.fail("b", "given without W");
  }

  if (doc.contains("points")) {
    const json& pts = doc["points"];
    if (!pts.is_array()) r.fail("points", "expected an array, got " + Reader::type_name(pts));
    if (pts.size() > kMaxPoints) {
      r.fail("points", "has " + std::to_string(pts.size()) + " points; the limit is 1000000");
    }
    s.points.reserve(pts.size());
    const int max_label = (K > 0 ? K : kMaxClasses) - 1;
    for (std::size_t i = 0; i < pts.size(); ++i) {
      const std::string where = "points[" + std::to_string(i) + "]";
      const json& p = pts[i];
      if (!p.is_object()) r.fail(where, "expected an object {\"x\", \"y\", \"label\"}");
      for (const char* f : {"x", "y", "label"}) {
        if (!p.contains(f)) r.fail(where, std::string("missing \"") + f + "\"");
      }
      Point pt;
      pt.x0 = r.number_in(p["x"], where + ".x", -kMaxCoordinate, kMaxCoordinate);
      pt.x1 = r.number_in(p["y"], where + ".y", -kMaxCoordinate, kMaxCoordinate);
      pt.label = static_cast<int>(r.integer(p["label"], where + ".label", 0, max_label));
      s.points.push_back(pt);
    }
  }
  if (K == 0) {  // no W: K from the labels, the demo's weights for 3 classes
    int max_label = 0;
    for (const Point& p : s.points) max_label = std::max(max_label, p.label);
    K = s.points.empty() ? 3 : std::max(max_label + 1, kMinClasses);
    s.params = default_params(K);
  }

  LossSettings& l = s.loss;
  if (doc.contains("loss")) l.kind = enum_field<LossKind>(r, doc["loss"], "loss", "ww, ova, structured or softmax");
  if (doc.contains("reg")) l.lambda = r.number_in(doc["reg"], "reg", 0.0, 1e6);
  if (doc.contains("reg_kind")) l.reg = enum_field<RegKind>(r, doc["reg_kind"], "reg_kind", "l2, l1 or elastic");
  if (doc.contains("delta")) l.delta = r.number_in(doc["delta"], "delta", 0.0, 1e6);
  if (doc.contains("elastic_beta")) l.elastic_beta = r.number_in(doc["elastic_beta"], "elastic_beta", 0.0, 1e6);
  if (doc.contains("squared")) {
    if (!doc["squared"].is_boolean()) r.fail("squared", "expected true or false");
    l.squared = doc["squared"].get<bool>();
  }

  OptimizerSettings& o = s.optimizer;
  if (doc.contains("optimizer")) o.kind = enum_field<OptimizerKind>(r, doc["optimizer"], "optimizer", "gd, sgd, momentum or adam");
  if (doc.contains("lr")) {
    o.lr = r.number_in(doc["lr"], "lr", 0.0, 1e6);
    if (o.lr <= 0.0) r.fail("lr", "the step size must be positive");
  }
  if (doc.contains("batch")) o.batch = static_cast<int>(r.integer(doc["batch"], "batch", 1, static_cast<long long>(kMaxPoints)));
  if (doc.contains("momentum")) o.momentum = r.number_in(doc["momentum"], "momentum", 0.0, 0.999999);
  if (doc.contains("beta1")) o.beta1 = r.number_in(doc["beta1"], "beta1", 0.0, 0.999999);
  if (doc.contains("beta2")) o.beta2 = r.number_in(doc["beta2"], "beta2", 0.0, 0.999999);
  if (doc.contains("epsilon")) o.epsilon = r.number_in(doc["epsilon"], "epsilon", 1e-300, 1.0);
  if (doc.contains("seed")) o.seed = static_cast<std::uint64_t>(r.integer(doc["seed"], "seed", 0, INT64_MAX));

  if (doc.contains("class_names")) {
    const json& names = doc["class_names"];
    if (!names.is_array() || names.size() != static_cast<std::size_t>(K)) {
      r.fail("class_names", "expected an array of " + std::to_string(K) + " strings");
    }
    for (std::size_t k = 0; k < names.size(); ++k) {
      s.class_names.push_back(r.string(names[k], "class_names[" + std::to_string(k) + "]"));
    }
  }
  return out;
}

LoadResult parse_points_csv(std::string_view text, const std::string& source) {
  if (text.size() > kMaxFileBytes) throw LoadError(source + ": input is larger than the 256 MiB limit");
  LoadResult out;
  Scene& s = out.scene;
  s = default_scene();
  s.points.clear();
  std::size_t line_no = 0;
  std::size_t pos = 0;
  bool first_data_line = true;
  auto fail = [&](const std::string& what) {
    throw LoadError(source + ": line " + std::to_string(line_no) + ": " + what);
  };
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;

    std::string_view fields[3];
    std::size_t count = 0, start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      std::string_view f = line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      const auto a = f.find_first_not_of(" \t"), b = f.find_last_not_of(" \t");
      f = a == std::string_view::npos ? std::string_view{} : f.substr(a, b - a + 1);
      if (count < 3) fields[count] = f;
      ++count;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    double x = 0, y = 0;
    long label = 0;
    auto num = [](std::string_view f, double& v) {
      if (!f.empty() && f.front() == '+') f.remove_prefix(1);
      auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
      return ec == std::errc() && p == f.data() + f.size() && !f.empty();
    };
    auto integer = [](std::string_view f, long& v) {
      auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
      return ec == std::errc() && p == f.data() + f.size() && !f.empty();
    };
    const bool numeric = count >= 1 && num(fields[0], x);
    double scratch = 0.0;
    const bool header = first_data_line && !numeric &&
                        !(count >= 2 && num(fields[1], scratch)) && !(count >= 3 && num(fields[2], scratch));
    if (header) {  // e.g. "x,y,label": no field is a number
      first_data_line = false;
      continue;
    }
    first_data_line = false;
    if (count != 3) fail("expected 3 fields x,y,label, found " + std::to_string(count));
    if (!numeric) fail("x \"" + std::string(fields[0]) + "\" is not a number");
    if (!num(fields[1], y)) fail("y \"" + std::string(fields[1]) + "\" is not a number");
    if (!std::isfinite(x) || !std::isfinite(y)) fail("coordinates must be finite");
    if (std::abs(x) > kMaxCoordinate || std::abs(y) > kMaxCoordinate) {
      fail("coordinates must be within +-1e6");
    }
    if (!integer(fields[2], label)) fail("label \"" + std::string(fields[2]) + "\" is not an integer");
    if (label < 0 || label >= kMaxClasses) fail("label " + std::to_string(label) + " is out of range [0, 7]");
    if (s.points.size() >= kMaxPoints) fail("more than 1000000 points");
    s.points.push_back({x, y, static_cast<int>(label)});
  }
  int max_label = 0;
  for (const Point& p : s.points) max_label = std::max(max_label, p.label);
  s.params = default_params(std::max(max_label + 1, kMinClasses));
  return out;
}

LoadResult load_scene(const std::filesystem::path& path) {
  std::string text;
  try {
    text = read_file(path, kMaxFileBytes);
  } catch (const std::runtime_error& e) {
    throw LoadError(e.what());
  }
  const std::string name = path.string();
  if (path.extension() == ".csv") return parse_points_csv(text, name);
  return parse_scene_json(text, name);
}

std::string scene_to_json(const Scene& s) {
  // Hand-laid-out for people who edit scenes: settings first, one point per line. Every value
  // is written by nlohmann (shortest text that reads back to the same double).
  json w = json::array();
  for (int k = 0; k < s.classes(); ++k) w.push_back({s.params.W(k, 0), s.params.W(k, 1)});
  const json b = std::vector<double>(s.params.b.data(), s.params.b.data() + s.params.b.size());
  const std::pair<const char*, json> fields[] = {
      {"version", 1},
      {"loss", to_string(s.loss.kind)},
      {"delta", s.loss.delta},
      {"squared", s.loss.squared},
      {"reg", s.loss.lambda},
      {"reg_kind", to_string(s.loss.reg)},
      {"elastic_beta", s.loss.elastic_beta},
      {"optimizer", to_string(s.optimizer.kind)},
      {"lr", s.optimizer.lr},
      {"batch", s.optimizer.batch},
      {"momentum", s.optimizer.momentum},
      {"beta1", s.optimizer.beta1},
      {"beta2", s.optimizer.beta2},
      {"epsilon", s.optimizer.epsilon},
      {"seed", s.optimizer.seed},
      {"W", w},
      {"b", b},
  };
  std::string out = "{\n";
  for (const auto& [key, value] : fields) {
    out += "  \"" + std::string(key) + "\": " + value.dump() + ",\n";
  }
  if (!s.class_names.empty()) out += "  \"class_names\": " + json(s.class_names).dump() + ",\n";
  out += "  \"points\": [";
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const Point& p = s.points[i];
    out += (i == 0 ? "\n    " : ",\n    ");
    out += "{\"x\": " + json(p.x0).dump() + ", \"y\": " + json(p.x1).dump() +
           ", \"label\": " + std::to_string(p.label) + "}";
  }
  out += s.points.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

void save_scene(const Scene& scene, const std::filesystem::path& path) {
  write_file_atomic(path, scene_to_json(scene));
}

}  // namespace ll
