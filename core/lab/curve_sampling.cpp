#include "core/lab/curve_sampling.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <numbers>
#include <numeric>
#include <stdexcept>

#include "core/curves.h"

namespace ll::lab {
namespace {

using Curve = std::function<curves::ValueGrad(double)>;

// Every family sampled here: the public CurveFamily and the probability family.
enum class Fam { Regression, CrossEntropy, Focal, Margin, Probability };
Fam fam_of(CurveFamily f) {
  switch (f) {
    case CurveFamily::Regression:
      return Fam::Regression;
    case CurveFamily::CrossEntropy:
      return Fam::CrossEntropy;
    case CurveFamily::Focal:
      return Fam::Focal;
    case CurveFamily::Margin:
      return Fam::Margin;
  }
  return Fam::Regression;
}
bool probability_axis(Fam f) {
  return f == Fam::CrossEntropy || f == Fam::Focal || f == Fam::Probability;
}

// A probability curve of y_hat with its derivatives by y_hat and by the logit: columns name,
// d_name and dlogit_name.
void add_probability(CurveTable& t, const CurveParams& p, const std::string& name,
                     curves::ValueGrad (*f)(double, double), double (*dlogit)(double, double),
                     double y) {
  std::vector<double> v, d, dz;
  for (double x : t.x) {
    const curves::ValueGrad g = f(y, x);
    v.push_back(g.value);
    d.push_back(g.grad);
    dz.push_back(dlogit(y, x));
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  t.names.push_back(name);
  t.columns.push_back(std::move(v));
  t.gammas.push_back(nan);
  if (!p.derivatives) return;
  t.names.push_back("d_" + name);
  t.columns.push_back(std::move(d));
  t.gammas.push_back(nan);
  t.names.push_back("dlogit_" + name);
  t.columns.push_back(std::move(dz));
  t.gammas.push_back(nan);
}

void add(CurveTable& t, const CurveParams& p, const std::string& name, const Curve& f,
         double gamma = std::numeric_limits<double>::quiet_NaN()) {
  std::vector<double> v, d;
  v.reserve(t.x.size());
  d.reserve(t.x.size());
  for (double x : t.x) {
    const curves::ValueGrad g = f(x);
    v.push_back(g.value);
    d.push_back(g.grad);
  }
  t.names.push_back(name);
  t.columns.push_back(std::move(v));
  t.gammas.push_back(gamma);
  if (p.derivatives) {
    std::string dname = "d_";
    dname += name;
    t.names.push_back(dname);
    t.columns.push_back(std::move(d));
    t.gammas.push_back(gamma);
  }
}

// "focal_gamma_" and the shortest text that reads back as exactly g: distinct gammas get
// distinct names (2 and 2.0000001 do not collide as they did with %g).
std::string gamma_name(double g) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, g);
  return "focal_gamma_" + std::string(buf, ec == std::errc() ? end : buf);
}

// Adds the family's columns for the abscissas already in t.x.
void fill(CurveTable& t, Fam f, const CurveParams& p) {
  switch (f) {
    case Fam::Regression:
      add(t, p, "squared", curves::squared);
      add(t, p, "absolute", curves::absolute);
      add(t, p, "huber", [&](double r) { return curves::huber(r, p.delta); });
      add(t, p, "log_cosh", curves::log_cosh);
      break;
    case Fam::CrossEntropy: {
      // One unit for every column: nats, or bits.
      const double scale = p.bits ? 1.0 / std::numbers::ln2 : 1.0;
      auto bce = [scale](double y, double x) {
        const curves::ValueGrad g = curves::binary_cross_entropy(y, x);
        return curves::ValueGrad{g.value * scale, g.grad * scale};
      };
      add(t, p, "cross_entropy", [&](double x) { return curves::cross_entropy(x, p.bits); });
      add(t, p, "bce_y1", [&](double x) { return bce(1.0, x); });
      add(t, p, "bce_y0", [&](double x) { return bce(0.0, x); });
      add(t, p, "binary_entropy", [&](double x) { return curves::binary_entropy(x, p.bits); });
      break;
    }
    case Fam::Focal: {
      std::vector<double> gammas{0.0, 0.5, 1.0, 2.0, 5.0};
      bool listed = false;
      for (double g : gammas) listed = listed || g == p.gamma;
      if (!listed) gammas.push_back(p.gamma);
      for (double g : gammas)
        add(
            t, p, gamma_name(g), [&, g](double x) { return curves::focal(x, g, p.alpha); }, g);
      break;
    }
    case Fam::Margin:
      add(t, p, "zero_one", curves::zero_one);
      add(t, p, "hinge", [&](double m) { return curves::hinge(m, p.margin); });
      add(t, p, "squared_hinge", curves::squared_hinge);
      add(t, p, "logistic", curves::logistic);
      add(t, p, "exponential", curves::exponential);
      add(t, p, "square", curves::square);  // last: the older columns keep their places
      break;
    case Fam::Probability:
      add_probability(t, p, "se_y0", curves::squared_error, curves::squared_error_dlogit, 0.0);
      add_probability(t, p, "bce_y0", curves::binary_cross_entropy, curves::bce_dlogit, 0.0);
      add_probability(t, p, "se_y1", curves::squared_error, curves::squared_error_dlogit, 1.0);
      add_probability(t, p, "bce_y1", curves::binary_cross_entropy, curves::bce_dlogit, 1.0);
      break;
  }
}

// The largest number whose 10-digit text (to_csv) still reads back as a finite double: cells
// up to DBL_MAX would print as 1.797693135e+308, which reads back as inf.
constexpr double kMaxCell = 1.797693134e308;
bool writable(double v) { return std::abs(v) <= kMaxCell; }  // false for inf and NaN

// The name of the first written column (or the abscissa) that is not finite at x, or "".
std::string non_finite_at(Fam f, const CurveParams& p, double x) {
  if (!writable(x)) return "the abscissa";
  CurveTable t;
  t.x = {x};
  fill(t, f, p);
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (!writable(t.columns[i][0])) return t.names[i];
  return {};
}

// Doubles as integers in the same order (both zeros map to 0), to bisect on adjacent doubles.
std::int64_t order_key(double d) {
  std::int64_t bits = 0;
  std::memcpy(&bits, &d, sizeof bits);
  return bits >= 0 ? bits : -(bits & std::numeric_limits<std::int64_t>::max());
}

double from_order_key(std::int64_t k) {
  const std::int64_t bits = k >= 0 ? k : ((-k) | std::numeric_limits<std::int64_t>::min());
  double d = 0.0;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// The finite abscissa closest to `bad` between `good` (finite) and `bad` (not), assuming a
// single change in between; at most 64 evaluations.
double finite_edge(Fam f, const CurveParams& p, double good, double bad) {
  std::int64_t g = order_key(good), b = order_key(bad);
  while (g != b && std::midpoint(g, b) != g) {
    const std::int64_t m = std::midpoint(g, b);
    (non_finite_at(f, p, from_order_key(m)).empty() ? g : b) = m;
  }
  return from_order_key(g);
}

std::string format_number(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", d);
  return buf;
}

}  // namespace

const char* to_string(CurveFamily f) {
  switch (f) {
    case CurveFamily::Regression:
      return "regression";
    case CurveFamily::CrossEntropy:
      return "crossentropy";
    case CurveFamily::Focal:
      return "focal";
    case CurveFamily::Margin:
      return "margin";
  }
  return "?";
}

bool parse(const std::string& s, CurveFamily& out) {
  for (CurveFamily f : {CurveFamily::Regression, CurveFamily::CrossEntropy, CurveFamily::Focal,
                        CurveFamily::Margin}) {
    if (s == to_string(f)) {
      out = f;
      return true;
    }
  }
  return false;
}

const std::vector<double>* CurveTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return &columns[i];
  return nullptr;
}

namespace {

void range_of(Fam f, const CurveParams& p, double& lo, double& hi) {
  switch (f) {
    case Fam::Regression: {
      const double r = std::max(3.0, 3.0 * p.delta);
      lo = -r, hi = r;
      return;
    }
    case Fam::CrossEntropy:
    case Fam::Probability:
      lo = 0.01, hi = 0.99;
      return;
    case Fam::Focal:
      lo = 0.01;
      hi = p.gamma > 0.0 ? std::clamp(1.0 - std::pow(10.0, -3.0 / p.gamma), 0.3, 0.99) : 0.99;
      return;
    case Fam::Margin:
      lo = -2.0, hi = std::max(3.0, p.margin + 2.0);
      return;
  }
}

std::string validate_fam(Fam f, const CurveParams& p) {
  if (!(p.delta > 0.0) || !std::isfinite(p.delta)) return "--delta must be a positive number";
  if (!(p.gamma >= 0.0) || !std::isfinite(p.gamma)) return "--gamma must be >= 0";
  if (!(p.alpha > 0.0) || !std::isfinite(p.alpha)) return "--alpha must be a positive number";
  if (!(p.margin >= 0.0 && p.margin <= 1e6)) return "--margin must be in [0, 1e6]";
  double lo = 0, hi = 0;
  range_of(f, p, lo, hi);
  lo = p.min.value_or(lo);
  hi = p.max.value_or(hi);
  if (!std::isfinite(lo) || !std::isfinite(hi)) return "--min and --max must be finite numbers";
  if (!(lo < hi)) return "--min must be less than --max";
  if (!std::isfinite(hi - lo)) return "--min and --max are too far apart (max - min overflows)";
  if (p.samples < 2 || p.samples > 1'000'000) return "--samples must be between 2 and 1000000";
  if (probability_axis(f) && !(lo > 0.0 && hi < 1.0))
    return "probability range must lie inside (0, 1): 0 < --min < --max < 1";
  return {};
}

SampleRange sample_range_fam(Fam f, const CurveParams& p) {
  if (std::string err = validate_fam(f, p); !err.empty()) throw std::invalid_argument(err);
  SampleRange r;
  range_of(f, p, r.lo, r.hi);
  r.lo = p.min.value_or(r.lo);
  r.hi = p.max.value_or(r.hi);
  const std::string bad_lo = non_finite_at(f, p, r.lo), bad_hi = non_finite_at(f, p, r.hi);
  if (bad_lo.empty() && bad_hi.empty()) return r;
  // A finite anchor: the default range's centre if inside, else probes across the range.
  double dlo = 0, dhi = 0;
  range_of(f, p, dlo, dhi);
  const double centre = 0.5 * dlo + 0.5 * dhi;
  std::optional<double> anchor;
  if (centre > r.lo && centre < r.hi && non_finite_at(f, p, centre).empty()) anchor = centre;
  for (int i = 1; i < 64 && !anchor; ++i) {
    const double w = i / 64.0, x = r.lo * (1.0 - w) + r.hi * w;
    if (non_finite_at(f, p, x).empty()) anchor = x;
  }
  if (!anchor) {
    throw std::invalid_argument("no point of [" + format_number(r.lo) + ", " + format_number(r.hi) +
                                "] gives finite values for every curve (" +
                                (bad_lo.empty() ? bad_hi : bad_lo) + " overflows)");
  }
  const double lo0 = r.lo, hi0 = r.hi;
  if (!bad_lo.empty()) r.lo = finite_edge(f, p, *anchor, r.lo);
  if (!bad_hi.empty()) r.hi = finite_edge(f, p, *anchor, r.hi);
  if (!(r.lo < r.hi)) {
    throw std::invalid_argument(
        "only one point of the range gives finite values for every "
        "curve");
  }
  // "clipped --min -800 to -709.7827129 (exponential overflows beyond)"
  std::string note = "clipped";
  if (!bad_lo.empty())
    note += " --min " + format_number(lo0) + " to " + format_number(r.lo) + " (" + bad_lo +
            " overflows beyond)";
  if (!bad_hi.empty())
    note += std::string(bad_lo.empty() ? "" : ",") + " --max " + format_number(hi0) + " to " +
            format_number(r.hi) + " (" + bad_hi + " overflows beyond)";
  r.note = note;
  return r;
}

CurveTable sample_fam(Fam f, const CurveParams& p) {
  const SampleRange range = sample_range_fam(f, p);
  const double lo = range.lo, hi = range.hi;
  CurveTable t;
  t.note = range.note;
  // (Constructed, not assigned from a literal: GCC 12 warns falsely on the latter, PR 105329.)
  t.abscissa = std::string(1, f == Fam::Regression ? 'r' : f == Fam::Margin ? 'm' : 'p');
  if (f == Fam::Probability) t.abscissa = std::string("y_hat");
  if (f == Fam::CrossEntropy) t.unit = std::string(p.bits ? "bits" : "nats");
  if (f == Fam::Focal || f == Fam::Probability) t.unit = std::string("nats");
  t.x.resize(static_cast<std::size_t>(p.samples));
  // lo (1 - t) + hi t: no overflowing hi - lo, and exact end points.
  for (int i = 0; i < p.samples; ++i) {
    const double w = static_cast<double>(i) / (p.samples - 1);
    t.x[static_cast<std::size_t>(i)] = i == p.samples - 1 ? hi : lo * (1.0 - w) + hi * w;
  }
  fill(t, f, p);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    for (std::size_t i = 0; i < t.x.size(); ++i) {
      if (!writable(t.columns[c][i])) {
        throw std::invalid_argument(t.names[c] + " is not finite at " + t.abscissa + " = " +
                                    format_number(t.x[i]));
      }
    }
  }
  return t;
}

CurveView view_of(Fam f, const CurveParams& p) {
  double lo = 0, hi = 0;
  range_of(f, p, lo, hi);
  lo = p.min.value_or(lo);
  hi = p.max.value_or(hi);
  CurveView v;
  v.x_min = lo;
  v.x_max = hi;
  const double ln_scale = f == Fam::CrossEntropy && p.bits ? 1.0 / std::numbers::ln2 : 1.0;
  const std::string log_unit = f == Fam::CrossEntropy && p.bits ? "loss (bits)" : "loss (nats)";
  switch (f) {
    case Fam::Regression: {
      const double r = std::max(std::abs(lo), std::abs(hi));
      v.y_max = 1.1 * std::max(r, curves::huber(r, p.delta).value);
      v.y_min = -0.05 * v.y_max;
      v.x_label = "residual r = y \u2212 \u0177";
      v.y_label = "loss";
      break;
    }
    case Fam::CrossEntropy:
    case Fam::Probability:
      v.x_min = 0.0, v.x_max = 1.0;
      v.y_max = 1.1 * -std::log(lo) * ln_scale;
      v.y_min = -0.04 * v.y_max;
      v.x_label = f == Fam::CrossEntropy ? "p (probability of the correct class)"
                                         : "\u0177 = \u03c3(z) (predicted probability of class 1)";
      v.y_label = f == Fam::CrossEntropy ? log_unit : "loss (squared error; BCE in nats)";
      break;
    case Fam::Focal:
      v.x_min = 0.0, v.x_max = hi;
      v.y_max = 1.1 * curves::focal(lo, p.gamma, p.alpha).value;
      v.y_min = -0.04 * v.y_max;
      v.x_label = "p (probability of the correct class)";
      v.y_label = log_unit;
      break;
    case Fam::Margin:
      v.y_max = std::max(4.0, 1.3 * (p.margin - lo));
      v.y_min = -0.05 * v.y_max;
      v.x_label = "margin m = y\u00b7f(x)";
      v.y_label = "loss";
      break;
  }
  return v;
}

}  // namespace

void default_range(CurveFamily f, const CurveParams& p, double& lo, double& hi) {
  range_of(fam_of(f), p, lo, hi);
}

void default_range(CurveFamily f, double& lo, double& hi) {
  range_of(fam_of(f), CurveParams{}, lo, hi);
}

CurveView default_view(CurveFamily f, const CurveParams& p) { return view_of(fam_of(f), p); }
CurveView probability_view(const CurveParams& p) { return view_of(Fam::Probability, p); }

std::string validate(CurveFamily f, const CurveParams& p) { return validate_fam(fam_of(f), p); }
SampleRange sample_range(CurveFamily f, const CurveParams& p) {
  return sample_range_fam(fam_of(f), p);
}
CurveTable sample_curves(CurveFamily f, const CurveParams& p) { return sample_fam(fam_of(f), p); }

std::string validate_probability(const CurveParams& p) { return validate_fam(Fam::Probability, p); }
SampleRange probability_sample_range(const CurveParams& p) {
  return sample_range_fam(Fam::Probability, p);
}
CurveTable sample_probability_curves(const CurveParams& p) {
  return sample_fam(Fam::Probability, p);
}

std::string to_csv(const CurveTable& t) {
  std::string out = t.abscissa;
  for (const std::string& n : t.names) {
    out += ',';
    out += n;
  }
  out += "\n";
  char buf[32];
  for (std::size_t i = 0; i < t.x.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%.10g", t.x[i]);
    out += buf;
    for (const std::vector<double>& c : t.columns) {
      std::snprintf(buf, sizeof buf, ",%.10g", c[i]);
      out += buf;
    }
    out += "\n";
  }
  return out;
}

}  // namespace ll::lab
