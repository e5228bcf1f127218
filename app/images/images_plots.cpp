#include "app/images/images_plots.h"

#include <algorithm>

namespace ll::imagestab {

namespace {

// The x axis reaches a little past the last step, so its markers are drawn whole.
constexpr double kRightRoom = 1.04;

palette::Rgb test_colour(const Style& style) { return style.plot().data; }
palette::Rgb train_colour(const Style& style) { return style.plot().accuracy; }

}  // namespace

figure::PlotFigure accuracy_figure(const images::TrainSnapshot& s, const Style& style) {
  figure::PlotFigure f;
  f.title = "Accuracy";
  f.x_label = "step";
  f.y_label = "accuracy";
  f.x_integer = true;
  std::vector<double> x, train, test;
  for (const images::EvalRecord& e : s.evaluations) {
    x.push_back(static_cast<double>(e.step));
    train.push_back(e.train_accuracy);
    test.push_back(e.test_accuracy);
  }
  f.series.push_back(figure::line("train", train_colour(style), x, train));
  f.series.push_back(figure::line("test", test_colour(style), x, test));
  if (x.size() == 1) {  // one evaluation: markers, a line needs two
    for (auto& ser : f.series) ser.kind = figure::SeriesKind::Markers, ser.width = 4.0;
  }
  f.x_min = 0.0;
  f.x_max = std::max(1.0, x.empty() ? 1.0 : x.back()) * kRightRoom;
  f.y_min = 0.0;
  f.y_max = 1.0;
  f.legend_place = figure::LegendPlace::BottomRight;
  return f;
}

figure::PlotFigure loss_figure(const images::TrainSnapshot& s, const Style& style) {
  figure::PlotFigure f;
  f.title = "Data loss";
  f.x_label = "step";
  f.y_label = "loss";
  f.x_integer = true;
  std::vector<double> hx, hy;
  for (const images::StepRecord& r : s.history) {
    hx.push_back(static_cast<double>(r.step));
    hy.push_back(r.data_loss);
  }
  figure::PlotSeries mb = figure::line("minibatch", style.plot().total, hx, hy, 1.5);
  mb.alpha = 0.5;
  f.series.push_back(std::move(mb));
  std::vector<double> x, train, test;
  for (const images::EvalRecord& e : s.evaluations) {
    x.push_back(static_cast<double>(e.step));
    train.push_back(e.train_loss);
    test.push_back(e.test_loss);
  }
  f.series.push_back(figure::markers("train", train_colour(style), x, train, 3.5));
  f.series.push_back(figure::markers("test", test_colour(style), x, test, 3.5));
  f.x_min = 0.0;
  double xm = 1.0;
  if (!hx.empty()) xm = std::max(xm, hx.back());
  if (!x.empty()) xm = std::max(xm, x.back());
  f.x_max = xm * kRightRoom;
  figure::fit_y(f, true);
  return f;
}

}  // namespace ll::imagestab
