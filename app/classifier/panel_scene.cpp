// Data and view: presets, generator, number of classes, class of new points, open/save/import
// through a path field (Save writes the scene's own file; Save as the path field, asking before
// it replaces another file), and the canvas view options.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <exception>
#include <string>

#include "app/classifier/canvas.h"
#include "app/classifier/model/scene_file.h"
#include "app/classifier/model/setup_text.h"
#include "app/classifier/panels.h"
#include "app/classifier/shortcuts.h"
#include "core/datasets.h"
#include "core/scene_io.h"

namespace ll::gui {

namespace {
constexpr double kSpreadMin = 0.01, kSpreadMax = 1.0;
}  // namespace

void paste_setup(AppState& st) {
  const char* clip = ImGui::GetClipboardText();
  const std::string text = clip ? clip : "";
  if (const std::string why = open_setup_text(st, text); !why.empty())
    st.banners.report("Could not paste the setup", why);
}

void scene_file_popups(AppState& st) {
  constexpr const char* kId = "Replace file?";
  if (!st.confirm_overwrite.empty() && !ImGui::IsPopupOpen(kId)) ImGui::OpenPopup(kId);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.4f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kId, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("%s already exists.", st.confirm_overwrite.c_str());
  ImGui::TextUnformatted("Replace it with the current scene? Its content will be lost.");
  ImGui::Spacing();
  const float w = ImGui::GetFontSize() * 7.0f;
  const bool replace = ImGui::Button("Replace", ImVec2(w, 0)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel", ImVec2(w, 0)) ||
                      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (replace) st.files.save(st, st.confirm_overwrite);
  if (cancel) st.status = "Not saved: " + st.confirm_overwrite + " was kept.";
  if (replace || cancel || st.confirm_overwrite.empty()) {
    st.confirm_overwrite.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void ScenePanel::draw(ActionContext& cx, const Fonts&, Canvas& canvas) {
  AppState& st = cx.st;
  const float fs = ImGui::GetFontSize();
  ImGui::TextDisabled("Presets");
  const std::vector<std::string> names = preset_names();
  ImGui::SetNextItemWidth(fs * 10);
  if (ImGui::BeginCombo("##preset",
                        names[std::min<std::size_t>(preset_, names.size() - 1)].c_str())) {
    for (int i = 0; i < static_cast<int>(names.size()); ++i)
      if (ImGui::Selectable(names[i].c_str(), i == preset_)) preset_ = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("Load preset")) {
    Scene s;
    if (make_preset(names[preset_], s)) {
      st.loaded = s;
      st.replace_scene(std::move(s));
      canvas.reset_anchors();
      st.status = "Loaded preset " + names[preset_];
    }
  }
  ImGui::TextDisabled("Generator (Gaussian blobs)");
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::SliderInt("classes##gen", &blobs_.classes, kMinClasses, kMaxClasses);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::SliderInt("per class", &blobs_.per_class, 1, 500, "%d", ImGuiSliderFlags_Logarithmic);
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::SliderScalar("spread", ImGuiDataType_Double, &blobs_.spread, &kSpreadMin, &kSpreadMax,
                      "%.2f");
  ImGui::SameLine();
  int seed = static_cast<int>(blobs_.seed);
  ImGui::SetNextItemWidth(fs * 6);
  if (ImGui::InputInt("seed", &seed)) blobs_.seed = static_cast<std::uint64_t>(std::max(0, seed));
  if (ImGui::Button("Generate")) {
    Scene s = make_blobs(blobs_);
    st.loaded = s;
    st.replace_scene(std::move(s));
    canvas.reset_anchors();
  }
  ImGui::Separator();
  int K = st.scene.classes();
  ImGui::SetNextItemWidth(fs * 8);
  if (ImGui::SliderInt("number of classes", &K, kMinClasses, kMaxClasses))
    st.doc.set_class_count(K);
  ImGui::TextUnformatted("Click on empty canvas adds class:");
  for (int k = 0; k < st.scene.classes(); ++k) {
    ImGui::SameLine();
    ImGui::PushID(k);
    ImGui::PushStyleColor(ImGuiCol_CheckMark, pack_rgba(st.options.style().classes(k).line));
    ImGui::RadioButton(std::to_string(k).c_str(), &st.new_point_class, k);
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::Separator();
  ImGui::TextDisabled("File (.json scene or .csv x,y,label)");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##path", "path/to/scene.json", &st.path);
  action_button(cx, "open");
  ImGui::SameLine();
  action_button(cx, "save", nullptr, 0.0f, st.document.empty() ? "" : "— " + st.document);
  ImGui::SameLine();
  if (ImGui::Button("Save as")) save_scene_as(st);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("to the path above; asks before replacing a file");
  // The whole setup as one line of text (core/share.h), through the clipboard.
  if (ImGui::Button("Copy setup")) {
    ImGui::SetClipboardText(setup_text(st).c_str());
    st.status =
        "Copied the setup to the clipboard: paste it into LossLab (Ctrl+V) or pass it to "
        "losslab as the scene.";
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("the scene and the view as one line of text (losslab:...)");
  ImGui::SameLine();
  if (ImGui::Button("Paste setup")) paste_setup(st);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("opens a copied setup (also Ctrl+V); undoable");
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
  // The default is the projector palette (colour-blind safe, a marker shape per class); the
  // soft Okabe-Ito one is kept for figures made with it.
  bool soft = st.options.scheme == palette::Scheme::ColorBlindSafe;
  if (ImGui::Checkbox("soft Okabe-Ito palette", &soft))
    st.options.scheme = soft ? palette::Scheme::ColorBlindSafe : palette::Scheme::Demo;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Off: the projector palette, colour-blind safe (deuteranopia and protanopia), for up to "
        "10 classes. On: the softer Okabe-Ito tints of earlier versions.");
  ImGui::SameLine();
  if (ImGui::Button("Reset view")) {
    st.view.reset();
    canvas.reset_anchors();
  }
}

}  // namespace ll::gui
