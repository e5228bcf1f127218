#include "app/images/images_tab.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/images/image_figures.h"
#include "app/images/images_controls.h"
#include "app/images/images_plots.h"
#include "app/lab/lab_export.h"
#include "app/lab/template_view.h"
#include "app/widgets/figure_plot.h"
#include "app/widgets/flow.h"

namespace ll::imagestab {

struct ImagesTab::Impl {
  ImagesModel model;
  std::optional<ScoreTableRequest> request;
  ImVec2 templates_origin{};
  figure::TemplateFigure templates;
  lab::TileExport templates_export{"templates"}, samples_export{"samples"},
      mistakes_export{"mistakes"}, confusion_export{"confusion"};
  lab::LabExport curves_export{"image-curves"};

  Impl(std::string dir, images::LoadOptions o) : model(std::move(dir), o) {}
  void data_status(const Style& style);
  void right(const Style& style);
  void templates_section(const Style& style, float w);
  void curves_section(const Style& style, float w);
  void confusion_section(const Style& style, float w);
  void chosen_section(const Style& style);
  void mistakes_section(const Style& style, float w);
  void samples_section(const Style& style, float w);
};

ImagesTab::ImagesTab(std::string dir, images::LoadOptions options)
    : impl_(std::make_unique<Impl>(std::move(dir), options)) {}
ImagesTab::~ImagesTab() = default;
ImagesModel& ImagesTab::model() { return impl_->model; }
ImVec2 ImagesTab::templates_origin() const { return impl_->templates_origin; }
const figure::TemplateFigure& ImagesTab::templates_drawn() const { return impl_->templates; }

std::optional<ScoreTableRequest> ImagesTab::take_request() {
  std::optional<ScoreTableRequest> r = std::move(impl_->request);
  impl_->request.reset();
  return r;
}

namespace {

void heading(const char* s) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("%s", s);
}

const std::string& class_name(const images::ImageSet& set, int k) {
  return set.class_names[static_cast<std::size_t>(k)];
}

}  // namespace

void ImagesTab::Impl::data_status(const Style&) {
  const float fs = ImGui::GetFontSize();
  switch (model.data_state()) {
    case DataState::NotLoaded:
    case DataState::Loading:
      ImGui::TextUnformatted("Loading Fashion-MNIST (70,000 images)…");
      if (widgets::progress_with_cancel(model.loading_progress(), false, fs * 12))
        model.cancel_loading();
      break;
    case DataState::Missing:
    case DataState::Failed:
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1.0f), "%s", model.data_message().c_str());
      ImGui::PopTextWrapPos();
      if (model.data_state() == DataState::Missing)
        ImGui::TextWrapped(
            "The tab needs the Debian package %s (scripts/setup.sh installs it). "
            "`losslab images train --data DIR` reads any folder with the four IDX files.",
            images::kFashionMnistPackage);
      if (ImGui::Button("Try again")) model.start_loading();
      break;
    case DataState::Ready: {
      const images::Dataset& d = *model.data();
      // Wrapped at the column's edge (the column is only ~19 font sizes wide).
      ImGui::PushTextWrapPos(0.0f);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped(
          "Fashion-MNIST: %zu training and %zu test images of %dx%d pixels, %d "
          "classes%s",
          d.train.size(), d.test.size(), d.train.rows, d.train.cols, d.train.classes,
          d.centered() ? ", centred" : "");
      ImGui::PopStyleColor();
      ImGui::PopTextWrapPos();
      break;
    }
  }
}

void ImagesTab::draw(const Style& style) {
  Impl& m = *impl_;
  if (m.model.data_state() == DataState::NotLoaded) m.model.start_loading();
  if (m.model.poll() || m.model.training() || m.model.evaluating() ||
      m.model.data_state() == DataState::Loading)
    glfwPostEmptyEvent();  // keep an idle window drawing while something runs
  const float fs = ImGui::GetFontSize();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float left_w = std::clamp(avail * 0.26f, std::min(fs * 19.0f, avail * 0.45f), fs * 24.0f);
  ImGui::BeginChild("images_controls", ImVec2(left_w, 0), false);
  m.data_status(style);
  controls(m.model, style);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("images_views", ImVec2(0, 0), false);
  if (m.model.data_state() == DataState::Ready) m.right(style);
  ImGui::EndChild();
}

void ImagesTab::Impl::right(const Style& style) {
  const float fs = ImGui::GetFontSize();
  const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  if (model.snapshot()) {
    templates_section(style, w);
    curves_section(style, w);
    if (model.evaluation()) {
      const float half = (w - fs) / 2;
      if (half >= fs * 26) {  // side by side where they fit
        ImGui::BeginGroup();
        confusion_section(style, half);
        ImGui::EndGroup();
        ImGui::SameLine(0, fs);
        ImGui::BeginGroup();
        chosen_section(style);
        ImGui::EndGroup();
      } else {
        confusion_section(style, w);
        chosen_section(style);
      }
      mistakes_section(style, w);
    } else {
      ImGui::TextDisabled("Evaluating the test set…");
    }
  } else {
    ImGui::TextWrapped(
        "Press Train: the ten rows of W appear as 28x28 templates and change while the "
        "classifier learns; the accuracy, the confusion matrix and the mistakes follow.");
  }
  samples_section(style, w);
}

void ImagesTab::Impl::templates_section(const Style& style, float w) {
  const float fs = ImGui::GetFontSize();
  heading(model.data()->centered() ? "Templates: the rows of W (on centred pixels)"
                                   : "Templates: the rows of W");
  const images::Dataset& d = *model.data();
  const float tw = std::min(w, fs * 56), th = std::round(tw * 0.52f);
  const Eigen::MatrixXd W = model.snapshot()->model.W;
  auto describe = [&, W](double fw, double fh) {
    figure::TemplateOptions opt;
    opt.title = "";
    return figure::template_figure(W, d.train.rows, d.train.cols, d.train.class_names, fw, fh,
                                   style, widgets::imgui_measure(), opt);
  };
  templates_export.button(describe, ImVec2(tw, th));
  try {
    templates = describe(tw, th);
    templates_origin = lab::TileFigure("##templates", templates);
  } catch (const std::exception& e) {
    ImGui::TextDisabled("%s", e.what());
  }
}

void ImagesTab::Impl::curves_section(const Style& style, float w) {
  const float fs = ImGui::GetFontSize();
  heading("Accuracy and loss over steps");
  const images::TrainSnapshot& s = *model.snapshot();
  const float pw = std::max(fs * 12, (w - fs) / 2), ph = std::clamp(pw * 0.55f, fs * 9, fs * 16);
  curves_export.button(
      [&] {
        lab::LabFigures f;
        f.plots = {accuracy_figure(s, style), loss_figure(s, style)};
        f.columns = 2;
        return f;
      },
      ImVec2(2 * pw + fs, ph), style);
  widgets::FigurePlot("##img_acc", accuracy_figure(s, style), ImVec2(pw, ph), style);
  if (2 * pw + fs <= w + 1) ImGui::SameLine(0, fs);
  widgets::FigurePlot("##img_loss", loss_figure(s, style), ImVec2(pw, ph), style);
  if (!s.evaluations.empty()) {
    const images::EvalRecord& e = s.evaluations.back();
    ImGui::Text("step %ld (epoch %.2f): train accuracy %.1f%%, test accuracy %.1f%%", e.step,
                e.epoch, 100 * e.train_accuracy, 100 * e.test_accuracy);
  }
}

void ImagesTab::Impl::confusion_section(const Style& style, float w) {
  const float fs = ImGui::GetFontSize();
  heading("Confusion matrix (test set)");
  const images::SetEvaluation& e = *model.evaluation();
  const images::ImageSet& test = model.data()->test;
  const int K = static_cast<int>(e.confusion.rows());
  confusion_export.button(
      [&, c = e.confusion, names = test.class_names](double fw, double fh) {
        return confusion_figure(c, names, fw, fh, style, widgets::imgui_measure());
      },
      ImVec2(std::min(w, fs * 24), std::min(w, fs * 24)));
  ImGui::SameLine();
  ImGui::TextDisabled("rows: true class; columns: predicted (first 4 letters)");
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (ImGui::BeginTable("confusion", K + 1, flags)) {
    ImGui::TableSetupColumn("");
    for (int k = 0; k < K; ++k) ImGui::TableSetupColumn(class_name(test, k).substr(0, 4).c_str());
    ImGui::TableHeadersRow();
    for (int r = 0; r < K; ++r) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(class_name(test, r).c_str());
      const int total = e.confusion.row(r).sum();
      for (int c = 0; c < K; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        const palette::Rgb bg = confusion_colour(e.confusion(r, c), total, style);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(bg.r, bg.g, bg.b, 255));
        const bool light = 0.299 * bg.r + 0.587 * bg.g + 0.114 * bg.b > 128;
        ImGui::TextColored(light ? ImVec4(0, 0, 0, 1) : ImVec4(1, 1, 1, 1), "%d",
                           e.confusion(r, c));
      }
    }
    ImGui::EndTable();
  }
  ImGui::Text("test accuracy %.2f%%, data loss %.4f", 100 * e.accuracy, e.data_loss);
}

void ImagesTab::Impl::chosen_section(const Style& style) {
  const float fs = ImGui::GetFontSize();
  heading("Three test images and their scores");
  const images::Dataset& d = *model.data();
  const int n = static_cast<int>(d.test.size());
  for (int j = 0; j < 3; ++j) {
    ImGui::PushID(j);
    if (j) ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 6.5f);
    if (ImGui::InputInt("##img", &model.chosen[static_cast<std::size_t>(j)]))
      model.chosen[static_cast<std::size_t>(j)] =
          std::clamp(model.chosen[static_cast<std::size_t>(j)], 0, std::max(0, n - 1));
    ImGui::PopID();
  }
  const std::optional<lab::ScoreTable> t = model.chosen_table();
  if (!t) return;
  std::vector<int> idx(model.chosen.begin(), model.chosen.end());
  std::vector<std::string> caps;
  for (int j = 0; j < 3; ++j) caps.push_back("image " + std::to_string(j + 1));
  const figure::TemplateFigure imgs = image_grid_figure(
      d.test, d.mean, idx, caps, 3, fs * 19.5f, fs * 7.5f, style, widgets::imgui_measure(), "");
  lab::TileFigure("##chosen", imgs);
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (ImGui::BeginTable("chosen_scores", 4, flags)) {
    ImGui::TableSetupColumn("class");
    for (int j = 0; j < 3; ++j) ImGui::TableSetupColumn(("image " + std::to_string(j + 1)).c_str());
    ImGui::TableHeadersRow();
    const ImU32 label_bg = IM_COL32(255, 200, 0, style.dark() ? 70 : 90);
    for (int k = 0; k < t->classes(); ++k) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(t->class_names[static_cast<std::size_t>(k)].c_str());
      for (int j = 0; j < 3; ++j) {
        ImGui::TableSetColumnIndex(j + 1);
        if (t->labels[static_cast<std::size_t>(j)] == k)
          ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, label_bg);
        Eigen::Index best = 0;
        t->scores.col(j).maxCoeff(&best);
        ImGui::Text(best == k ? "%.2f ◀" : "%.2f", t->scores(k, j));
      }
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("shaded: the correct class; ◀: the highest score");
  if (ImGui::Button("→ score table")) {
    ScoreTableRequest r;
    r.table = *t;
    r.status = "Images: three test images sent to the score table";
    request = std::move(r);
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Opens these scores in Loss lab › Score table (hinge and softmax losses)");
}

void ImagesTab::Impl::mistakes_section(const Style& style, float w) {
  const float fs = ImGui::GetFontSize();
  heading("Misclassified test images (largest margin first)");
  const images::Dataset& d = *model.data();
  const auto& ms = model.mistakes();
  if (ms.empty()) {
    ImGui::TextDisabled("none");
    return;
  }
  const int columns = std::clamp(static_cast<int>(w / (fs * 6.5f)), 3, 12);
  const std::vector<images::Mistake> shown(
      ms.begin(), ms.begin() + std::min<std::ptrdiff_t>(ms.size(), 2 * columns));
  const float fw = std::min(w, columns * fs * 6.5f);
  const float fh =
      std::round(fw / columns * 1.25f * ((shown.size() + columns - 1) / columns)) + fs * 1.6f;
  mistakes_export.button(
      [&, shown](double ew, double eh) {
        return mistakes_figure(d, shown, columns, ew, eh, style, widgets::imgui_measure());
      },
      ImVec2(fw, fh));
  const figure::TemplateFigure f =
      mistakes_figure(d, shown, columns, fw, fh, style, widgets::imgui_measure());
  const ImVec2 o = lab::TileFigure("##mistakes", f);
  // Hover: the image's top three scores.
  if (ImGui::IsItemHovered() && model.evaluation()) {
    const ImVec2 p = ImGui::GetMousePos();
    for (std::size_t i = 0; i < f.tiles.size() && i < shown.size(); ++i) {
      const figure::TemplateTile& t = f.tiles[i];
      if (p.x < o.x + t.x || p.x > o.x + t.x + t.w || p.y < o.y + t.y || p.y > o.y + t.y + t.h)
        continue;
      const auto row = model.evaluation()->scores.row(shown[i].index);
      std::vector<int> order(static_cast<std::size_t>(row.size()));
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
      std::sort(order.begin(), order.end(), [&](int a, int b) { return row(a) > row(b); });
      ImGui::BeginTooltip();
      ImGui::Text("test #%d, true class %s", shown[i].index,
                  class_name(d.test, shown[i].label).c_str());
      for (int k = 0; k < 3 && k < static_cast<int>(order.size()); ++k)
        ImGui::Text("%d. %s  %.2f", k + 1,
                    class_name(d.test, order[static_cast<std::size_t>(k)]).c_str(),
                    row(order[static_cast<std::size_t>(k)]));
      ImGui::EndTooltip();
    }
  }
}

void ImagesTab::Impl::samples_section(const Style& style, float w) {
  const float fs = ImGui::GetFontSize();
  heading("Training images per class");
  const images::Dataset& d = *model.data();
  const float fw = std::min(w, fs * 50), fh = std::round(fw / 10 * 1.05f * 3) + fs * 3.2f;
  samples_export.button(
      [&](double ew, double eh) {
        return samples_figure(d, 3, ew, eh, style, widgets::imgui_measure());
      },
      ImVec2(fw, fh));
  lab::TileFigure("##samples", samples_figure(d, 3, fw, fh, style, widgets::imgui_measure()));
}

}  // namespace ll::imagestab
