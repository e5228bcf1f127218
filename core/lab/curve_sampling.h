#pragma once
// Samples the loss-curve families of core/curves.h on a grid, for plots and CSV export:
//   regression    abscissa r (residual): squared, absolute, huber, log_cosh
//   crossentropy  abscissa p (probability of the correct class / y_hat): cross_entropy
//                 (nats, or bits), bce_y1, bce_y0, binary_entropy_bits
//   focal         abscissa p: focal_gamma_G for G in {0, 0.5, 1, 2, 5} plus the chosen gamma,
//                 each weighted by alpha (gamma 0, alpha 1 is cross-entropy). G is written
//                 exactly (shortest round-trip text), so names are unique; the value itself
//                 is kept in CurveTable::gammas: read it there, never parse it from a name.
//   margin        abscissa m = y f(x): zero_one, hinge, squared_hinge, logistic, exponential
// With `derivatives`, each curve is followed by a column d_<name> with its derivative.
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
  double delta = 1.0;  // Huber threshold, > 0
  double gamma = 2.0;  // focal focusing parameter, >= 0
  double alpha = 1.0;  // focal weight, > 0
  bool bits = false;   // cross-entropy in bits instead of nats
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
  const std::vector<double>* column(const std::string& name) const;  // nullptr if absent
};

// Default abscissa range of a family: r in [-3, 3], p in [0.01, 0.99], m in [-2, 3].
void default_range(CurveFamily f, double& lo, double& hi);

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

// Header row "abscissa,name,..." then one row per sample; numbers with 10 significant digits.
std::string to_csv(const CurveTable& t);

}  // namespace ll::lab
