#pragma once
// Exports from the window: the canvas or the loss plot as PNG (1x, 2x, 4x of the on-screen size
// or an explicit W x H), SVG or PDF, drawn by app/export's cairo renderer with the window's view
// rectangle, theme, palette and shading, into auto-numbered files (losslab-001.png, ...) that
// never replace an existing file. GL-free and ImGui-free: the tests call it directly.
// Two halves, so the window can export off the UI thread: prepare_export copies what the figure
// needs (on the UI thread); run_export draws and writes it (on any thread, with Cancel).
#include <filesystem>
#include <string>

#include "app/classifier/model/app_state.h"
#include "app/export/export.h"
#include "app/video/video_format.h"

namespace ll::gui {

enum class ExportTarget { Canvas, LossPlot };

struct ExportRequest {
  ExportTarget target = ExportTarget::Canvas;
  exporter::Format format = exporter::Format::Png;
  double scale = 2.0;         // PNG: times the on-screen size (used when width/height are 0)
  int width = 0, height = 0;  // PNG: explicit pixel size (both > 0) instead of the scale
  bool transparent = false;
  bool legend = true;
  bool axes = true;
  std::filesystem::path folder;  // empty: default_export_folder()
};

// The result of an export, where files go and how they are named: app/export's, shared with
// the loss lab's exports.
using exporter::default_export_folder;
using exporter::ExportResult;
using exporter::next_export_name;

// The figure and options the request draws; `plot_w`/`plot_h` are the loss plot's on-screen
// size (the canvas size comes from st.view). Throws std::invalid_argument for bad sizes.
exporter::FigureData export_figure_data(const AppState& st);
exporter::FigureOptions export_options(const AppState& st, const ExportRequest& req, double plot_w,
                                       double plot_h);

// Everything one export needs, copied from the window: running it reads no window state.
struct ExportJob {
  exporter::FigureData data;
  exporter::FigureOptions options;
  exporter::Format format = exporter::Format::Png;
  std::filesystem::path folder;  // resolved: never empty
};

// Copies the figure and options of the request (a full copy of the scene). Throws
// std::invalid_argument like export_options.
ExportJob prepare_export(const AppState& st, const ExportRequest& req, double plot_w = 0.0,
                         double plot_h = 0.0);

// Renders and writes the next free file; never throws, never replaces an existing file. With a
// control: progress, and Cancel (checked every 10,000 points) ends it with `cancelled` set and
// no file left behind.
ExportResult run_export(const ExportJob& job, JobControl* control = nullptr);

// prepare_export then run_export, on the calling thread.
ExportResult export_view(const AppState& st, const ExportRequest& req, double plot_w = 0.0,
                         double plot_h = 0.0);

// --- Record: a training run from the current scene as GIF, MP4 or WebM (app/video) ----------
// Trains a copy of the scene from its current parameters with its optimizer settings and draws
// each frame as the window's view (the canvas's world rectangle, shading, theme, palette) at the
// chosen size, into the next free losslab-NNN.gif|mp4|webm of the folder.

struct RecordRequest {
  ExportTarget target = ExportTarget::Canvas;
  video::Format format = video::Format::Gif;
  long steps = 200, every = 1;
  int fps = 25;
  int width = 800, height = 800;  // pixels
  bool legend = true, axes = true;
  std::filesystem::path folder;  // empty: default_export_folder()
};

struct RecordJob {
  Scene scene;
  exporter::FigureOptions figure;
  RecordRequest request;  // folder resolved
};

// Copies the scene and the view's options; throws std::invalid_argument with one sentence for
// requests the encoder refuses (sizes, fps, too many frames).
RecordJob prepare_record(const AppState& st, const RecordRequest& req);

// Trains, renders and encodes; never throws, never replaces an existing file. Progress over the
// training and the frames; Cancel ends it with `cancelled` set and no file left behind.
ExportResult run_record(const RecordJob& job, JobControl* control = nullptr);

}  // namespace ll::gui
