// The two plot figures: the loss over training steps and a family of loss curves (sampled by
// core/lab/curve_sampling, the same table as `losslab curves --out x.csv`).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "app/export/plot_frame.h"
#include "app/figure/loss_plot.h"
#include "app/figure/plot_figure.h"
#include "core/history_thinning.h"

namespace ll::exporter {

void draw_loss_plot(cairo_t* cr, const std::vector<LossRecord>& history,
                    const std::vector<long>& steps, const FigureOptions& opt,
                    const std::vector<figure::PlotMark>& marks) {
  if (!steps.empty() && steps.size() != history.size())
    throw std::invalid_argument("the loss history has " + std::to_string(history.size()) +
                                " records but " + std::to_string(steps.size()) + " step numbers");
  // Never millions of vertices: a long history is thinned like the window's plot.
  ThinnedHistory thinned;
  const bool thin = history.size() > thinned.max_points();
  if (thin)
    for (std::size_t i = 0; i < history.size(); ++i)
      thinned.add(steps.empty() ? static_cast<long>(i) : steps[i], history[i]);
  const std::size_t n = thin ? thinned.points().size() : history.size();
  auto step_at = [&](std::size_t i) {
    if (thin) return static_cast<double>(thinned.points()[i].step);
    return steps.empty() ? static_cast<double>(i) : static_cast<double>(steps[i]);
  };
  auto record_at = [&](std::size_t i) -> const LossRecord& {
    return thin ? thinned.points()[i].record : history[i];
  };
  // The window's loss plot, from the one description: same series, colours, labels and layout.
  std::vector<long> xs(n);
  std::vector<LossRecord> records(n);
  for (std::size_t i = 0; i < n; ++i) {
    xs[i] = static_cast<long>(step_at(i));
    records[i] = record_at(i);
  }
  draw_plot_figure(cr, figure::describe_loss_plot(xs, records, opt.style, marks), opt.width,
                   opt.height, opt);
}

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The figure of one family: the columns of core/lab's CurveTable with their labels, colours and
// a y range that keeps the gentler curves readable (the steep ones leave through the top).
figure::PlotFigure curve_family(const lab::CurveTable& t, lab::CurveFamily family,
                                const lab::CurveParams& p, const FigureOptions& opt) {
  auto col = [&opt](int k) { return opt.style.class_line(k); };
  const palette::Rgb ink = opt.style.colors().text;
  figure::PlotFigure spec;
  spec.y_label = "loss";
  spec.x_min = t.x.front();
  spec.x_max = t.x.back();
  auto add = [&](const std::string& name, const std::string& label, palette::Rgb color,
                 bool dashed = false) {
    if (const std::vector<double>* c = t.column(name)) {
      spec.series.push_back(figure::line(label, color, t.x, *c));
      spec.series.back().dashed = dashed;
    }
  };
  switch (family) {
    case lab::CurveFamily::Regression:
      spec.title = "Regression losses of one residual";
      spec.x_label = "residual r = y \u2212 \u0177";
      add("squared", "squared r\u00b2 (MSE)", col(0));
      add("absolute", "absolute |r| (MAE)", col(1));
      add("huber", "Huber, \u03b4 = " + number(p.delta), col(2));
      add("log_cosh", "log cosh r", col(3), true);
      break;
    case lab::CurveFamily::CrossEntropy: {
      // Every column in the table's one unit (nats, or bits with --bits).
      const bool bits = t.unit == "bits";
      spec.title = bits ? "Binary cross-entropy (bits)" : "Binary cross-entropy (nats)";
      spec.x_label = "predicted probability p of class 1";
      add("bce_y1", bits ? "y = 1: −log₂ p" : "y = 1: −ln p", col(0));
      add("bce_y0", bits ? "y = 0: −log₂(1 − p)" : "y = 0: −ln(1 − p)", col(2));
      add("binary_entropy", "entropy H(p)", col(3), true);
      break;
    }
    case lab::CurveFamily::Focal:
      spec.title = "Focal loss \u2212" + (p.alpha == 1.0 ? std::string() : number(p.alpha) + " ") +
                   "(1 \u2212 p)^\u03b3 ln p";
      spec.x_label = "predicted probability p of the true class";
      for (std::size_t i = 0; i < t.names.size(); ++i) {
        const double g = t.gammas[i];  // kept alongside the column, never parsed from its name
        const bool chosen = g == p.gamma;
        add(t.names[i],
            "\u03b3 = " + number(g) + (g == 0.0 ? " (cross-entropy)" : "") +
                (chosen ? " (chosen)" : ""),
            chosen ? ink : col(static_cast<int>(i)));
      }
      break;
    case lab::CurveFamily::Margin:
      spec.title = "Margin losses (surrogates of the 0\u20131 loss)";
      spec.x_label = "margin m = y f(x)";
      add("zero_one", "0\u20131", ink);
      add("hinge", p.margin == 1.0 ? std::string("hinge") : "hinge, margin " + number(p.margin),
          col(0));
      add("squared_hinge", "squared hinge", col(1));
      add("logistic", "logistic", col(2));
      add("exponential", "exponential", col(3), true);
      add("square", "square (1 − m)²", col(4), true);
      break;
  }
  // The family's view (core/lab: ranges that follow the parameters, axis names with the unit),
  // the window's curves panel's too.
  const lab::CurveView view = lab::default_view(family, p);
  spec.x_min = view.x_min;
  spec.x_max = view.x_max;
  spec.y_min = view.y_min;
  spec.y_max = view.y_max;
  if (spec.x_label.empty()) spec.x_label = view.x_label;
  if (!view.y_label.empty()) spec.y_label = view.y_label;
  return spec;
}

}  // namespace

void draw_curves(cairo_t* cr, const FigureOptions& opt) {
  lab::CurveParams p = opt.curves;
  p.derivatives = false;
  const lab::CurveTable t = lab::sample_curves(opt.family, p);  // validates p
  draw_plot_figure(cr, curve_family(t, opt.family, p, opt), opt.width, opt.height, opt);
}

}  // namespace ll::exporter
