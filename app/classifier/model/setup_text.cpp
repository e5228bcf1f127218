#include "app/classifier/model/setup_text.h"

#include <nlohmann/json.hpp>

#include "core/share.h"

namespace ll::gui {

std::string view_json(const AppState& st) {
  const ViewOptions& o = st.options;
  const LandscapeView& lv = st.landscape;
  nlohmann::json v;
  v["regions"] = o.regions == RegionMode::Argmax       ? "argmax"
                 : o.regions == RegionMode::Confidence ? "confidence"
                                                       : "score";
  v["score_class"] = o.score_class;
  v["grid"] = o.grid;
  v["axes"] = o.axes;
  v["margins"] = o.margins;
  v["pull_arrows"] = o.pull_arrows;
  v["new_point_class"] = st.new_point_class;
  nlohmann::json l;
  l["random"] = lv.slice.random;
  l["follow_class"] = lv.follow_class;
  l["x"] = to_string(lv.slice.x);
  l["y"] = to_string(lv.slice.y);
  l["seed"] = lv.slice.seed;
  l["one_d"] = lv.slice.one_d;
  l["range"] = lv.slice.range;
  l["grid"] = lv.slice.grid;
  v["landscape"] = l;
  return v.dump();
}

void apply_view_json(AppState& st, const std::string& json) {
  const nlohmann::json v = nlohmann::json::parse(json, nullptr, false);
  if (!v.is_object()) return;
  const int K = st.scene.classes();
  const auto get = [](const nlohmann::json& o, const char* key, auto& out) {
    using T = std::decay_t<decltype(out)>;
    const auto it = o.find(key);
    if (it == o.end()) return;
    if constexpr (std::is_same_v<T, bool>) {
      if (it->is_boolean()) out = it->template get<bool>();
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (it->is_string()) out = it->template get<std::string>();
    } else {
      if (it->is_number()) out = it->template get<T>();
    }
  };
  ViewOptions& o = st.options;
  std::string regions;
  get(v, "regions", regions);
  if (regions == "argmax") o.regions = RegionMode::Argmax;
  if (regions == "confidence") o.regions = RegionMode::Confidence;
  if (regions == "score") o.regions = RegionMode::Score;
  get(v, "score_class", o.score_class);
  o.score_class = std::clamp(o.score_class, 0, K - 1);
  get(v, "grid", o.grid);
  get(v, "axes", o.axes);
  get(v, "margins", o.margins);
  get(v, "pull_arrows", o.pull_arrows);
  get(v, "new_point_class", st.new_point_class);
  st.new_point_class = std::clamp(st.new_point_class, 0, K - 1);
  const auto it = v.find("landscape");
  if (it == v.end() || !it->is_object()) return;
  LandscapeView& lv = st.landscape;
  LandscapeSlice s = lv.slice;
  get(*it, "random", s.random);
  get(*it, "follow_class", lv.follow_class);
  std::string x, y;
  get(*it, "x", x);
  get(*it, "y", y);
  ParamRef p;
  if (parse_param(x, K, p).empty()) s.x = p;
  if (parse_param(y, K, p).empty()) s.y = p;
  get(*it, "seed", s.seed);
  get(*it, "one_d", s.one_d);
  get(*it, "range", s.range);
  get(*it, "grid", s.grid);
  if (check_slice(s, K).empty()) lv.slice = s;
}

std::string setup_text(const AppState& st) { return encode_share(st.scene, view_json(st)); }

std::string open_setup_text(AppState& st, const std::string& text) {
  SharedSetup setup;
  try {
    setup = decode_share(text);
  } catch (const ShareError& e) {
    return e.what();
  }
  st.loaded = setup.scene;  // "Reset scene" returns to the pasted setup
  st.replace_scene(std::move(setup.scene));
  if (!setup.view_json.empty()) apply_view_json(st, setup.view_json);
  st.status = "Opened a pasted setup (" + std::to_string(st.scene.points.size()) + " points, " +
              std::to_string(st.scene.classes()) + " classes); Ctrl+Z undoes it.";
  if (!setup.warnings.empty()) st.status += " " + setup.warnings.front();
  return {};
}

}  // namespace ll::gui
