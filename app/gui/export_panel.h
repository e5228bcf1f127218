#pragma once
// The "Export" window: what (canvas or loss plot), format (PNG/SVG/PDF), PNG size (1x/2x/4x of
// the on-screen size or W x H), transparent background, legend, axes, the folder, and the
// colour-blind-safe palette switch. Writes through export_files.h; says where it saved.
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/export_files.h"

namespace ll::gui {

class ExportPanel {
 public:
  // Draws the window while st.show_export is set; plot_w/plot_h: the loss plot's on-screen size.
  void draw(AppState& st, double plot_w, double plot_h);

 private:
  ExportRequest req_;
  int size_choice_ = 1;  // 0: 1x, 1: 2x, 2: 4x, 3: W x H
  int custom_w_ = 1920, custom_h_ = 1080;
  std::string folder_;   // empty until first shown: then the default folder
  ExportResult last_;
  std::string shown_;    // the last result's message, with its time
};

}  // namespace ll::gui
