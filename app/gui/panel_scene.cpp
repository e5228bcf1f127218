// Data and view: presets, generator, number of classes, class of new points, open/save/import
// through a path field, and the canvas view options.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <exception>
#include <string>

#include "app/gui/canvas.h"
#include "app/gui/panels.h"
#include "app/gui/scene_edit.h"
#include "core/datasets.h"
#include "core/scene_io.h"

namespace ll::gui {

namespace {
constexpr double kSpreadMin = 0.01, kSpreadMax = 1.0;
}  // namespace

void open_scene_file(AppState& st, Canvas& canvas) {
  try {
    LoadResult r = load_scene(st.path);
    st.status = "Opened " + st.path;
    for (const std::string& w : r.warnings) st.status += "\nwarning: " + w;
    st.loaded = r.scene;
    st.replace_scene(std::move(r.scene));
    canvas.reset_anchors();
  } catch (const std::exception& e) {
    st.status = std::string("Cannot open: ") + e.what();
  }
}

void save_scene_file(AppState& st) {
  try {
    save_scene(st.scene, st.path);
    st.status = "Saved " + st.path;
  } catch (const std::exception& e) {
    st.status = std::string("Cannot save: ") + e.what();
  }
}

void panel_scene(AppState& st, const Fonts&, Canvas& canvas) {
  const float fs = ImGui::GetFontSize();
  ImGui::TextDisabled("Presets");
  static int preset = 0;
  const std::vector<std::string> names = preset_names();
  ImGui::SetNextItemWidth(fs * 10);
  if (ImGui::BeginCombo("##preset", names[std::min<std::size_t>(preset, names.size() - 1)].c_str())) {
    for (int i = 0; i < static_cast<int>(names.size()); ++i)
      if (ImGui::Selectable(names[i].c_str(), i == preset)) preset = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("Load preset")) {
    Scene s;
    if (make_preset(names[preset], s)) {
      st.loaded = s;
      st.replace_scene(std::move(s));
      canvas.reset_anchors();
      st.status = "Loaded preset " + names[preset];
    }
  }
  ImGui::TextDisabled("Generator (Gaussian blobs)");
  static BlobsOptions g;
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::SliderInt("classes##gen", &g.classes, kMinClasses, kMaxClasses);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::SliderInt("per class", &g.per_class, 1, 500, "%d", ImGuiSliderFlags_Logarithmic);
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::SliderScalar("spread", ImGuiDataType_Double, &g.spread, &kSpreadMin, &kSpreadMax, "%.2f");
  ImGui::SameLine();
  int seed = static_cast<int>(g.seed);
  ImGui::SetNextItemWidth(fs * 6);
  if (ImGui::InputInt("seed", &seed)) g.seed = static_cast<std::uint64_t>(std::max(0, seed));
  if (ImGui::Button("Generate")) {
    Scene s = make_blobs(g);
    st.loaded = s;
    st.replace_scene(std::move(s));
    canvas.reset_anchors();
  }
  ImGui::Separator();
  int K = st.scene.classes();
  ImGui::SetNextItemWidth(fs * 8);
  if (ImGui::SliderInt("number of classes", &K, kMinClasses, kMaxClasses)) set_class_count(st.scene, K);
  ImGui::TextUnformatted("Click on empty canvas adds class:");
  for (int k = 0; k < st.scene.classes(); ++k) {
    ImGui::SameLine();
    ImGui::PushID(k);
    ImGui::PushStyleColor(ImGuiCol_CheckMark, pack_rgba(class_colors(st.options.theme, k).line));
    ImGui::RadioButton(std::to_string(k).c_str(), &st.new_point_class, k);
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::Separator();
  ImGui::TextDisabled("File (.json scene or .csv x,y,label)");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##path", "path/to/scene.json", &st.path);
  if (ImGui::Button("Open / import CSV")) open_scene_file(st, canvas);
  ImGui::SameLine();
  if (ImGui::Button("Save JSON")) save_scene_file(st);
  if (!st.status.empty()) ImGui::TextWrapped("%s", st.status.c_str());
  ImGui::Separator();
  ImGui::TextDisabled("View");
  int mode = static_cast<int>(st.options.regions);
  ImGui::RadioButton("argmax regions", &mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton("softmax confidence", &mode, 1);
  ImGui::SameLine();
  ImGui::RadioButton("score of class", &mode, 2);
  st.options.regions = static_cast<RegionMode>(mode);
  if (st.options.regions == RegionMode::Score) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 5);
    ImGui::SliderInt("##scoreclass", &st.options.score_class, 0, st.scene.classes() - 1);
  }
  ImGui::Checkbox("grid", &st.options.grid);
  ImGui::SameLine();
  ImGui::Checkbox("margin lines s = ±Δ", &st.options.margins);
  ImGui::SameLine();
  ImGui::Checkbox("pull arrows −∂L_i/∂x", &st.options.pull_arrows);
  bool dark = st.options.theme == Theme::Dark;
  if (ImGui::Checkbox("dark theme", &dark)) st.options.theme = dark ? Theme::Dark : Theme::Light;
  ImGui::SameLine();
  if (ImGui::Button("Reset view")) {
    st.view.reset();
    canvas.reset_anchors();
  }
}

}  // namespace ll::gui
