#pragma once
// The "Images" mode tab: a linear classifier on Fashion-MNIST (core/images), trained in a
// background job while the window stays live. Beside the controls (loss, regularizer,
// optimizer, step size, batch, epochs; Train, Continue, Cancel with progress): the templates
// (the rows of W, updating while training), train and test accuracy and loss over steps, the
// confusion matrix, three chosen test images with their scores as the lectures' score table
// ("→ score table" sends it to the loss lab), the misclassified test images, and sample
// images per class. Every picture has its Export... button (PNG, SVG, PDF). Without the data
// set the tab names the package to install.
#include <imgui.h>

#include <memory>
#include <optional>
#include <string>

#include "app/figure/template_figure.h"
#include "app/images/images_model.h"
#include "app/style/style.h"
#include "core/lab/score_table.h"

namespace ll::imagestab {

// What the tab asks of the window: show `table` in the loss lab's score table.
struct ScoreTableRequest {
  lab::ScoreTable table;
  std::string status;
};

class ImagesTab {
 public:
  explicit ImagesTab(std::string dir = images::kFashionMnistDir, images::LoadOptions options = {});
  ~ImagesTab();
  // Draws the tab into the current window (fills the content region); starts loading the data
  // on its first draw.
  void draw(const Style& style);
  // The request of the last draw ("→ score table"), handed over once.
  std::optional<ScoreTableRequest> take_request();

  ImagesModel& model();
  // Where the last draw put the templates (screen pixels) and what it drew there (tests).
  ImVec2 templates_origin() const;
  const figure::TemplateFigure& templates_drawn() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ll::imagestab
