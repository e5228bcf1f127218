#pragma once
// The "Embedding" tab (metric learning): an anchor, positives and negatives on a 2-D embedding
// plane (click adds the chosen kind, drag moves, right-click deletes), rings at d(a,p) and
// d(a,p) + m around the anchor, negatives coloured hard / semi-hard / easy, each term's gradient
// arrows, a live table of the pairs or triplets; and "Train embedding": a preset's points mapped
// by f(x) = A x + c, trained by gradient descent under the chosen loss and mining, in small
// per-frame step budgets. The model is core/metric; this file only draws and edits it. The
// planes are app/figure plane layouts (plane_draw.h) and the loss plot a PlotFigure, the same
// figures each page's "Export…" button writes to PNG/SVG/PDF through app/export.
#include <imgui.h>

#include <optional>
#include <vector>

#include "app/figure/plane_layout.h"
#include "app/lab/lab_export.h"
#include "app/style/style.h"
#include "core/metric/embedding_training.h"
#include "core/metric/plane_figure.h"
#include "core/metric/playground.h"

namespace ll::lab {

using figure::plane_color;  // the plane's role colours (app/figure/plane_layout.h)

class EmbeddingPanel {
 public:
  EmbeddingPanel();
  void draw(const Style& style);

  // For tests and screenshots.
  enum class Page { Terms, Training };
  void show_page(Page p) { pending_page_ = p; }  // selected on the next draw
  metric::Playground& playground() { return playground_; }
  metric::PlaygroundSettings& settings() { return settings_; }
  void train_steps(int n);
  void set_training(bool playing) { playing_ = playing; }
  const metric::EmbeddingTrainer& trainer() const { return trainer_; }
  struct PlaneShot {
    bool drawn = false;
    ImVec2 min, max;
    metric::PlaneMapping mapping;
  };
  const PlaneShot& last_plane() const { return last_plane_; }  // the Terms page's plane

  // What a page shows, as its "Export…" button writes it: the Terms page's plane (no hover
  // highlight); the training page's plane beside its loss plot.
  LabFigures describe(Page page, const Style& style) const;

 private:
  void shared_controls();
  void terms_page(const Style& style);
  void training_page(const Style& style);
  void plane_canvas(const Style& style, float w, float h);
  void terms_table(const Style& style, float w, float h);
  void reset_training();
  void fit_view();
  metric::PlaneFigure terms_figure(const std::optional<metric::PointRef>& highlight) const;
  metric::PlaneFigure training_figure() const;
  figure::PlotFigure training_plot(const Style& style) const;
  metric::EmbeddingSettings embedding_settings() const;

  // Terms page.
  metric::Playground playground_;
  metric::PlaygroundSettings settings_;
  metric::PlaygroundReport report_;
  int reference_ = -1;  // positive whose rings are drawn; -1: the nearest
  int add_kind_ = 1;    // 1 positive, 2 negative
  int arrows_ = 0;      // metric::ArrowMode
  float arrow_scale_ = 0.25f;
  std::optional<metric::PointRef> dragging_, hovered_;
  double view_[4] = {-3, 3, -3, 3};
  PlaneShot last_plane_;

  // Training page.
  int preset_ = 1;  // "blobs"
  int mining_ = 2;  // semi-hard
  float lr_ = 0.05f;
  int steps_per_frame_ = 5;
  bool playing_ = false;
  bool show_inputs_ = true;
  metric::EmbeddingTrainer trainer_;
  double train_view_[4] = {-1, 1, -1, 1};
  double last_frame_ms_ = 0.0;
  int last_frame_steps_ = 0;

  std::optional<Page> pending_page_;
  LabExport export_terms_{"embedding"}, export_training_{"embedding-training"};
  ImVec2 terms_size_{600, 600}, training_size_{1200, 600};  // on screen, for the exports
};

}  // namespace ll::lab
