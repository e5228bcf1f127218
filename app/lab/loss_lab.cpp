#include "app/lab/loss_lab.h"

#include <imgui.h>

#include <utility>

#include "app/lab/curves_panel.h"
#include "app/lab/distributions_panel.h"
#include "app/lab/embedding_panel.h"
#include "app/lab/four_pixel_panel.h"
#include "app/lab/gd_panel.h"
#include "app/lab/link_panel.h"
#include "app/lab/mse_ce_panel.h"
#include "app/lab/reg_panel.h"
#include "app/lab/regression_panel.h"
#include "app/lab/same_accuracy_panel.h"
#include "app/lab/score_table_panel.h"

namespace ll::lab {

struct LossLab::Impl {
  CurvesPanel curves;
  RegressionPanel regression;
  GdPanel gd;
  SameAccuracyPanel same_accuracy;
  ScoreTablePanel score_table;
  DistributionsPanel distributions;
  RegPanel reg;
  MseCePanel mse_ce;
  LinkPanel link;
  std::optional<LabRequest> request;  // made by the last draw, until take_request
  EmbeddingPanel embedding;
  FourPixelPanel four_pixel;
  bool select_score_table = false;  // open_score_table: bring the tab up on the next draw
};

LossLab::LossLab() : impl_(std::make_unique<Impl>()) {}
LossLab::~LossLab() = default;

bool LossLab::open_score_table(ScoreTable table) {
  if (!impl_->score_table.model().load(std::move(table))) return false;
  impl_->select_score_table = true;
  return true;
}

std::optional<LabRequest> LossLab::take_request() {
  std::optional<LabRequest> r = std::move(impl_->request);
  impl_->request.reset();
  return r;
}

void LossLab::draw(const Style& style, const ll::Scene* classifier, std::uint64_t revision) {
  if (!ImGui::BeginTabBar("##losslab_tabs")) return;
  Impl& m = *impl_;
  // One line per tab.
  auto tab = [](const char* name, auto&& body, bool select = false) {
    if (ImGui::BeginTabItem(name, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
      body();
      ImGui::EndTabItem();
    }
  };
  tab("Curves", [&] { m.curves.draw(&style); });
  tab("Regression playground", [&] { m.regression.draw(&style); });
  tab("x² vs |x|", [&] { m.gd.draw(&style); });
  tab("Same accuracy, different loss", [&] { m.same_accuracy.draw(&style); });
  tab("MSE vs cross-entropy", [&] { m.mse_ce.draw(); });
  tab("Four-pixel cat", [&] { m.four_pixel.draw(style); });
  tab(
      "Score table",
      [&] {
        if (auto r = m.score_table.draw(style, classifier)) m.request = std::move(r);
      },
      std::exchange(m.select_score_table, false));
  tab("Distributions", [&] { m.distributions.draw(); });
  tab("Which W? (regularization)", [&] { m.reg.draw(style); });
  tab("Embedding", [&] { m.embedding.draw(style); });
  tab("Classifier link", [&] { m.link.draw(style, classifier, revision); });
  ImGui::EndTabBar();
}

}  // namespace ll::lab
