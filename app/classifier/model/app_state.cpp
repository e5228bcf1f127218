#include "app/classifier/model/app_state.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>

#include "core/datasets.h"

namespace ll::gui {

void AppState::refresh() {
  if (eval_revision_ == doc.revision()) return;
  // A worker (training, an open, a restore) may have evaluated this revision already.
  if (std::optional<Evaluation> e = trainer.take_evaluation(doc.revision()))
    adopt_evaluation(std::move(*e));
  if (adopted_ && adopted_revision_ == doc.revision())
    eval_ = std::move(*adopted_);
  else
    eval_ = evaluate(scene.points, scene.params, scene.loss);
  adopted_.reset();
  eval_revision_ = doc.revision();
  if (multi_label_revision_ != doc.points_revision()) {
    multi_label_points_.clear();
    for (std::size_t i = 0; i < scene.points.size(); ++i)
      if (scene.points[i].multi_label())
        multi_label_points_.push_back(static_cast<std::uint32_t>(i));
    multi_label_revision_ = doc.points_revision();
  }
  const int n = static_cast<int>(scene.points.size());
  if (sel.selected >= n) sel.selected = -1;
  if (sel.hovered >= n) sel.hovered = -1;
  new_point_class = std::clamp(new_point_class, 0, scene.classes() - 1);
  options.score_class = std::clamp(options.score_class, 0, scene.classes() - 1);
}

void AppState::replace_scene(Scene s) {
  if (trainer.playing()) trainer.pause(doc);
  doc.replace(std::move(s));
  trainer.restart(scene);
  sel = {};
  home_view();
}

void AppState::reset_params() {
  if (trainer.playing()) trainer.pause(doc);
  doc.seal();
  doc.set_params(loaded.classes() == scene.classes() ? loaded.params
                                                     : default_params(scene.classes()));
  doc.seal();
  trainer.restart(scene);
}

namespace {
// A point's disc and its outline stay inside the canvas.
double disc_margin(const ViewOptions& o) { return figure::kPointRadius * o.scale + 2.0; }
}  // namespace

void AppState::home_view() { view.home(points_bounds(scene.points), disc_margin(options)); }
void AppState::fit_view() { view.fit(points_bounds(scene.points), disc_margin(options)); }

void AppState::randomize(unsigned long long seed) {
  doc.seal();
  doc.set_params(random_params(scene.classes(), seed));
  doc.seal();
  trainer.restart(scene);
}

std::uint64_t AppState::clock_seed() {
  return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}

void AppState::randomize_next() {
  // splitmix64: one step of the state, a well-mixed seed for random_params.
  std::uint64_t z = random_state_ += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  randomize(z ^ (z >> 31));
}

void AppState::undo() {
  if (trainer.playing()) trainer.pause(doc);
  if (doc.undo()) trainer.reset_optimizer(scene);
}

void AppState::redo() {
  if (trainer.playing()) trainer.pause(doc);
  if (doc.redo()) trainer.reset_optimizer(scene);
}

void AppState::begin_frame(bool interacting) {
  if (!interacting || gesture_ == 0) gesture_ = doc.new_gesture();
  doc.set_gesture(gesture_);
}

}  // namespace ll::gui
