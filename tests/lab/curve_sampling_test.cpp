#include "core/lab/curve_sampling.h"

#include <gtest/gtest.h>

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
  EXPECT_EQ(sample_curves(CurveFamily::Margin, p).names.size(), 5u);
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
  EXPECT_EQ(line, "m,zero_one,hinge,squared_hinge,logistic,exponential");
  std::getline(in, line);
  EXPECT_EQ(line.substr(0, 11), "-2,1,3,9,2.");
  int rows = 1;
  while (std::getline(in, line)) ++rows;
  EXPECT_EQ(rows, 3);
}

TEST(CurveSampling, ParseFamilyNames) {
  CurveFamily f{};
  EXPECT_TRUE(parse("focal", f));
  EXPECT_EQ(f, CurveFamily::Focal);
  EXPECT_FALSE(parse("Focal", f));
  EXPECT_STREQ(to_string(CurveFamily::CrossEntropy), "crossentropy");
}

}  // namespace
}  // namespace ll::lab
