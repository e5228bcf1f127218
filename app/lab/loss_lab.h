#pragma once
// The loss lab workspace: loss curves, the regression playground, the slides' demonstrations
// (x² vs |x| gradient descent, same accuracy / different loss), the score-table and
// distributions labs, and the link to the classifier.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/style/style.h"
#include "core/lab/score_table.h"
#include "core/scene.h"

namespace ll::lab {

// What the lab asks of the window: show `scene` in the classifier (as ONE undoable whole-scene
// replacement, then switch to the Classifier tab with the scene's first point selected).
struct LabRequest {
  Scene scene;
  std::string status;  // one line for the window's status ("Score table: cat image sent")
};

class LossLab {
 public:
  LossLab();
  ~LossLab();
  // Draws the loss-lab workspace into the current ImGui window (fills the content region).
  // `classifier` is the current classifier scene for the link view (may be null); `revision`
  // moves whenever it changes (the document's revision): the link view is rebuilt only then.
  // `style`: the window's theme and class-colour scheme.
  void draw(const Style& style, const ll::Scene* classifier, std::uint64_t revision);

  // The request made by the last draw (a "→ classifier" button), handed over once: the window
  // calls this before its tab bar, so that it can apply the request and select the Classifier
  // tab in the same frame.
  std::optional<LabRequest> take_request();

  // Shows `table` in the Score table tab (replacing its table; the tab is brought up by the next
  // draw). False, with the table kept, when the score table refuses it. The Images tab's
  // "→ score table" comes here through the window.
  bool open_score_table(ScoreTable table);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ll::lab
