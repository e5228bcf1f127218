#include "core/lab/curve_sampling.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "core/curves.h"

namespace ll::lab {
namespace {

using Curve = std::function<curves::ValueGrad(double)>;

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
void fill(CurveTable& t, CurveFamily f, const CurveParams& p) {
  switch (f) {
    case CurveFamily::Regression:
      add(t, p, "squared", curves::squared);
      add(t, p, "absolute", curves::absolute);
      add(t, p, "huber", [&](double r) { return curves::huber(r, p.delta); });
      add(t, p, "log_cosh", curves::log_cosh);
      break;
    case CurveFamily::CrossEntropy:
      add(t, p, "cross_entropy", [&](double x) { return curves::cross_entropy(x, p.bits); });
      add(t, p, "bce_y1", [](double x) { return curves::binary_cross_entropy(1.0, x); });
      add(t, p, "bce_y0", [](double x) { return curves::binary_cross_entropy(0.0, x); });
      add(t, p, "binary_entropy_bits", curves::binary_entropy_bits);
      break;
    case CurveFamily::Focal: {
      std::vector<double> gammas{0.0, 0.5, 1.0, 2.0, 5.0};
      bool listed = false;
      for (double g : gammas) listed = listed || g == p.gamma;
      if (!listed) gammas.push_back(p.gamma);
      for (double g : gammas)
        add(
            t, p, gamma_name(g), [&, g](double x) { return curves::focal(x, g, p.alpha); }, g);
      break;
    }
    case CurveFamily::Margin:
      add(t, p, "zero_one", curves::zero_one);
      add(t, p, "hinge", curves::hinge);
      add(t, p, "squared_hinge", curves::squared_hinge);
      add(t, p, "logistic", curves::logistic);
      add(t, p, "exponential", curves::exponential);
      break;
  }
}

// The largest number whose 10-digit text (to_csv) still reads back as a finite double: cells
// up to DBL_MAX would print as 1.797693135e+308, which reads back as inf.
constexpr double kMaxCell = 1.797693134e308;
bool writable(double v) { return std::abs(v) <= kMaxCell; }  // false for inf and NaN

// The name of the first written column (or the abscissa) that is not finite at x, or "".
std::string non_finite_at(CurveFamily f, const CurveParams& p, double x) {
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
double finite_edge(CurveFamily f, const CurveParams& p, double good, double bad) {
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

void default_range(CurveFamily f, double& lo, double& hi) {
  switch (f) {
    case CurveFamily::Regression:
      lo = -3.0, hi = 3.0;
      return;
    case CurveFamily::CrossEntropy:
    case CurveFamily::Focal:
      lo = 0.01, hi = 0.99;
      return;
    case CurveFamily::Margin:
      lo = -2.0, hi = 3.0;
      return;
  }
}

std::string validate(CurveFamily f, const CurveParams& p) {
  double lo = 0, hi = 0;
  default_range(f, lo, hi);
  lo = p.min.value_or(lo);
  hi = p.max.value_or(hi);
  if (!std::isfinite(lo) || !std::isfinite(hi)) return "--min and --max must be finite numbers";
  if (!(lo < hi)) return "--min must be less than --max";
  if (!std::isfinite(hi - lo)) return "--min and --max are too far apart (max - min overflows)";
  if (p.samples < 2 || p.samples > 1'000'000) return "--samples must be between 2 and 1000000";
  if (!(p.delta > 0.0) || !std::isfinite(p.delta)) return "--delta must be a positive number";
  if (!(p.gamma >= 0.0) || !std::isfinite(p.gamma)) return "--gamma must be >= 0";
  if (!(p.alpha > 0.0) || !std::isfinite(p.alpha)) return "--alpha must be a positive number";
  const bool prob = f == CurveFamily::CrossEntropy || f == CurveFamily::Focal;
  if (prob && !(lo > 0.0 && hi < 1.0))
    return "probability range must lie inside (0, 1): 0 < --min < --max < 1";
  return {};
}

SampleRange sample_range(CurveFamily f, const CurveParams& p) {
  if (std::string err = validate(f, p); !err.empty()) throw std::invalid_argument(err);
  SampleRange r;
  default_range(f, r.lo, r.hi);
  r.lo = p.min.value_or(r.lo);
  r.hi = p.max.value_or(r.hi);
  const std::string bad_lo = non_finite_at(f, p, r.lo), bad_hi = non_finite_at(f, p, r.hi);
  if (bad_lo.empty() && bad_hi.empty()) return r;
  // A finite anchor: the default range's centre if inside, else probes across the range.
  double dlo = 0, dhi = 0;
  default_range(f, dlo, dhi);
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

CurveTable sample_curves(CurveFamily f, const CurveParams& p) {
  const SampleRange range = sample_range(f, p);
  const double lo = range.lo, hi = range.hi;
  CurveTable t;
  t.note = range.note;
  // (Constructed, not assigned from a literal: GCC 12 warns falsely on the latter, PR 105329.)
  t.abscissa = std::string(1, f == CurveFamily::Regression ? 'r'
                              : f == CurveFamily::Margin   ? 'm'
                                                           : 'p');
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
