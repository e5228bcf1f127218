#pragma once
// The "Embedding" tab (metric learning): an anchor, positives and negatives on a 2-D embedding
// plane (click adds the chosen kind, drag moves, right-click deletes), rings at d(a,p) and
// d(a,p) + m around the anchor, negatives coloured hard / semi-hard / easy, each term's gradient
// arrows, a live table of the pairs or triplets; and "Train embedding": a preset's points mapped
// by f(x) = A x + c, trained by gradient descent under the chosen loss and mining, in small
// per-frame step budgets. The model is core/metric; this file only draws and edits it.
#include <imgui.h>

#include <optional>
#include <vector>

#include "app/style/style.h"
#include "core/metric/embedding_training.h"
#include "core/metric/plane_figure.h"
#include "core/metric/playground.h"

namespace ll::lab {

// The colour of a plane role in a Style: the anchor in the theme's ink, positives blue, and the
// categories hard vermillion, semi-hard yellow, easy bluish green (Okabe-Ito, whatever the class
// scheme, so they stay apart for colour-blind viewers), in the theme's light or dark variant;
// Class / ClassOrigin take the class colour of `cls`.
palette::Rgb plane_color(const Style& style, metric::PlaneRole role, int cls = 0);

// Draws a plane description into the pixel rectangle [min, max]: background, grid with tick
// labels, the semi-hard band between the inner and outer rings, rings, arrows, markers with
// their labels, legend. Everything is a function of (figure, rectangle, style), so an exporter
// can reproduce it. Returns the plane -> pixel mapping it used.
metric::PlaneMapping draw_plane(ImDrawList* dl, ImVec2 min, ImVec2 max,
                                const metric::PlaneFigure& figure, const Style& style);

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

 private:
  void shared_controls();
  void terms_page(const Style& style);
  void training_page(const Style& style);
  void plane_canvas(const Style& style, float w, float h);
  void terms_table(const Style& style, float w, float h);
  void reset_training();
  void fit_view();
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
  std::vector<double> plot_step_, plot_loss_, plot_full_, plot_active_;
  double last_frame_ms_ = 0.0;
  int last_frame_steps_ = 0;

  std::optional<Page> pending_page_;
};

}  // namespace ll::lab
