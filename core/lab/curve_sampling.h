#pragma once
// Samples the loss-curve families of core/curves.h on a grid, for plots and CSV export:
//   regression    abscissa r (residual): squared, absolute, huber, log_cosh
//   crossentropy  abscissa p (probability of the correct class / y_hat): cross_entropy,
//                 bce_y1, bce_y0, binary_entropy, every column in one unit (CurveTable::unit):
//                 nats, or bits with `bits`
//   focal         abscissa p: focal_gamma_G for G in {0, 0.5, 1, 2, 5} plus the chosen gamma,
//                 each weighted by alpha (gamma 0, alpha 1 is cross-entropy). G is written
//                 exactly (shortest round-trip text), so names are unique; the value itself
//                 is kept in CurveTable::gammas: read it there, never parse it from a name.
//   margin        abscissa m = y f(x): zero_one, hinge (max(0, margin - m)), squared_hinge,
//                 logistic, exponential, square ((1 - m)^2, the binary square loss)
//   probability   abscissa y_hat = sigma(z) in (0, 1), a sigmoid output against targets 0 and 1:
//                 se_y0, bce_y0, se_y1, bce_y1 (squared error and binary cross-entropy in nats);
//                 sample_probability_curves, outside CurveFamily while the exporter draws only
//                 the four families above
// With `derivatives`, each curve is followed by a column d_<name> with its derivative (for the
// probability family: with respect to y_hat, then dlogit_<name>, with respect to the logit z).
// No cell is ever inf or NaN: the range is clipped to where every written column is finite
// (e.g. margin: exponential overflows for m < -709.78; regression: squared for |r| > 1.34e154;
// crossentropy/focal derivatives: -1/p for p < 5.6e-309), and refused when nothing is left.
#include <optional>
#include <string>
#include <vector>

namespace ll::lab {

enum class CurveFamily { Regression, CrossEntropy, Focal, Margin };
const char* to_string(CurveFamily f);  // "regression", "crossentropy", "focal", "margin"
bool parse(const std::string& s, CurveFamily& out);

struct CurveParams {
  double delta = 1.0;   // Huber threshold, > 0
  double gamma = 2.0;   // focal focusing parameter, >= 0
  double alpha = 1.0;   // focal weight, > 0
  double margin = 1.0;  // the binary hinge's margin: max(0, margin - m), in [0, 1e6]
  bool bits = false;    // cross-entropy in bits instead of nats
  bool derivatives = false;
  int samples = 401;               // grid points, 2 .. 1'000'000
  std::optional<double> min, max;  // abscissa range; defaults per family (default_range)
};

struct CurveTable {
  std::string abscissa;  // "r", "p" or "m"
  std::vector<double> x;
  std::vector<std::string> names;  // one per column
  std::vector<std::vector<double>> columns;
  std::vector<double> gammas;  // per column: its focal gamma, NaN for non-focal columns
  std::string note;            // what sample_range clipped, "" when nothing was
  std::string unit;            // of every column: "nats" or "bits" (the log losses), "" (no unit)
  const std::vector<double>* column(const std::string& name) const;  // nullptr if absent
};

// Default abscissa range of a family, following its parameters (the window's curves and
// `losslab curves` without --min/--max):
//   regression    r in [-R, R], R = max(3, 3 delta): Huber's kinks at +-delta and its linear
//                 parts on both sides
//   crossentropy  p in [0.01, 0.99]
//   focal         p in [0.01, h], h = 1 - 10^(-3/gamma) within [0.3, 0.99]: beyond h every
//                 focal term is below 1/1000 of cross-entropy ((1 - p)^gamma < 1e-3)
//   margin        m in [-2, max(3, margin + 2)]
void default_range(CurveFamily f, const CurveParams& p, double& lo, double& hi);
// The same for the default parameters: r in [-3, 3], p in [0.01, 0.99], m in [-2, 3].
void default_range(CurveFamily f, double& lo, double& hi);

// A figure's axes for the family sampled on its range (p.min/p.max, else default_range): the
// x range, a y range that shows what the parameters change (regression: up to Huber's value at
// the end of the range, so its linear part shows, steeper curves leaving through the top;
// focal: the chosen gamma's curve; margin: the hinge at the left end), and the axis labels with
// the unit of the y axis (one unit per figure, e.g. "loss (nats)").
struct CurveView {
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0;
  std::string x_label, y_label;
};
CurveView default_view(CurveFamily f, const CurveParams& p);
CurveView probability_view(const CurveParams& p);

// Empty when the parameters are valid for the family, otherwise a one-line reason.
std::string validate(CurveFamily f, const CurveParams& p);

// The abscissa range sample_curves samples: the requested (or default) range clipped to the
// largest interval around a finite point where every column written is finite. `note` is one
// line saying what was clipped and which curve overflows beyond ("" when nothing was).
// Throws std::invalid_argument with validate()'s message on bad parameters, or when no probed
// point of the range gives finite values for every curve (e.g. --alpha near 1e308).
struct SampleRange {
  double lo = 0.0, hi = 0.0;
  std::string note;
};
SampleRange sample_range(CurveFamily f, const CurveParams& p);

// Samples on sample_range(f, p). Throws std::invalid_argument as sample_range does, and when a
// cell inside the clipped range is still not finite (the message names the curve and abscissa).
CurveTable sample_curves(CurveFamily f, const CurveParams& p);

// The probability family (`losslab curves --family probability`): validate, sample_range and
// sample_curves for it. Default range y_hat in [0.01, 0.99]; the range must lie inside (0, 1).
std::string validate_probability(const CurveParams& p);
SampleRange probability_sample_range(const CurveParams& p);
CurveTable sample_probability_curves(const CurveParams& p);

// Header row "abscissa,name,..." then one row per sample; numbers with 10 significant digits.
std::string to_csv(const CurveTable& t);

}  // namespace ll::lab
