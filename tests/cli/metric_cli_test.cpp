// End-to-end: `losslab metric` run as the real binary; its JSON checked against hand-computed
// triplet and contrastive losses and gradients in both distance forms, and its bad-input
// handling (exit 2, one line on stderr).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/run_command.h"

namespace ll {
namespace {

using nlohmann::json;
using test::run_losslab;

json metric_ok(const std::string& args) {
  const test::CommandResult r = run_losslab("metric " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  return json::parse(r.out);
}

void expect_metric_usage_error(const std::string& args, const std::string& what) {
  const test::CommandResult r = run_losslab("metric " + args);
  EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
}

void expect_xy(const json& v, double x, double y) {
  ASSERT_EQ(v.size(), 2u) << v;
  EXPECT_NEAR(v[0].get<double>(), x, 1e-12) << v;
  EXPECT_NEAR(v[1].get<double>(), y, 1e-12) << v;
}

TEST(MetricCli, TripletSquaredIsTheDefaultForm) {
  // a = 0, p = (1, 0): n1 = (0.5, 0) hard, n2 = (0, 1) semi-hard (d² = 1 = d²(a,p)),
  // n3 = (0, 2) easy (d² = 4 ≥ 1 + m).
  const json j =
      metric_ok("--loss triplet --anchor 0,0 --positive 1,0 --negative '0.5,0;0,1;0,2' --margin 3");
  EXPECT_EQ(j["distance"], "squared");
  EXPECT_EQ(j["margin"].get<double>(), 3.0);
  const json& t = j["triplets"];
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0]["category"], "hard");
  EXPECT_EQ(t[1]["category"], "semi-hard");
  EXPECT_EQ(t[2]["category"], "easy");
  EXPECT_DOUBLE_EQ(t[0]["d2_an"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(t[0]["d_an"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(t[0]["d2_ap"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(t[0]["loss"].get<double>(), 3.75);  // 3 + 1 − 0.25
  EXPECT_DOUBLE_EQ(t[1]["loss"].get<double>(), 3.0);
  EXPECT_EQ(t[2]["loss"].get<double>(), 0.0);
  expect_xy(t[0]["grad"]["anchor"], -1.0, 0.0);  // 2(n − p)
  expect_xy(t[0]["grad"]["positive"], 2.0, 0.0);
  expect_xy(t[0]["grad"]["negative"], -1.0, 0.0);
  expect_xy(t[2]["grad"]["negative"], 0.0, 0.0);
  EXPECT_DOUBLE_EQ(j["total"].get<double>(), 6.75 / 3);
  EXPECT_EQ(j["terms"], 3);
  EXPECT_EQ(j["active"], 2);
  // Gradient of the mean: anchor (2(n1 − p) + 2(n2 − p)) / 3.
  expect_xy(j["grad_total"]["anchor"], (-1.0 - 2.0) / 3, 2.0 / 3);
  ASSERT_EQ(j["grad_total"]["negatives"].size(), 3u);
  expect_xy(j["grad_total"]["negatives"][2], 0.0, 0.0);
}

TEST(MetricCli, TripletPlainForm) {
  // d(a,p) = 5, d(a,n) = 6, m = 2: L = 1, semi-hard; gradients (a − p)/5 − (a − n)/6 etc.
  const json j = metric_ok(
      "--loss triplet --anchor 0,0 --positive 3,4 --negative 0,6 --margin 2 --distance plain");
  EXPECT_EQ(j["distance"], "plain");
  const json& t = j["triplets"][0];
  EXPECT_DOUBLE_EQ(t["d_ap"].get<double>(), 5.0);
  EXPECT_DOUBLE_EQ(t["loss"].get<double>(), 1.0);
  EXPECT_EQ(t["category"], "semi-hard");
  expect_xy(t["grad"]["anchor"], -0.6, 0.2);
  expect_xy(t["grad"]["positive"], 0.6, 0.8);
  expect_xy(t["grad"]["negative"], 0.0, -1.0);
  // Exactly at d(a,p) + m the negative is easy and the loss is 0.
  const json e = metric_ok(
      "--loss triplet --anchor 0,0 --positive 3,4 --negative 0,7 --margin 2 --distance plain");
  EXPECT_EQ(e["triplets"][0]["category"], "easy");
  EXPECT_EQ(e["triplets"][0]["loss"].get<double>(), 0.0);
  EXPECT_EQ(e["active"], 0);
}

TEST(MetricCli, TripletRowsForEveryPositiveNegativePair) {
  const json j = metric_ok(
      "--loss triplet --anchor 0,0 --positive '1,0;0,2' --negative '3,0;0,-1' --margin 1");
  const json& t = j["triplets"];
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1]["positive"], 0);
  EXPECT_EQ(t[1]["negative"], 1);
  EXPECT_EQ(t[2]["positive"], 1);
  EXPECT_EQ(t[2]["negative"], 0);
  EXPECT_EQ(t[3]["category"], "hard");  // d²(a,n) = 1 < d²(a,p) = 4
  EXPECT_DOUBLE_EQ(t[3]["loss"].get<double>(), 4.0);
}

TEST(MetricCli, ContrastivePositivesAreSimilarPairsNegativesDissimilar) {
  // The lecture's (plain) form by default: y d² + (1 − y) max(m − d, 0)².
  const json j =
      metric_ok("--loss contrastive --anchor 0,0 --positive 3,4 --negative '0,1;6,8' --margin 2");
  EXPECT_EQ(j["distance"], "plain");
  const json& p = j["pairs"];
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0]["y"], 1);
  EXPECT_EQ(p[0]["positive"], 0);
  EXPECT_DOUBLE_EQ(p[0]["loss"].get<double>(), 25.0);
  expect_xy(p[0]["grad"]["anchor"], -6.0, -8.0);
  expect_xy(p[0]["grad"]["positive"], 6.0, 8.0);
  EXPECT_EQ(p[1]["y"], 0);
  EXPECT_EQ(p[1]["negative"], 0);
  EXPECT_DOUBLE_EQ(p[1]["d"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(p[1]["loss"].get<double>(), 1.0);  // (2 − 1)²
  expect_xy(p[1]["grad"]["anchor"], 0.0, 2.0);        // −2 h (a − n)/d
  expect_xy(p[1]["grad"]["negative"], 0.0, -2.0);
  EXPECT_EQ(p[1]["category"], "hard");  // relative to the positive, d = 1 < 5
  EXPECT_EQ(p[2]["loss"].get<double>(), 0.0);
  EXPECT_EQ(p[2]["category"], "easy");  // d = 10 ≥ 5 + 2
  EXPECT_EQ(j["category_reference_positive"], 0);
  EXPECT_DOUBLE_EQ(j["total"].get<double>(), 26.0 / 3);
  EXPECT_EQ(j["active"], 2);

  // Squared form: max(m − d², 0)², gradient −4 h (a − n).
  const json s =
      metric_ok("--loss contrastive --anchor 0,0 --negative 0,1 --margin 2 --distance squared");
  EXPECT_DOUBLE_EQ(s["pairs"][0]["loss"].get<double>(), 1.0);
  expect_xy(s["pairs"][0]["grad"]["anchor"], 0.0, 4.0);
  EXPECT_FALSE(s.contains("category_reference_positive"));
  EXPECT_FALSE(s["pairs"][0].contains("category"));
}

TEST(MetricCli, BadInputExitsTwoWithOneLine) {
  expect_metric_usage_error("--loss triplet --anchor 0 --positive 1,0 --negative 0,1 --margin 1",
                            "--anchor: expected X,Y");
  expect_metric_usage_error(
      "--loss triplet --anchor 0,0 --positive '1,0;x,1' --negative 0,1 --margin 1",
      "--positive point 2");
  expect_metric_usage_error("--loss triplet --anchor 0,0 --positive 1,0 --margin 1",
                            "needs --positive and --negative");
  expect_metric_usage_error("--loss contrastive --anchor 0,0 --margin 1",
                            "needs --positive or --negative");
  expect_metric_usage_error("--loss triplet --anchor 0,0 --positive 1,0 --negative 0,1 --margin -1",
                            "--margin");
  expect_metric_usage_error(
      "--loss triplet --anchor 0,0 --positive 1,0 --negative 0,1 --margin nan", "--margin");
  expect_metric_usage_error(
      "--loss quadruplet --anchor 0,0 --positive 1,0 --negative 0,1 --margin 1", "--loss");
  expect_metric_usage_error(
      "--loss triplet --anchor 0,0 --positive 1,0 --negative 0,1 --margin 1 --distance cos",
      "--distance");
  expect_metric_usage_error("--loss triplet --anchor 0,0 --positive 1,0 --negative 0,1",
                            "--margin");
  expect_metric_usage_error(
      "--loss triplet --anchor 1e7,0 --positive 1,0 --negative 0,1 --margin 1", "[-1e6, 1e6]");
  expect_metric_usage_error(
      "--loss triplet --anchor 0,0 --positive '1,0;' --negative 0,1 --margin 1",
      "--positive point 2");
}

}  // namespace
}  // namespace ll
