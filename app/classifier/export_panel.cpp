#define GLFW_INCLUDE_NONE  // glad provides GL (text_textures.cpp shares a unity build with this
                           // file)
#include "app/classifier/export_panel.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "app/video/training_frames.h"
#include "app/widgets/flow.h"

namespace ll::gui {

ExportPanel::~ExportPanel() {
  record_job_.cancel();  // a recording can take seconds: it stops at the next frame
  record_job_.wait();
  job_.wait();
}

void ExportPanel::show(AppState& st, const ExportResult& r) {
  last_ = r;
  if (r.ok) {
    char t[32];
    std::snprintf(t, sizeof t, " (%.0f ms)", 1000.0 * r.seconds);
    shown_ = r.message + t;
  } else {
    shown_ = r.message;
  }
  st.status = shown_;
}

void ExportPanel::start(AppState& st, double plot_w, double plot_h) {
  req_.folder = folder_;
  ExportJob job;
  try {  // the copy, on the UI thread: one pass over the scene
    job = prepare_export(st, req_, plot_w, plot_h);
  } catch (const std::exception& e) {
    ExportResult r;
    r.message = std::string("Export failed: ") + e.what();
    show(st, r);
    return;
  }
  const std::string label = "Exporting " + std::string(exporter::to_string(job.format)) + " of " +
                            (req_.target == ExportTarget::Canvas
                                 ? std::to_string(job.data.scene.points.size()) + " points"
                                 : std::string("the loss plot"));
  // Off the UI thread; glfwPostEmptyEvent (thread-safe) wakes an idle window for the progress.
  job_ = exporter::start_export_job(
      label, [job = std::move(job)](JobControl& control) { return run_export(job, &control); },
      [] { glfwPostEmptyEvent(); });
}

void ExportPanel::collect(AppState& st) {
  if (job_.ready()) show(st, job_.take());                // run_export never throws
  if (record_job_.ready()) show(st, record_job_.take());  // nor does run_record
}

void ExportPanel::start_record(AppState& st) {
  rec_.folder = folder_;
  rec_.steps = rec_steps_;
  rec_.every = rec_every_;
  rec_.target = req_.target;
  rec_.legend = req_.legend;
  rec_.axes = req_.axes;
  RecordJob job;
  try {  // the copy, on the UI thread
    job = prepare_record(st, rec_);
  } catch (const std::exception& e) {
    ExportResult r;
    r.message = std::string("Recording failed: ") + e.what();
    show(st, r);
    return;
  }
  const std::string label =
      "Recording " + std::to_string(rec_.steps) + " steps as " + video::to_string(rec_.format);
  record_job_ = exporter::start_export_job(
      label, [job = std::move(job)](JobControl& control) { return run_record(job, &control); },
      [] { glfwPostEmptyEvent(); });
}

void ExportPanel::draw_record(AppState& st) {
  const float fs = ImGui::GetFontSize();
  ImGui::Separator();
  ImGui::TextUnformatted("Record a training run");
  ImGui::PushID("record");
  int format = static_cast<int>(rec_.format);
  ImGui::TextUnformatted("Format");
  ImGui::SameLine(fs * 6);
  ImGui::RadioButton("GIF", &format, 0);
  ImGui::SameLine();
  ImGui::RadioButton("MP4", &format, 1);
  ImGui::SameLine();
  ImGui::RadioButton("WebM", &format, 2);
  rec_.format = static_cast<video::Format>(format);
  ImGui::TextUnformatted("Steps");
  ImGui::SameLine(fs * 6);
  ImGui::SetNextItemWidth(fs * 5);
  ImGui::InputInt("##steps", &rec_steps_, 0);
  ImGui::SameLine();
  ImGui::TextUnformatted("every");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 3);
  ImGui::InputInt("##every", &rec_every_, 0);
  ImGui::SameLine();
  ImGui::TextUnformatted("fps");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 3);
  ImGui::InputInt("##fps", &rec_.fps, 0);
  rec_steps_ = std::clamp(rec_steps_, 1, 1000000);
  rec_every_ = std::clamp(rec_every_, 1, rec_steps_);
  rec_.fps = std::clamp(rec_.fps, 1,
                        rec_.format == video::Format::Gif ? video::kMaxGifFps : video::kMaxFps);
  ImGui::TextUnformatted("Size");
  ImGui::SameLine(fs * 6);
  widgets::size_inputs(rec_.width, rec_.height, fs * 5);
  rec_.width = std::min(rec_.width, video::kMaxSide);
  rec_.height = std::min(rec_.height, video::kMaxSide);
  if (rec_.format != video::Format::Gif) {  // yuv420p: even sides
    rec_.width += rec_.width % 2;
    rec_.height += rec_.height % 2;
  }
  const long frames = video::frame_count(rec_steps_, rec_every_);
  ImGui::TextDisabled("%ld frames, %.1f s; from the current W, b", frames,
                      static_cast<double>(frames) / rec_.fps);
  if (record_job_.active()) {
    if (widgets::progress_with_cancel(record_job_.progress(), record_job_.cancel_requested(),
                                      fs * 14))
      record_job_.cancel();
    ImGui::TextDisabled("%s%s", record_job_.label().c_str(),
                        record_job_.cancel_requested() ? ": cancelling" : "...");
  } else {
    if (ImGui::Button("Record", ImVec2(fs * 8, 0))) start_record(st);
    ImGui::SameLine();
    ImGui::TextDisabled("losslab-NNN.%s", video::to_string(rec_.format));
  }
  ImGui::PopID();
}

void ExportPanel::draw(AppState& st, double plot_w, double plot_h) {
  collect(st);
  if (!st.show_export) return;
  if (folder_.empty()) folder_ = default_export_folder().string();
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(fs * 26, 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::Begin("Export", &st.show_export,
                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  int target = static_cast<int>(req_.target);
  ImGui::TextUnformatted("What");
  ImGui::SameLine(fs * 6);
  ImGui::RadioButton("Canvas", &target, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Loss plot", &target, 1);
  req_.target = static_cast<ExportTarget>(target);

  int format = static_cast<int>(req_.format);
  ImGui::TextUnformatted("Format");
  ImGui::SameLine(fs * 6);
  ImGui::RadioButton("PNG", &format, 0);
  ImGui::SameLine();
  ImGui::RadioButton("SVG", &format, 1);
  ImGui::SameLine();
  ImGui::RadioButton("PDF", &format, 2);
  req_.format = static_cast<exporter::Format>(format);

  const bool png = req_.format == exporter::Format::Png;
  const double on_w = req_.target == ExportTarget::Canvas ? st.view.rect_w() : plot_w;
  const double on_h = req_.target == ExportTarget::Canvas ? st.view.rect_h() : plot_h;
  ImGui::BeginDisabled(!png);
  ImGui::TextUnformatted("Size");
  ImGui::SameLine(fs * 6);
  ImGui::RadioButton("1x", &size_choice_, 0);
  ImGui::SameLine();
  ImGui::RadioButton("2x", &size_choice_, 1);
  ImGui::SameLine();
  ImGui::RadioButton("4x", &size_choice_, 2);
  ImGui::SameLine();
  ImGui::RadioButton("W x H", &size_choice_, 3);
  if (size_choice_ == 3) {
    ImGui::SetCursorPosX(fs * 6);
    widgets::size_inputs(custom_w_, custom_h_, fs * 5);
  }
  ImGui::EndDisabled();
  const double scales[] = {1.0, 2.0, 4.0};
  req_.scale = size_choice_ < 3 ? scales[size_choice_] : 1.0;
  req_.width = png && size_choice_ == 3 ? custom_w_ : 0;
  req_.height = png && size_choice_ == 3 ? custom_h_ : 0;
  if (png && size_choice_ < 3)
    ImGui::TextDisabled("%ld x %ld pixels", std::lround(on_w * req_.scale),
                        std::lround(on_h * req_.scale));
  else if (!png)
    ImGui::TextDisabled("vector, %ld x %ld units", std::lround(on_w), std::lround(on_h));

  ImGui::Checkbox("Transparent background", &req_.transparent);
  ImGui::Checkbox("Legend", &req_.legend);
  ImGui::SameLine();
  ImGui::Checkbox("Axes", &req_.axes);
  ImGui::TextDisabled("Palette and theme: the Scene tab (window and exports alike).");

  ImGui::TextUnformatted("Folder");
  ImGui::SameLine(fs * 6);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##folder", &folder_);

  if (job_.active()) {
    // Running: progress and Cancel instead of the Export button; the window stays live.
    if (widgets::progress_with_cancel(job_.progress(), job_.cancel_requested(), fs * 14))
      job_.cancel();
    ImGui::TextDisabled("%s%s", job_.label().c_str(),
                        job_.cancel_requested() ? ": cancelling" : "...");
  } else {
    if (ImGui::Button("Export", ImVec2(fs * 8, 0))) start(st, plot_w, plot_h);
    ImGui::SameLine();
    ImGui::TextDisabled("losslab-NNN.%s, never replaces a file", exporter::to_string(req_.format));
  }
  draw_record(st);
  if (!last_.message.empty() && !job_.active() && !record_job_.active()) {
    const ImVec4 col = last_.ok || last_.cancelled ? ImGui::GetStyle().Colors[ImGuiCol_Text]
                                                   : ImVec4(0.85f, 0.1f, 0.1f, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::PushTextWrapPos(fs * 25);
    ImGui::TextUnformatted(shown_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::End();
}

}  // namespace ll::gui
