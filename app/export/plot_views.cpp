// The two plot figures: the loss over training steps and a family of loss curves.
#include <cmath>
#include <functional>

#include "app/export/plot_frame.h"
#include "core/curves.h"

namespace ll::exporter {

void draw_loss_plot(cairo_t* cr, const std::vector<LossRecord>& history, const FigureOptions& opt) {
  PlotSpec spec;
  spec.title = "Loss over training steps";
  spec.x_label = "step";
  spec.y_label = "loss";
  Series total{"total loss", palette::theme_colors(opt.theme).text, {}, {}};
  Series data{"data loss", palette::class_color(0, opt.theme), {}, {}};
  Series reg{"regularization", palette::class_color(2, opt.theme), {}, {}, true};
  for (std::size_t i = 0; i < history.size(); ++i) {
    const double step = static_cast<double>(i);
    for (Series* s : {&total, &data, &reg}) s->x.push_back(step);
    total.y.push_back(history[i].total_loss);
    data.y.push_back(history[i].data_loss);
    reg.y.push_back(history[i].reg_loss);
  }
  spec.series = {std::move(total), std::move(data), std::move(reg)};
  spec.x_min = 0.0;
  spec.x_max = history.size() > 1 ? static_cast<double>(history.size() - 1) : 1.0;
  fit_y_range(spec);
  draw_plot(cr, spec, opt);
}

namespace {

using Fn = std::function<double(double)>;

Series sample(const std::string& name, palette::Rgb color, double lo, double hi, const Fn& f,
              bool dashed = false) {
  Series s{name, color, {}, {}, dashed};
  constexpr int kSamples = 600;
  for (int i = 0; i <= kSamples; ++i) {
    const double x = lo + (hi - lo) * i / kSamples;
    s.x.push_back(x);
    s.y.push_back(f(x));
  }
  return s;
}

PlotSpec curve_family(CurveFamily family, palette::Theme theme) {
  namespace c = ll::curves;
  auto col = [theme](int k) { return palette::class_color(k, theme); };
  PlotSpec spec;
  spec.y_label = "loss";
  switch (family) {
    case CurveFamily::Regression:
      spec.title = "Regression losses of one residual";
      spec.x_label = "residual r = y \u2212 \u0177";
      spec.x_min = -3.0, spec.x_max = 3.0, spec.y_max = 4.5;
      spec.legend_x = 0.5;  // the curves rise on both sides
      spec.series = {
          sample("squared r\u00b2 (MSE)", col(0), -3.0, 3.0, [](double r) { return c::squared(r).value; }),
          sample("absolute |r| (MAE)", col(1), -3.0, 3.0, [](double r) { return c::absolute(r).value; }),
          sample("Huber, \u03b4 = 1", col(2), -3.0, 3.0, [](double r) { return c::huber(r, 1.0).value; }),
          sample("log cosh r", col(3), -3.0, 3.0, [](double r) { return c::log_cosh(r).value; }, true)};
      break;
    case CurveFamily::CrossEntropy:
      spec.title = "Binary cross-entropy";
      spec.x_label = "predicted probability p of class 1";
      spec.x_min = 0.0, spec.x_max = 1.0, spec.y_max = 5.0;
      spec.series = {
          sample("y = 1: \u2212ln p", col(0), 0.002, 1.0,
                 [](double p) { return c::binary_cross_entropy(1.0, p).value; }),
          sample("y = 0: \u2212ln(1 \u2212 p)", col(2), 0.0, 0.998,
                 [](double p) { return c::binary_cross_entropy(0.0, p).value; }),
          sample("y = 1 in bits: \u2212log\u2082 p", col(1), 0.002, 1.0,
                 [](double p) { return c::cross_entropy(p, true).value; }, true)};
      spec.legend_x = 0.5;  // the curves rise at both ends
      break;
    case CurveFamily::Focal:
      spec.title = "Focal loss \u2212(1 \u2212 p)^\u03b3 ln p";
      spec.x_label = "predicted probability p of the true class";
      spec.x_min = 0.0, spec.x_max = 1.0, spec.y_max = 5.0;
      for (const auto& [gamma, name] : {std::pair{0.0, "\u03b3 = 0 (cross-entropy)"},
                                        std::pair{0.5, "\u03b3 = 0.5"}, std::pair{1.0, "\u03b3 = 1"},
                                        std::pair{2.0, "\u03b3 = 2"}, std::pair{5.0, "\u03b3 = 5"}}) {
        const double g = gamma;
        spec.series.push_back(sample(name, col(static_cast<int>(spec.series.size())), 0.002, 1.0,
                                     [g](double p) { return c::focal(p, g).value; }));
      }
      break;
    case CurveFamily::Margin:
      spec.title = "Margin losses (surrogates of the 0\u20131 loss)";
      spec.x_label = "margin m = y f(x)";
      spec.x_min = -2.0, spec.x_max = 3.0, spec.y_max = 4.0;
      spec.series = {
          sample("0\u20131", palette::theme_colors(theme).text, -2.0, 3.0, [](double m) { return c::zero_one(m).value; }),
          sample("hinge", col(0), -2.0, 3.0, [](double m) { return c::hinge(m).value; }),
          sample("squared hinge", col(1), -2.0, 3.0, [](double m) { return c::squared_hinge(m).value; }),
          sample("logistic", col(2), -2.0, 3.0, [](double m) { return c::logistic(m).value; }),
          sample("exponential", col(3), -2.0, 3.0, [](double m) { return c::exponential(m).value; },
                 true)};
      break;
  }
  return spec;
}

}  // namespace

void draw_curves(cairo_t* cr, const FigureOptions& opt) {
  draw_plot(cr, curve_family(opt.family, opt.theme), opt);
}

}  // namespace ll::exporter
