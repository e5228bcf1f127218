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
  bool bits = false;    // cross-entropy in bits instead of nats
  bool derivatives = false;
  int samples = 401;    // grid points, 2 .. 1'000'000
  std::optional<double> min, max;  // abscissa range; defaults per family (default_range)
};

struct CurveTable {
  std::string abscissa;              // "r", "p" or "m"
  std::vector<double> x;
  std::vector<std::string> names;    // one per column
  std::vector<std::vector<double>> columns;
  std::vector<double> gammas;        // per column: its focal gamma, NaN for non-focal columns
  const std::vector<double>* column(const std::string& name) const;  // nullptr if absent
};

// Default abscissa range of a family: r in [-3, 3], p in [0.01, 0.99], m in [-2, 3].
void default_range(CurveFamily f, double& lo, double& hi);

// Empty when the parameters are valid for the family, otherwise a one-line reason.
std::string validate(CurveFamily f, const CurveParams& p);

// Throws std::invalid_argument with validate()'s message on bad parameters.
CurveTable sample_curves(CurveFamily f, const CurveParams& p);

// Header row "abscissa,name,..." then one row per sample; numbers with 10 significant digits.
std::string to_csv(const CurveTable& t);

}  // namespace ll::lab
