#pragma once
// The "Distributions" tab: two discrete distributions p and q over 2..10 outcomes as bars you
// drag (the other bars rescale, so each stays a distribution), presets, and their entropies,
// cross-entropies and KL divergences (core/lab/distributions) with H(p,q) = H(p) + D_KL(p‖q)
// drawn as stacked bars; then the per-sample mode: rows of predicted probabilities with one-hot
// targets, each row's −log q_y, their sum and mean and the error rate.
#include <imgui.h>

#include <string>
#include <vector>

#include "core/lab/distributions.h"
#include "core/lab/same_accuracy.h"

namespace ll::lab {

// Sets entry i of the distribution `d` to v (clamped to [0, 1]) and rescales the others so the
// sum stays 1: in proportion to their values, or equally when they are all 0.
void set_keeping_sum(std::vector<double>& d, int i, double v);

// The tab's state without a window.
struct DistributionsModel {
  std::vector<double> p, q;     // same size, 2..10, each summing to 1
  LogBase base = LogBase::Two;  // of every value shown, both sections
  ProbabilityTable samples;     // per-sample mode: rows of predicted probabilities, labels

  DistributionsModel();  // p peaked (0.7) and q uniform over 3 outcomes; model A's rows

  int outcomes() const { return static_cast<int>(p.size()); }
  // Resizes p and q to n outcomes (clamped to 2..10): kept entries, new ones 1/n, renormalized.
  void set_outcomes(int n);
  // which 0: p, 1: q.
  std::vector<double>& dist(int which) { return which == 0 ? p : q; }
  void set_bar(int which, int i, double v) { set_keeping_sum(dist(which), i, v); }
  // Replaces p or q (normalized); the other is resized to the same number of outcomes. False,
  // with `why` set, when core's normalized() refuses it or the size is not 2..10.
  bool set_distribution(int which, const std::vector<double>& d, std::string& why);
  DistributionReport report() const { return compare(p, q, base); }

  // Per-sample mode.
  int sample_classes() const { return static_cast<int>(samples.probs.cols()); }
  int sample_rows() const { return static_cast<int>(samples.probs.rows()); }
  void set_sample_classes(int K);                  // 2..10: rows renormalized, labels kept in range
  void set_sample_rows(int N);                     // 1..20: new rows uniform, label 0
  void set_sample_prob(int row, int k, double v);  // the row's others rescale (set_keeping_sum)
  void set_sample_label(int row, int k);
  PerSampleResult per_sample_result() const { return per_sample(samples, base); }
};

class DistributionsPanel {
 public:
  void draw();

  DistributionsModel& model() { return model_; }

  // The last draw's bar chart of p (0) or q (1): the plot area (screen pixels), value 1 at
  // top, 0 at bottom; bars split [x0, x1] evenly. The render tests read pixels there.
  struct Chart {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // y0: value 1, y1: value 0
  };
  const Chart& chart(int which) const { return charts_[which]; }
  static ImU32 bar_color(int which);

 private:
  void controls();
  void preset_menu(int which);
  void bars(int which, float w, float h);
  void numbers(const DistributionReport& r, float w);
  void identity(const DistributionReport& r, float w, float h);
  void per_sample_section();

  DistributionsModel model_;
  Chart charts_[2];
  int dragging_[2] = {-1, -1};  // the bar held in each chart
  int outcome_ = 0;             // the outcome one-hot and peaked presets put their mass on
  float peak_ = 0.7f;
  std::string scores_ = "3.2, 5.1, -1.7";  // softmax preset
  std::string message_;
};

}  // namespace ll::lab
