#pragma once
// The "Export" window: what (canvas or loss plot), format (PNG/SVG/PDF), PNG size (1x/2x/4x of
// the on-screen size or W x H), transparent background, legend, axes, the folder, and the
// colour-blind-safe palette switch. Writes through export_files.h; says where it saved.
// The export runs off the UI thread on a copy of the scene, view and options (core/job.h): the
// window keeps drawing, shows a progress bar with Cancel, and the result when it is done.
// Record (the same window): a training run from the current scene as GIF, MP4 or WebM (steps,
// steps per frame, fps, W x H), also a background job with progress and Cancel.
#include <string>

#include "app/classifier/export_files.h"
#include "app/classifier/model/app_state.h"
#include "core/job.h"

namespace ll::gui {

class ExportPanel {
 public:
  ExportPanel() = default;
  ExportPanel(const ExportPanel&) = delete;
  ExportPanel& operator=(const ExportPanel&) = delete;
  // Lets a running export finish (the file asked for is written; a million points take about a
  // second), then returns.
  ~ExportPanel();

  // Draws the window while st.show_export is set; plot_w/plot_h: the loss plot's on-screen size.
  // Call every frame: it also collects a finished export when the window is closed.
  void draw(AppState& st, double plot_w, double plot_h);
  bool busy() const { return job_.active() || record_job_.active(); }

 private:
  void start(AppState& st, double plot_w, double plot_h);
  void collect(AppState& st);  // a finished job's result into last_ / shown_ / st.status
  void show(AppState& st, const ExportResult& r);
  void draw_record(AppState& st);  // the Record section
  void start_record(AppState& st);

  Job<ExportResult> job_;
  ExportRequest req_;
  int size_choice_ = 1;  // 0: 1x, 1: 2x, 2: 4x, 3: W x H
  int custom_w_ = 1920, custom_h_ = 1080;
  std::string folder_;  // empty until first shown: then the default folder
  ExportResult last_;
  std::string shown_;  // the last result's message, with its time

  Job<ExportResult> record_job_;
  RecordRequest rec_;
  int rec_steps_ = 200, rec_every_ = 1;
};

}  // namespace ll::gui
