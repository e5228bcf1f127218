// End-to-end: `losslab four-pixel` as the real binary: the lecture's scores term by term, edited
// pixels, weights and biases, and bad input (exit 2, one line on stderr).
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

TEST(FourPixelCli, TheLecturesExample) {
  const auto r = run_losslab("four-pixel");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["x"], json::parse("[56, 231, 24, 2]"));
  EXPECT_EQ(j["class_names"], json::parse(R"(["cat", "dog", "ship"])"));
  ASSERT_EQ(j["scores"].size(), 3u);
  EXPECT_NEAR(j["scores"][0].get<double>(), -96.8, 1e-12);
  EXPECT_NEAR(j["scores"][1].get<double>(), 437.9, 1e-12);
  EXPECT_NEAR(j["scores"][2].get<double>(), 60.75, 1e-12);
  EXPECT_EQ(j["slide_scores"][2].get<double>(), 61.95);
  EXPECT_EQ(j["best"].get<int>(), 1);
  // The terms of each class add up (with the bias) to its score.
  for (int k = 0; k < 3; ++k) {
    const json& c = j["classes"][k];
    double s = c["bias"].get<double>();
    for (int i = 0; i < 4; ++i) {
      const double t = c["terms"][i].get<double>();
      EXPECT_NEAR(t, j["W"][k][i].get<double>() * j["x"][i].get<double>(), 1e-12);
      s += t;
    }
    EXPECT_NEAR(s, c["score"].get<double>(), 1e-12);
  }
  EXPECT_EQ(j["classes"][0]["terms"][1].get<double>(), -115.5);  // −0.5 · 231
}

TEST(FourPixelCli, EditedInputs) {
  const auto r = run_losslab("four-pixel --x 255,0,0,255 --b 0,0,0");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_NEAR(j["scores"][0].get<double>(), 0.2 * 255 + 2.0 * 255, 1e-12);
  EXPECT_NEAR(j["scores"][1].get<double>(), 1.5 * 255, 1e-12);
  EXPECT_NEAR(j["scores"][2].get<double>(), -0.3 * 255, 1e-12);
  EXPECT_EQ(j["best"].get<int>(), 0);
  const auto w = run_losslab("four-pixel --W 1,0,0,0,0,1,0,0,0,0,1,0 --b 0,0,0");
  ASSERT_EQ(w.exit_code, 0) << w.err;
  const json jw = json::parse(w.out);
  EXPECT_EQ(jw["scores"], json::parse("[56.0, 231.0, 24.0]"));
}

TEST(FourPixelCli, BadInputIsOneLine) {
  for (const char* args : {"four-pixel --x 1,2,3", "four-pixel --x 1,2,x,4", "four-pixel --W 1,2",
                           "four-pixel --b 1,2,3,4", "four-pixel --x nan,1,1,1"}) {
    const auto r = run_losslab(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
    EXPECT_NE(r.err.find("four-pixel"), std::string::npos) << r.err;
  }
  // Finite inputs whose score overflows: exit 1, nothing printed.
  const auto o = run_losslab("four-pixel --x 1e308,1e308,0,0 --W 1e308,1,0,0,0,0,0,0,0,0,0,0");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_TRUE(o.out.empty());
}

}  // namespace
}  // namespace ll
