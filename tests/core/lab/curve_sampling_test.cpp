#include "core/lab/curve_sampling.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "core/curves.h"

namespace ll::lab {
namespace {

TEST(CurveSampling, FamiliesHaveTheirColumns) {
  CurveParams p;
  p.samples = 11;
  const CurveTable r = sample_curves(CurveFamily::Regression, p);
  EXPECT_EQ(r.abscissa, "r");
  EXPECT_EQ(r.names, (std::vector<std::string>{"squared", "absolute", "huber", "log_cosh"}));
  ASSERT_EQ(r.x.size(), 11u);
  EXPECT_DOUBLE_EQ(r.x.front(), -3.0);
  EXPECT_DOUBLE_EQ(r.x.back(), 3.0);
  EXPECT_EQ(sample_curves(CurveFamily::Margin, p).names,
            (std::vector<std::string>{"zero_one", "hinge", "squared_hinge", "logistic",
                                      "exponential", "square"}));
  EXPECT_EQ(sample_curves(CurveFamily::CrossEntropy, p).abscissa, "p");
  p.gamma = 3.0;
  const CurveTable f = sample_curves(CurveFamily::Focal, p);
  EXPECT_EQ(f.names.size(), 6u);  // 0, 0.5, 1, 2, 5 and 3
  EXPECT_NE(f.column("focal_gamma_3"), nullptr);
  EXPECT_EQ(f.column("nope"), nullptr);
}

TEST(CurveSampling, ValuesComeFromCoreCurves) {
  CurveParams p;
  p.delta = 0.7;
  p.samples = 7;
  p.derivatives = true;
  p.bits = true;
  const CurveTable r = sample_curves(CurveFamily::Regression, p);
  const auto& h = *r.column("huber");
  const auto& dh = *r.column("d_huber");
  for (std::size_t i = 0; i < r.x.size(); ++i) {
    EXPECT_DOUBLE_EQ(h[i], curves::huber(r.x[i], 0.7).value);
    EXPECT_DOUBLE_EQ(dh[i], curves::huber(r.x[i], 0.7).grad);
  }
  const CurveTable c = sample_curves(CurveFamily::CrossEntropy, p);
  EXPECT_DOUBLE_EQ((*c.column("cross_entropy"))[3], curves::cross_entropy(c.x[3], true).value);
}

TEST(CurveSampling, RejectsBadParameters) {
  CurveParams p;
  EXPECT_TRUE(validate(CurveFamily::Regression, p).empty());
  p.delta = 0.0;
  EXPECT_FALSE(validate(CurveFamily::Regression, p).empty());
  EXPECT_THROW(sample_curves(CurveFamily::Regression, p), std::invalid_argument);
  p = {};
  p.min = 0.0;
  EXPECT_FALSE(validate(CurveFamily::CrossEntropy, p).empty());  // -ln 0
  EXPECT_TRUE(validate(CurveFamily::Margin, p).empty());
  p.max = -1.0;
  EXPECT_FALSE(validate(CurveFamily::Margin, p).empty());
  p = {};
  p.samples = 1;
  EXPECT_FALSE(validate(CurveFamily::Margin, p).empty());
  p = {};
  p.gamma = -1;
  EXPECT_FALSE(validate(CurveFamily::Focal, p).empty());
}

TEST(CurveSampling, CsvHasHeaderAndOneRowPerSample) {
  CurveParams p;
  p.samples = 3;
  const std::string csv = to_csv(sample_curves(CurveFamily::Margin, p));
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "m,zero_one,hinge,squared_hinge,logistic,exponential,square");
  std::getline(in, line);
  EXPECT_EQ(line.substr(0, 11), "-2,1,3,9,2.");
  int rows = 1;
  while (std::getline(in, line)) ++rows;
  EXPECT_EQ(rows, 3);
}

// Regression: lo + (hi - lo) i / (n - 1) overflowed to inf/nan rows for +-1e308.
TEST(CurveSampling, HugeRangesAreRejectedAndWideOnesStayFinite) {
  CurveParams p;
  p.min = -1e308;
  p.max = 1e308;
  EXPECT_NE(validate(CurveFamily::Margin, p).find("too far apart"), std::string::npos);
  EXPECT_THROW(sample_curves(CurveFamily::Margin, p), std::invalid_argument);
  p.min = -8e307;
  p.max = 8e307;
  p.samples = 5;
  // Was sampled as asked, with inf cells (r^2); now clipped to where r^2 is finite.
  const CurveTable t = sample_curves(CurveFamily::Regression, p);
  ASSERT_EQ(t.x.size(), 5u);
  EXPECT_NEAR(t.x.front() / -1.3407807929942596e154, 1.0, 1e-9);  // -sqrt(DBL_MAX)
  EXPECT_EQ(t.x[2], 0.0);
  EXPECT_EQ(t.x.back(), -t.x.front());
  for (double x : t.x) EXPECT_TRUE(std::isfinite(x));
  for (const auto& c : t.columns)
    for (double v : c) EXPECT_TRUE(std::isfinite(v));
}

// Regression: %g named gamma 2.0000001 "focal_gamma_2", the same as gamma 2.
TEST(CurveSampling, FocalNamesAreExactAndUniqueWithTheirGammaAlongside) {
  CurveParams p;
  p.samples = 3;
  p.gamma = 2.0000001;
  p.derivatives = true;
  const CurveTable f = sample_curves(CurveFamily::Focal, p);
  ASSERT_EQ(f.names.size(), 12u);
  ASSERT_EQ(f.gammas.size(), f.names.size());
  for (std::size_t i = 0; i < f.names.size(); ++i)
    for (std::size_t j = i + 1; j < f.names.size(); ++j) EXPECT_NE(f.names[i], f.names[j]);
  ASSERT_NE(f.column("focal_gamma_2.0000001"), nullptr);
  EXPECT_EQ(f.names[10], "focal_gamma_2.0000001");
  EXPECT_EQ(f.gammas[10], 2.0000001);
  EXPECT_EQ(f.gammas[11], 2.0000001);  // its derivative column
  EXPECT_EQ(f.gammas[6], 2.0);
  EXPECT_DOUBLE_EQ((*f.column("focal_gamma_2.0000001"))[1], curves::focal(f.x[1], 2.0000001).value);
  EXPECT_TRUE(std::isnan(sample_curves(CurveFamily::Margin, p).gammas[0]));
}

TEST(CurveSampling, ParseFamilyNames) {
  CurveFamily f{};
  EXPECT_TRUE(parse("focal", f));
  EXPECT_EQ(f, CurveFamily::Focal);
  EXPECT_FALSE(parse("Focal", f));
  EXPECT_STREQ(to_string(CurveFamily::CrossEntropy), "crossentropy");
}

// Every cell of a table is finite, and so is what its CSV text reads back as (strtod reads text
// beyond the largest double as inf).
void expect_all_finite(const CurveTable& t) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    for (std::size_t i = 0; i < t.x.size(); ++i)
      ASSERT_TRUE(std::isfinite(t.columns[c][i])) << t.names[c] << " at " << t.x[i];
  std::istringstream csv(to_csv(t));
  std::string line, cell;
  std::getline(csv, line);  // header
  while (std::getline(csv, line)) {
    std::istringstream row(line);
    while (std::getline(row, cell, ',')) {
      ASSERT_TRUE(std::isfinite(std::strtod(cell.c_str(), nullptr))) << cell;
    }
  }
}

// Regression: `curves --family margin --min -800 --max 800` wrote inf cells (e^800).
TEST(CurveSampling, MarginRangeIsClippedWhereTheExponentialOverflows) {
  CurveParams p;
  p.min = -800.0;
  p.max = 800.0;
  p.samples = 101;
  const SampleRange r = sample_range(CurveFamily::Margin, p);
  EXPECT_NEAR(r.lo, -709.78, 0.01);
  EXPECT_EQ(r.hi, 800.0);
  EXPECT_NE(r.note.find("exponential"), std::string::npos) << r.note;
  EXPECT_LE(std::exp(-r.lo), 1.797693134e308);  // the edge is exact: one double further is not
  EXPECT_GT(std::exp(-std::nextafter(r.lo, -1e300)), 1.797693134e308);
  const CurveTable t = sample_curves(CurveFamily::Margin, p);
  EXPECT_EQ(t.x.front(), r.lo);
  EXPECT_EQ(t.note, r.note);
  expect_all_finite(t);
}

TEST(CurveSampling, EveryFamilyIsClippedToFiniteValues) {
  CurveParams reg;
  reg.min = -1e200;
  reg.max = 1e200;
  reg.derivatives = true;
  const SampleRange r = sample_range(CurveFamily::Regression, reg);  // squared: r^2 overflows
  EXPECT_NEAR(r.hi, 1.34e154, 0.01e154);
  EXPECT_EQ(r.lo, -r.hi);
  EXPECT_NE(r.note.find("squared"), std::string::npos) << r.note;
  expect_all_finite(sample_curves(CurveFamily::Regression, reg));

  CurveParams ce;
  ce.min = 1e-320;  // -1/p overflows in the derivative columns below ~5.6e-309
  ce.max = 0.5;
  ce.derivatives = true;
  const SampleRange c = sample_range(CurveFamily::CrossEntropy, ce);
  EXPECT_GT(c.lo, 5e-309);
  EXPECT_LT(c.lo, 6e-309);
  expect_all_finite(sample_curves(CurveFamily::CrossEntropy, ce));
  ce.derivatives = false;  // the values alone are finite down to the smallest double
  EXPECT_EQ(sample_range(CurveFamily::CrossEntropy, ce).lo, 1e-320);
  EXPECT_TRUE(sample_range(CurveFamily::CrossEntropy, ce).note.empty());

  CurveParams focal;
  focal.alpha = 1e308;  // alpha * -ln p overflows for small p
  const SampleRange f = sample_range(CurveFamily::Focal, focal);
  EXPECT_GT(f.lo, 0.01);
  double dlo = 0, dhi = 0;
  default_range(CurveFamily::Focal, focal, dlo, dhi);
  EXPECT_EQ(f.hi, dhi);
  expect_all_finite(sample_curves(CurveFamily::Focal, focal));
  focal.alpha = 1.7e308;
  focal.min = 0.01;
  focal.max = 0.3;  // -ln p > 1.2 everywhere: nothing finite is left
  EXPECT_THROW(sample_range(CurveFamily::Focal, focal), std::invalid_argument);

  for (CurveFamily fam : {CurveFamily::Regression, CurveFamily::CrossEntropy, CurveFamily::Focal,
                          CurveFamily::Margin}) {
    EXPECT_TRUE(sample_range(fam, CurveParams{}).note.empty()) << to_string(fam);  // defaults
  }
}

// Issue 11: "curves that show the point" -- default ranges follow the parameters.
TEST(CurveSamplingDefaults, HuberRangeSpansAFewDeltaAndItsLinearPartShows) {
  CurveParams p;
  double lo = 0, hi = 0;
  default_range(CurveFamily::Regression, p, lo, hi);
  EXPECT_EQ(lo, -3.0);  // delta 1: as before
  EXPECT_EQ(hi, 3.0);
  for (double delta : {2.0, 10.0, 250.0}) {
    p.delta = delta;
    default_range(CurveFamily::Regression, p, lo, hi);
    EXPECT_EQ(hi, 3.0 * delta);
    EXPECT_EQ(lo, -3.0 * delta);
    const CurveTable t = sample_curves(CurveFamily::Regression, p);
    EXPECT_EQ(t.x.front(), -3.0 * delta);
    EXPECT_EQ(t.x.back(), 3.0 * delta);
    // The y range reaches Huber's value at the end, so the linear part from delta on shows.
    const CurveView v = default_view(CurveFamily::Regression, p);
    EXPECT_EQ(v.x_max, 3.0 * delta);
    const double kink = curves::huber(delta, delta).value, end = curves::huber(hi, delta).value;
    EXPECT_LT(kink, 0.5 * v.y_max);
    EXPECT_GE(v.y_max, end);
    EXPECT_LT(v.y_max, 1.2 * end);
    EXPECT_LT(v.y_min, 0.0);
  }
}

TEST(CurveSamplingDefaults, FocalRangeFollowsGamma) {
  CurveParams p;
  double lo = 0, hi = 0;
  for (double g : {0.0, 0.5, 1.0}) {
    p.gamma = g;
    default_range(CurveFamily::Focal, p, lo, hi);
    EXPECT_EQ(lo, 0.01);
    EXPECT_EQ(hi, 0.99) << g;
  }
  double last = 1.0;
  for (double g : {2.0, 5.0, 10.0}) {
    p.gamma = g;
    default_range(CurveFamily::Focal, p, lo, hi);
    EXPECT_LT(hi, last) << g;  // the larger gamma, the sooner every focal term is negligible
    EXPECT_NEAR(std::pow(1.0 - hi, g), 1e-3, 1e-12) << g;
    last = hi;
  }
  p.gamma = 100.0;
  default_range(CurveFamily::Focal, p, lo, hi);
  EXPECT_EQ(hi, 0.3);
  // The y range is the chosen curve's, scaled by alpha.
  p.gamma = 5.0;
  p.alpha = 0.25;
  const CurveView v = default_view(CurveFamily::Focal, p);
  EXPECT_NEAR(v.y_max, 1.1 * curves::focal(0.01, 5.0, 0.25).value, 1e-12);
  EXPECT_EQ(v.y_label, "loss (nats)");
}

TEST(CurveSamplingDefaults, MarginRangeFollowsTheHingeMargin) {
  CurveParams p;
  double lo = 0, hi = 0;
  default_range(CurveFamily::Margin, p, lo, hi);
  EXPECT_EQ(lo, -2.0);
  EXPECT_EQ(hi, 3.0);
  p.margin = 4.0;
  default_range(CurveFamily::Margin, p, lo, hi);
  EXPECT_EQ(hi, 6.0);
  const CurveTable t = sample_curves(CurveFamily::Margin, p);
  const auto& h = *t.column("hinge");
  for (std::size_t i = 0; i < t.x.size(); ++i) EXPECT_EQ(h[i], std::max(0.0, 4.0 - t.x[i]));
  EXPECT_GE(default_view(CurveFamily::Margin, p).y_max, 4.0 - lo);
  p.margin = -1.0;
  EXPECT_NE(validate(CurveFamily::Margin, p).find("--margin"), std::string::npos);
}

TEST(CurveSamplingDefaults, OneUnitPerFigure) {
  CurveParams p;
  p.samples = 5;
  for (bool bits : {false, true}) {
    p.bits = bits;
    const CurveTable t = sample_curves(CurveFamily::CrossEntropy, p);
    EXPECT_EQ(t.unit, bits ? "bits" : "nats");
    EXPECT_EQ(default_view(CurveFamily::CrossEntropy, p).y_label,
              bits ? "loss (bits)" : "loss (nats)");
    const double scale = bits ? 1.0 / std::log(2.0) : 1.0;
    EXPECT_EQ(t.column("binary_entropy_bits"), nullptr);  // no bits column on a nats axis
    for (std::size_t i = 0; i < t.x.size(); ++i) {
      const double x = t.x[i];
      EXPECT_NEAR((*t.column("cross_entropy"))[i], -std::log(x) * scale, 1e-12);
      EXPECT_NEAR((*t.column("bce_y1"))[i], -std::log(x) * scale, 1e-12);
      EXPECT_NEAR((*t.column("bce_y0"))[i], -std::log(1 - x) * scale, 1e-12);
      EXPECT_NEAR((*t.column("binary_entropy"))[i],
                  (-x * std::log(x) - (1 - x) * std::log(1 - x)) * scale, 1e-12);
    }
  }
  EXPECT_EQ(sample_curves(CurveFamily::Regression, p).unit, "");
  EXPECT_EQ(sample_curves(CurveFamily::Focal, p).unit, "nats");
}

TEST(CurveSamplingProbability, ColumnsAndTheLectureExample) {
  CurveParams p;
  p.samples = 3;
  const CurveTable plain = sample_probability_curves(p);
  EXPECT_EQ(plain.abscissa, "y_hat");
  EXPECT_EQ(plain.names, (std::vector<std::string>{"se_y0", "bce_y0", "se_y1", "bce_y1"}));
  EXPECT_EQ(plain.x.front(), 0.01);
  EXPECT_EQ(plain.x.back(), 0.99);
  p.derivatives = true;
  p.min = 0.1;
  p.max = 0.9;
  const CurveTable t = sample_probability_curves(p);
  EXPECT_EQ(t.names,
            (std::vector<std::string>{"se_y0", "d_se_y0", "dlogit_se_y0", "bce_y0", "d_bce_y0",
                                      "dlogit_bce_y0", "se_y1", "d_se_y1", "dlogit_se_y1", "bce_y1",
                                      "d_bce_y1", "dlogit_bce_y1"}));
  ASSERT_EQ(t.x.back(), 0.9);
  const std::size_t i = 2;  // y_hat = 0.9, target 0
  EXPECT_NEAR((*t.column("se_y0"))[i], 0.81, 1e-12);
  EXPECT_NEAR((*t.column("bce_y0"))[i], 2.30, 0.005);
  EXPECT_NEAR((*t.column("d_se_y0"))[i], 1.8, 1e-12);
  EXPECT_NEAR((*t.column("d_bce_y0"))[i], 10.0, 1e-9);
  EXPECT_NEAR((*t.column("dlogit_se_y0"))[i], 0.162, 1e-12);
  EXPECT_NEAR((*t.column("dlogit_bce_y0"))[i], 0.9, 1e-12);
  EXPECT_NEAR((*t.column("dlogit_bce_y1"))[i], -0.1, 1e-12);
  EXPECT_EQ(t.unit, "nats");
  // Range checks and clipping as for the other probability families.
  p.min = 0.0;
  EXPECT_NE(validate_probability(p).find("(0, 1)"), std::string::npos);
  p.min = 1e-320;
  p.max = 0.5;
  const SampleRange r = probability_sample_range(p);  // d_bce_y1 = -1/y_hat overflows
  EXPECT_GT(r.lo, 5e-309);
  EXPECT_NE(r.note.find("d_bce_y1"), std::string::npos) << r.note;
  const CurveView v = probability_view(CurveParams{});
  EXPECT_EQ(v.x_min, 0.0);
  EXPECT_EQ(v.x_max, 1.0);
}

}  // namespace
}  // namespace ll::lab
