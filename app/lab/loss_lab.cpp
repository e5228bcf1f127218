#include "app/lab/loss_lab.h"

#include <imgui.h>

#include "app/lab/curves_panel.h"
#include "app/lab/gd_panel.h"
#include "app/lab/link_panel.h"
#include "app/lab/mse_ce_panel.h"
#include "app/lab/regression_panel.h"
#include "app/lab/same_accuracy_panel.h"

namespace ll::lab {

struct LossLab::Impl {
  CurvesPanel curves;
  RegressionPanel regression;
  GdPanel gd;
  SameAccuracyPanel same_accuracy;
  MseCePanel mse_ce;
  LinkPanel link;
};

LossLab::LossLab() : impl_(std::make_unique<Impl>()) {}
LossLab::~LossLab() = default;

void LossLab::draw(const Style& style, const ll::Scene* classifier, std::uint64_t revision) {
  if (!ImGui::BeginTabBar("##losslab_tabs")) return;
  if (ImGui::BeginTabItem("Curves")) {
    impl_->curves.draw();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Regression playground")) {
    impl_->regression.draw();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("x² vs |x|")) {
    impl_->gd.draw();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Same accuracy, different loss")) {
    impl_->same_accuracy.draw();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("MSE vs cross-entropy")) impl_->mse_ce.draw(), ImGui::EndTabItem();
  if (ImGui::BeginTabItem("Classifier link")) {
    impl_->link.draw(style, classifier, revision);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace ll::lab
