// End-to-end: `losslab scores`, `losslab dist` and `losslab reg` run as the real binary, their
// JSON checked against the lectures' numbers (recomputed here) and their bad-input handling
// (exit 2, one line on stderr).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/run_command.h"

namespace ll {
namespace {

using nlohmann::json;
using test::run_losslab;
namespace fs = std::filesystem;

class TablesCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("losslab_tables_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  std::string cat_car_frog() {
    return write("ccf.json",
                 R"({"class_names": ["cat", "car", "frog"],
                     "scores": [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]],
                     "labels": [0, 1, 2]})");
  }
  fs::path dir_;
};

json parse_ok(const test::CommandResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

// Exit 2 with exactly one line on stderr, containing `what`.
void expect_usage_error(const test::CommandResult& r, const std::string& what) {
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
}

TEST_F(TablesCli, ScoresCatCarFrog) {
  const json j = parse_ok(run_losslab("scores " + cat_car_frog()));
  const json& ww = j["ww"]["losses"];
  ASSERT_EQ(ww.size(), 3u);
  EXPECT_NEAR(ww[0].get<double>(), 2.9, 1e-12);
  EXPECT_EQ(ww[1].get<double>(), 0.0);
  EXPECT_NEAR(ww[2].get<double>(), 12.9, 1e-12);
  EXPECT_NEAR(j["ww"]["total"].get<double>(), 15.8 / 3.0, 1e-12);
  EXPECT_NEAR(j["structured"]["losses"][2].get<double>(), 6.6, 1e-12);
  EXPECT_NEAR(j["ova"]["losses"][0].get<double>(), 6.1, 1e-12);
  const double e0 = std::exp(3.2), sum = e0 + std::exp(5.1) + std::exp(-1.7);
  const json& p = j["softmax"]["probabilities"];
  ASSERT_EQ(p.size(), 3u);
  ASSERT_EQ(p[0].size(), 3u);
  EXPECT_NEAR(p[0][0].get<double>(), e0 / sum, 1e-12);
  EXPECT_NEAR(p[0][1].get<double>(), std::exp(5.1) / sum, 1e-12);
  EXPECT_NEAR(p[0][2].get<double>(), std::exp(-1.7) / sum, 1e-12);
  EXPECT_NEAR(j["softmax"]["losses"][0].get<double>(), -std::log(e0 / sum), 1e-12);
  EXPECT_NEAR(j["softmax"]["losses"][0].get<double>(), 2.04, 0.005);

  const json sq = parse_ok(run_losslab("scores " + cat_car_frog() + " --squared --sum"));
  EXPECT_NEAR(sq["ww"]["losses"][0].get<double>(), 8.41, 1e-12);
  EXPECT_NEAR(sq["ww"]["losses"][2].get<double>(), 83.25, 1e-12);
  EXPECT_NEAR(sq["ww"]["total"].get<double>(), 91.66, 1e-12);

  const json l10 = parse_ok(run_losslab("scores " + cat_car_frog() + " --log 10"));
  EXPECT_NEAR(l10["softmax"]["losses"][0].get<double>(), -std::log10(e0 / sum), 1e-12);
  EXPECT_NEAR(l10["softmax"]["losses"][0].get<double>(), 0.89, 0.005);

  const json inc = parse_ok(run_losslab("scores " + cat_car_frog() + " --include-correct"));
  EXPECT_NEAR(inc["ww"]["losses"][1].get<double>(), 1.0, 1e-12);

  const json two = parse_ok(run_losslab("scores " + cat_car_frog() + " --scale 2"));
  EXPECT_EQ(two["ww"]["losses"][1].get<double>(), 0.0);  // W -> 2W keeps the car image at 0
  EXPECT_NEAR(two["ww"]["losses"][0].get<double>(), 4.8, 1e-12);

  const json d2 = parse_ok(run_losslab("scores " + cat_car_frog() + " --delta 2"));
  EXPECT_NEAR(d2["ww"]["losses"][0].get<double>(), 3.9, 1e-12);  // 5.1 - 3.2 + 2
}

TEST_F(TablesCli, ScoresCifar10AndZeroScores) {
  const std::string f = write("cifar.json", R"({"scores": [
      [-3.45, -8.87, 0.09, 2.9, 4.48, 8.02, 3.78, 1.06, -0.36, -0.72],
      [-0.51, 6.04, 5.31, -4.22, -4.19, 3.58, 4.49, -4.37, -2.09, -2.93],
      [3.42, 4.64, 2.65, 5.1, 2.64, 5.55, -4.34, -1.5, -4.79, 6.14]],
      "labels": [3, 1, 6]})");
  const json j = parse_ok(run_losslab("scores " + f));
  EXPECT_NEAR(j["ww"]["losses"][0].get<double>(), 10.58, 1e-12);
  EXPECT_NEAR(j["ww"]["losses"][1].get<double>(), 0.27, 1e-12);
  EXPECT_NEAR(j["ww"]["losses"][2].get<double>(), 71.91, 1e-12);
  EXPECT_EQ(j["softmax"]["probabilities"][0].size(), 10u);

  const std::string zero = write("zero.json",
                                 R"({"scores": [[0,0,0,0,0,0,0,0,0,0], [0,0,0,0,0,0,0,0,0,0]],
                                     "labels": [0, 9]})");
  const json z = parse_ok(run_losslab("scores " + zero));
  EXPECT_NEAR(z["ww"]["total"].get<double>(), 9.0, 1e-12);                  // C - 1
  EXPECT_NEAR(z["softmax"]["total"].get<double>(), std::log(10.0), 1e-12);  // ln C
  const json z2 = parse_ok(run_losslab("scores " + zero + " --log 2 --sum"));
  EXPECT_NEAR(z2["softmax"]["total"].get<double>(), 2.0 * std::log2(10.0), 1e-12);
}

TEST_F(TablesCli, ScoresBadInput) {
  expect_usage_error(run_losslab("scores " + (dir_ / "missing.json").string()), "cannot read");
  expect_usage_error(run_losslab("scores " + write("bad.json", "{nope")), "not valid JSON");
  expect_usage_error(
      run_losslab("scores " + write("k1.json", R"({"scores": [[1]], "labels": [0]})")),
      "K must be 2 to 10");
  expect_usage_error(
      run_losslab("scores " +
                  write("k11.json", R"({"scores": [[1,2,3,4,5,6,7,8,9,10,11]], "labels": [0]})")),
      "K must be 2 to 10");
  expect_usage_error(
      run_losslab("scores " +
                  write("ragged.json", R"({"scores": [[1,2],[1,2,3]], "labels": [0,0]})")),
      "scores[1] must be an array of 2 scores");
  expect_usage_error(
      run_losslab("scores " + write("lab.json", R"({"scores": [[1,2]], "labels": [2]})")),
      "labels[0] = 2 is outside [0, 2)");
  expect_usage_error(
      run_losslab("scores " + write("nl.json", R"({"scores": [[1,2]], "labels": []})")),
      "0 labels for 1 examples");
  expect_usage_error(
      run_losslab("scores " + write("str.json", R"({"scores": [[1,"a"]], "labels": [0]})")),
      "scores[0][1] is not a number");
  expect_usage_error(
      run_losslab("scores " + write("names.json",
                                    R"({"class_names": ["a"], "scores": [[1,2]], "labels": [0]})")),
      "class_names");
  std::string many = R"({"scores": [)";
  for (int i = 0; i < 1001; ++i) many += std::string(i ? "," : "") + "[1,2]";
  many += R"(], "labels": [)";
  for (int i = 0; i < 1001; ++i) many += std::string(i ? "," : "") + "0";
  many += "]}";
  expect_usage_error(run_losslab("scores " + write("many.json", many)), "at most 1000 examples");
  expect_usage_error(run_losslab("scores " + dir_.string()), "(a directory)");
  expect_usage_error(run_losslab("scores " + cat_car_frog() + " --scale nan"), "finite");
  expect_usage_error(run_losslab("scores " + cat_car_frog() + " --scale 1e308"), "not all finite");
  expect_usage_error(run_losslab("scores " + cat_car_frog() + " --delta -1"), "out of range");
  expect_usage_error(run_losslab("scores " + cat_car_frog() + " --log 3"), "--log");
}

TEST_F(TablesCli, ScoresThatOverflowPrintNothing) {
  // Finite scores whose squared hinge overflows: a runtime failure (exit 1), never a null.
  const test::CommandResult r = run_losslab(
      "scores " + write("huge.json", R"({"scores": [[-1e200, 1e200]], "labels": [0]})") +
      " --squared");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("ova.losses[0] is not finite"), std::string::npos) << r.err;
}

TEST_F(TablesCli, DistEntropiesAndKl) {
  const json j = parse_ok(run_losslab("dist --p 0.5,0.25,0.125,0.125 --q 0.1,0.2,0.3,0.4 --log 2"));
  const double p[] = {0.5, 0.25, 0.125, 0.125}, q[] = {0.1, 0.2, 0.3, 0.4};
  double hp = 0, hq = 0, hpq = 0, hqp = 0;
  for (int i = 0; i < 4; ++i) {
    hp -= p[i] * std::log2(p[i]);
    hq -= q[i] * std::log2(q[i]);
    hpq -= p[i] * std::log2(q[i]);
    hqp -= q[i] * std::log2(p[i]);
  }
  EXPECT_NEAR(j["entropy_p"].get<double>(), 1.75, 1e-12);
  EXPECT_NEAR(j["entropy_p"].get<double>(), hp, 1e-12);
  EXPECT_NEAR(j["entropy_q"].get<double>(), hq, 1e-12);
  EXPECT_NEAR(j["cross_entropy"].get<double>(), hpq, 1e-12);
  EXPECT_NEAR(j["cross_entropy_reverse"].get<double>(), hqp, 1e-12);
  EXPECT_NEAR(j["kl"].get<double>(), hpq - hp, 1e-12);
  EXPECT_NEAR(j["kl_reverse"].get<double>(), hqp - hq, 1e-12);
  EXPECT_NEAR(j["cross_entropy"].get<double>(),
              j["entropy_p"].get<double>() + j["kl"].get<double>(), 1e-12);
  EXPECT_GT(std::abs(j["kl"].get<double>() - j["kl_reverse"].get<double>()), 0.05);

  const json e = parse_ok(run_losslab("dist --p 0.4,0.6"));  // base 2 by default
  EXPECT_EQ(e.size(), 1u);
  EXPECT_NEAR(e["entropy_p"].get<double>(), -(0.4 * std::log2(0.4) + 0.6 * std::log2(0.6)), 1e-12);
  EXPECT_NEAR(e["entropy_p"].get<double>(), 0.971, 5e-4);
  const json n = parse_ok(run_losslab("dist --p 1,1,1 --log e --normalize"));
  EXPECT_NEAR(n["entropy_p"].get<double>(), std::log(3.0), 1e-12);
  const json ten = parse_ok(run_losslab("dist --p 0.5,0.5 --log 10"));
  EXPECT_NEAR(ten["entropy_p"].get<double>(), std::log10(2.0), 1e-12);
}

TEST_F(TablesCli, DistInfiniteIsTheStringInf) {
  const test::CommandResult r = run_losslab("dist --p 0.5,0.5,0 --q 1,0,0");
  const json j = parse_ok(r);
  EXPECT_EQ(j["kl"], "inf");
  EXPECT_EQ(j["cross_entropy"], "inf");
  EXPECT_NEAR(j["kl_reverse"].get<double>(), 1.0, 1e-15);  // log2(1 / 0.5)
  EXPECT_EQ(j["entropy_q"].get<double>(), 0.0);            // 0 log 0 = 0
  EXPECT_NE(r.err.find("q = 0 where p > 0 (outcome 2)"), std::string::npos) << r.err;
}

TEST_F(TablesCli, DistBadInput) {
  expect_usage_error(run_losslab("dist --p 0.5,0.6"), "sum to 1.1, not 1 within 1e-9");
  expect_usage_error(run_losslab("dist --p=-0.5,1.5 --normalize"), "negative");
  expect_usage_error(run_losslab("dist --p 0.5,x"), "entry 2: not a number");
  expect_usage_error(run_losslab("dist --p 0.5,inf"), "not a finite number");
  expect_usage_error(run_losslab("dist --p 1"), "2 to 10 outcomes");
  expect_usage_error(run_losslab("dist --p 0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.05,0.05"),
                     "2 to 10 outcomes");
  expect_usage_error(run_losslab("dist --p 0.5,0.5 --q 0.2,0.3,0.5"), "same number");
  expect_usage_error(run_losslab("dist --p 0.5,0.5 --log 3"), "--log");
  expect_usage_error(run_losslab("dist --p 0,0 --normalize"), "sum to 0");
}

TEST_F(TablesCli, RegWhichWDoesL2Prefer) {
  const json j = parse_ok(run_losslab("reg --x 1,1,1,1 --w 1,0,0,0 --w 0.25,0.25,0.25,0.25"));
  const json& w = j["weights"];
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0]["dot"].get<double>(), 1.0);
  EXPECT_EQ(w[1]["dot"].get<double>(), 1.0);
  EXPECT_EQ(w[0]["l2"].get<double>(), 1.0);
  EXPECT_EQ(w[1]["l2"].get<double>(), 0.25);
  EXPECT_EQ(w[0]["l1"].get<double>(), 1.0);
  EXPECT_EQ(w[1]["l1"].get<double>(), 1.0);
  EXPECT_EQ(w[0]["elastic"].get<double>(), 1.5);
  EXPECT_EQ(w[1]["elastic"].get<double>(), 1.125);
  const json b = parse_ok(run_losslab("reg --x=-1,2,3 --w=0.5,-1,2 --beta 2"));
  EXPECT_EQ(b["weights"][0]["dot"].get<double>(), -0.5 - 2.0 + 6.0);
  EXPECT_EQ(b["weights"][0]["elastic"].get<double>(), 2.0 * 5.25 + 3.5);
}

TEST_F(TablesCli, RegBadInput) {
  expect_usage_error(run_losslab("reg --x 1,1 --w 1,1,1"), "same number");
  expect_usage_error(run_losslab("reg --x 1,nan --w 1,1"), "not a finite number");
  expect_usage_error(run_losslab("reg --x 1,1 --w 1,,1"), "entry 2");
  expect_usage_error(run_losslab("reg --x 1,1"), "--w");
  expect_usage_error(run_losslab("reg --x 1,1 --w 1,1 --beta -1"), "out of range");
}

}  // namespace
}  // namespace ll
