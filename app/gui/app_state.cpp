#include "app/gui/app_state.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "core/datasets.h"

namespace ll::gui {

void AppState::refresh() {
  if (eval_revision_ == doc.revision()) return;
  if (std::optional<Evaluation> e = trainer.take_evaluation(doc.revision()))
    eval_ = std::move(*e);  // the training worker evaluated this revision already
  else
    eval_ = evaluate(scene.points, scene.params, scene.loss);
  eval_revision_ = doc.revision();
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
}

void AppState::randomize(unsigned long long seed) {
  doc.seal();
  doc.set_params(random_params(scene.classes(), seed));
  doc.seal();
  trainer.restart(scene);
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
