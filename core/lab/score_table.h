#pragma once
// The score-table lab's model: one column per example and one row per class, as on the slides,
// with each column's losses written out term by term. The losses are core/losses.h's
// point_loss (one definition); every hinge term shown is that definition applied to the two
// classes involved, so the terms add up to the column's loss.
//   Weston-Watkins: L_i = sum_{j != y} h(s_j - s_y + Delta)   (+ h(Delta) for j = y if asked)
//   One-vs-all:     L_i = sum_j h(Delta - t_j s_j), t_j = +1 if j == y else -1
//   Structured:     L_i = h(max_{j != y} s_j - s_y + Delta)    (ties: lower index)
//   Softmax:        scores -> exp -> normalize -> L_i = -log_b p_y
// h(m) = max(0, m) or max(0, m)^2 (squared hinge). All scores are multiplied by `scale` first.
#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "core/lab/log_base.h"

namespace ll::lab {

// The score table's own limits (independent of core's kMaxClasses).
inline constexpr int kMinTableClasses = 2;
inline constexpr int kMaxTableClasses = 10;
inline constexpr int kMaxLabExamples = 20;     // columns in the lab's table
inline constexpr int kMaxFileExamples = 1000;  // examples in a `losslab scores` file

struct ScoreTable {
  std::vector<std::string> class_names;    // K (row names)
  std::vector<std::string> example_names;  // N (column names; may be empty strings)
  Eigen::MatrixXd scores;                  // K x N: column i holds example i's scores
  std::vector<int> labels;                 // N: the correct class of each column
  int classes() const { return static_cast<int>(scores.rows()); }
  int examples() const { return static_cast<int>(scores.cols()); }
};

struct ScoreOptions {
  double delta = 1.0;            // hinge margin Delta
  bool squared = false;          // squared hinge (the three SVM losses)
  bool include_correct = false;  // the Weston-Watkins sum also runs over j = y
  bool sum = false;              // totals: sum over examples instead of the mean
  double scale = 1.0;            // every score is multiplied by this first ("W and 2W")
  LogBase log = LogBase::E;      // base of the softmax losses
};

// One hinge term h(margin): margin = s_j - s_y + Delta (Weston-Watkins, structured) or
// Delta - t_j s_j (one-vs-all).
struct HingeTerm {
  int j = 0;
  double margin = 0.0;
  double value = 0.0;
};

struct ColumnResult {
  Eigen::VectorXd scores;  // K, already multiplied by the scale
  int label = 0;
  int prediction = 0;                // argmax (ties: lower index)
  std::vector<HingeTerm> ww_terms;   // ascending j; j = y only with include_correct
  std::vector<HingeTerm> ova_terms;  // all K classes
  HingeTerm structured_term;         // j = the strongest rival of y
  double ww = 0.0, ova = 0.0, structured = 0.0;
  // Softmax pipeline as the slides write it: e^{s_j} (unshifted, so it overflows to inf for
  // s_j > 709.78; the probabilities and the loss do not: they use log-sum-exp).
  Eigen::VectorXd exps;
  double exp_sum = 0.0;
  Eigen::VectorXd probabilities;
  double softmax = 0.0;  // -log_b p_y
};

// The four losses side by side.
struct PerLoss {
  double ww = 0.0, ova = 0.0, structured = 0.0, softmax = 0.0;
};

struct TableResult {
  std::vector<ColumnResult> columns;
  PerLoss totals;  // mean over the columns, or the sum with options.sum
  // Bounds of the totals over all possible scores: the minimum (0, or N h(Delta) ... see
  // loss_bounds) and the maximum (+inf for every loss: scores are unbounded).
  PerLoss min, max;
  bool softmax_min_attained = false;  // softmax only approaches 0, never reaches it
  // The totals when every score is 0 (small random initial W): (C - 1) h(Delta) for
  // Weston-Watkins (C h(Delta) with include_correct), C h(Delta) one-vs-all, h(Delta)
  // structured, log_b C softmax; times N with options.sum.
  PerLoss at_zero;
};

// Empty string when `t` can be evaluated, else a one-line reason: K in 2..10, 1..max_examples
// columns, one label in [0, K) per column, finite scores, K class names (or none), N example
// names (or none).
std::string validate(const ScoreTable& t, int max_examples = kMaxLabExamples);
// Empty string when the options are usable: finite scale, finite Delta >= 0.
std::string validate(const ScoreOptions& o);

// Losses of one column of scores (before scaling) with correct class `label`. Preconditions as
// validate (std::invalid_argument otherwise).
ColumnResult evaluate_column(const Eigen::VectorXd& scores, int label, const ScoreOptions& o);

// Every column plus totals, bounds and the zero-score values. Throws std::invalid_argument with
// validate's reason, or when a scaled score is not finite.
TableResult evaluate(const ScoreTable& t, const ScoreOptions& o,
                     int max_examples = kMaxLabExamples);

// A column's computation written out as on the slides, numbers rounded to `decimals` places
// (trailing zeros dropped):
//   ww:         "max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9 + 0 = 2.9"
//   ova:        "max(0, 1 - 3.2) + max(0, 1 + 5.1) + max(0, 1 + (-1.7)) = 0 + 6.1 + 0 = 6.1"
//   structured: "max(0, 5.1 - 3.2 + 1) = 2.9"   (the strongest rival of the correct class)
//   softmax:    "exp: 24.53, 164.02, 0.18; normalize: 0.13, 0.87, 0; -ln(0.13) = 2.04"
// A negative subtracted score is parenthesized ("2.2 - (-3.1) + 1"); squared hinges read
// "max(0, ...)^2"; the softmax loss is -ln, -log2 or -log10 after the options' base.
std::string worked_ww(const ColumnResult& c, const ScoreOptions& o, int decimals = 2);
std::string worked_ova(const ColumnResult& c, const ScoreOptions& o, int decimals = 2);
std::string worked_structured(const ColumnResult& c, const ScoreOptions& o, int decimals = 2);
std::string worked_softmax(const ColumnResult& c, const ScoreOptions& o, int decimals = 2);
// `v` rounded to `decimals` places, trailing zeros and a trailing point dropped, no "-0";
// "inf" for +infinity.
std::string format_rounded(double v, int decimals = 2);

// A table of the same shape whose scores are small Gaussian noise (sd `sigma`): the lecture's
// "W small at initialization, all s ~ 0". Deterministic for a seed.
ScoreTable small_random_scores(const ScoreTable& t, double sigma, unsigned long long seed);

// Parses a pasted table: rows = classes, columns = examples, cells separated by tabs (when any
// line has one), otherwise by commas; a Markdown table (| a | b |, its |---| line skipped) also
// reads. Optional header row (example names) and first column (class names). A header cell
// whose first word is a class name ("cat image") makes that class the column's label; other
// columns get label 0 (labels_from_header counts the matched ones). Throws
// std::invalid_argument with a one-line reason naming the 1-based row and column.
struct ParsedTable {
  ScoreTable table;
  int labels_from_header = 0;
};
ParsedTable parse_score_table(std::string_view text, int max_examples = kMaxLabExamples);

}  // namespace ll::lab
