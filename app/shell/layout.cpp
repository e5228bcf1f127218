// The window's layout: the "Classifier" | "Loss lab" | "Race" mode tabs with undo/redo/theme/help
// buttons; in the classifier, the canvas on the left and the panels on the right (training bar,
// tabs for loss, parameters, data, worked computation and scene, then the loss plot).
#include "app/shell/layout.h"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>

#include "app/classifier/canvas.h"
#include "app/classifier/export_panel.h"
#include "app/classifier/panels.h"
#include "app/classifier/shortcuts.h"
#include "app/images/images_tab.h"
#include "app/lab/loss_lab.h"
#include "app/race/race_view.h"
#include "app/shell/presenter.h"

namespace ll::gui {

Layout::Layout()
    : export_panel_(std::make_unique<ExportPanel>()),
      panels_(std::make_unique<ClassifierPanels>()) {
  lab_ = std::make_unique<lab::LossLab>();
  images_ = std::make_unique<imagestab::ImagesTab>();
  race_ = std::make_unique<race::RaceView>();
}

Layout::~Layout() = default;

void Layout::draw(AppState& st, Canvas& canvas, const Fonts& fonts) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  // The frame is cleared to WindowBg already: the host paints no background (a second full-window
  // fill costs ~10 ms a frame on llvmpipe). Nothing relies on seeing through it: the canvas's
  // GL layers are drawn inside the canvas's own draw list.
  const ImGuiWindowFlags host = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                ImGuiWindowFlags_NoBringToFrontOnFocus |
                                ImGuiWindowFlags_NoBackground;
  ImGui::Begin("##losslab", nullptr, host);
  if (st.presenter) {  // canvas and loss numbers only
    draw_presenter_view(st, canvas, fonts);
    ImGui::End();
    export_panel_->draw(st, plot_w_, plot_h_);  // Ctrl+E still exports
    return;
  }
  if (ImGui::BeginTabBar("mode")) {
    // A loss-lab request of the last frame ("→ classifier"): one undoable scene replacement,
    // its first point selected (the Worked tab shows it), and the Classifier tab brought up.
    std::optional<lab::LabRequest> request = lab_->take_request();
    if (request) {
      st.loaded = request->scene;  // "Reset scene" and "Reset W, b" return to the sent column
      st.replace_scene(std::move(request->scene));
      st.sel.selected = st.scene.points.empty() ? -1 : 0;
      st.status = request->status;
    }
    if (ImGui::BeginTabItem("Classifier", nullptr, request ? ImGuiTabItemFlags_SetSelected : 0)) {
      // Ctrl+V outside a text field opens a copied setup (core/share.h), as "Paste setup".
      const ImGuiIO& io = ImGui::GetIO();
      if (!io.WantTextInput && io.KeyCtrl && !io.KeyShift &&
          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_V), false))
        paste_setup(st);
      const float avail = ImGui::GetContentRegionAvail().x;
      const float fs = ImGui::GetFontSize();
      // The panels' share, at least 26 em unless that would leave the canvas less than half.
      const float side = std::clamp(avail * 0.42f, std::min(fs * 26.0f, avail * 0.5f), fs * 40.0f);
      canvas.draw_area(st, fonts, std::max(avail - side, fs * 10));
      ImGui::SameLine();
      ImGui::BeginChild("side", ImVec2(0, 0), false);
      side_panels(st, canvas, fonts);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    // The Images tab's "→ score table" of the last frame: the Loss lab's score table shows it.
    bool to_lab = false;
    if (auto r = images_->take_request(); r && lab_->open_score_table(std::move(r->table))) {
      st.status = r->status;
      to_lab = true;
    }
    if (ImGui::BeginTabItem("Loss lab", nullptr, to_lab ? ImGuiTabItemFlags_SetSelected : 0)) {
      lab_->draw(st.options.style(), &st.scene, st.revision());
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Race")) {
      race_->draw(st.options.style(), st.scene, st.revision(), fonts.race_heat);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Images")) {
      images_->draw(st.options.style());
      ImGui::EndTabItem();
    }
    ActionContext cx{st, [&] { canvas.cancel_drag(st); }};
    action_tab_button(cx, "undo", "— " + std::to_string(st.doc.undo_size()) + " steps");
    action_tab_button(cx, "redo");
    const bool dark = st.options.theme == Theme::Dark;
    if (ImGui::TabItemButton(dark ? "Light theme" : "Dark theme", ImGuiTabItemFlags_Trailing))
      st.options.theme = dark ? Theme::Light : Theme::Dark;
    action_tab_button(cx, "help");
    action_tab_button(cx, "export");
    // Rightmost (submitted last), so scripts can find it at the window's top-right corner.
    action_tab_button(cx, "present");
    ImGui::EndTabBar();
  }
  ImGui::End();
  panels_->help.draw(st);
  export_panel_->draw(st, plot_w_, plot_h_);
}

void Layout::side_panels(AppState& st, Canvas& canvas, const Fonts& fonts) {
  ActionContext cx{st, [&] { canvas.cancel_drag(st); }};
  panels_->training.draw(cx, fonts);
  const float fs = ImGui::GetFontSize();
  // The plot keeps 9 em, or 30% (at least 7 em) of a short panel (1024 x 768, --ui-scale 1.75).
  const float min_plot_h =
      std::max(fs * 7, std::min(fs * 9, ImGui::GetContentRegionAvail().y * 0.3f));
  if (ImGui::BeginTabBar("panels")) {
    // The open tab is as tall as its content was last frame (the plot gets the free space
    // below it), but leaves the plot at least min_plot_h. The data table fills what it is
    // given, so it gets a fixed share instead.
    const float avail = ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y;
    const float room = avail - min_plot_h;
    const float share = avail - std::clamp(avail * 0.35f, min_plot_h, fs * 16);
    auto tab = [&](const char* name, auto&& body, bool elastic = false) {
      if (ImGui::BeginTabItem(name)) {
        const auto it = tab_content_h_.find(name);
        const float want = elastic ? share : it == tab_content_h_.end() ? room : it->second;
        ImGui::BeginChild(name, ImVec2(0, std::max(fs * 4, std::min(want, room))), false);
        body();
        tab_content_h_[name] = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    };
    tab("Loss", [&] { panels_->loss.draw(cx, fonts); });
    tab("Parameters", [&] { panels_->params.draw(st, fonts); });
    tab(
        "Data", [&] { panels_->data.draw(st, fonts); }, true);
    tab("Worked", [&] { panels_->worked.draw(st, fonts); });
    tab("Scene", [&] { panels_->scene.draw(cx, fonts, canvas); });
    tab(
        "Landscape", [&] { panels_->landscape.draw(st, fonts); }, true);
    ImGui::EndTabBar();
  }
  const float plot_h = std::max(min_plot_h, ImGui::GetContentRegionAvail().y);
  plot_w_ = ImGui::GetContentRegionAvail().x;
  plot_h_ = plot_h;
  panel_plot(st, fonts, plot_h);
}

}  // namespace ll::gui
