// End-to-end: `losslab metric-train` (the embedding training twin) and `losslab metric --out`,
// run as the real binary. Training lowers the loss; hard mining picks, for every (anchor,
// positive), the negative nearest the anchor (recomputed here from the printed embedding) and
// so a hard one whenever there is one; semi-hard mining only semi-hard ones; the output is the
// same for a seed and differs across seeds under random mining; bad input is one line, exit 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/run_command.h"

namespace ll {
namespace {

using nlohmann::json;
using test::run_losslab;

json train_ok(const std::string& args) {
  const test::CommandResult r = run_losslab("metric-train " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  return json::parse(r.out);
}

double d2(const json& a, const json& b) {
  const double dx = a[0].get<double>() - b[0].get<double>();
  const double dy = a[1].get<double>() - b[1].get<double>();
  return dx * dx + dy * dy;
}

TEST(MetricTrainCli, TripletTrainingLowersTheLossOverEveryTriplet) {
  for (const char* mining : {"all", "hard", "semi-hard", "random"}) {
    SCOPED_TRACE(mining);
    const json j = train_ok(std::string("--preset blobs --mining ") + mining +
                            " --steps 200 --lr 0.05 --log-every 50");
    EXPECT_EQ(j["mining"], mining);
    EXPECT_EQ(j["points"], 30);  // the blobs preset: 30 points, under --points (60)
    const json& h = j["history"];
    ASSERT_EQ(h.size(), 5u);  // steps 0, 50, 100, 150 and the last, 199
    EXPECT_EQ(h.back()["step"], 199);
    const double first = h.front()["full_loss"].get<double>();
    const double last = j["final"]["full_loss"].get<double>();
    EXPECT_GT(first, 0.0);
    EXPECT_LT(last, 0.7 * first) << first << " -> " << last;
    // Fewer active triplets at the end than at the start (easy ones stop contributing).
    EXPECT_LT(j["final"]["all_active"].get<int>(), h.front()["all_active"].get<int>());
    // A moved away from the collapsed start.
    EXPECT_NE(j["final"]["A"], j["start"]["A"]);
  }
}

TEST(MetricTrainCli, ContrastiveTrainingLowersTheLoss) {
  const json j = train_ok("--preset blobs --loss contrastive --mining all --steps 150");
  EXPECT_EQ(j["distance"], "plain");  // the lecture's form for contrastive
  ASSERT_EQ(j["history"].size(), 150u);
  EXPECT_LT(j["final"]["full_loss"].get<double>(),
            0.8 * j["history"][0]["full_loss"].get<double>());
  EXPECT_FALSE(j["history"][0].contains("mined_categories"));
}

TEST(MetricTrainCli, HardMiningPicksTheNearestNegativeHardWheneverOneIs) {
  const json j = train_ok("--preset blobs --points 30 --mining hard --steps 4 --margin 1 --mined");
  int hard_seen = 0;
  for (const json& rec : j["history"]) {
    const json& emb = rec["embedded"];
    const json& batch = rec["mined_triplets"];
    ASSERT_FALSE(batch.empty());
    int hard = 0;
    for (const json& t : batch) {
      const int a = t[0], p = t[1], n = t[2];
      const int la = j["embedded"][a]["label"];
      ASSERT_EQ(la, j["embedded"][p]["label"].get<int>());
      ASSERT_NE(la, j["embedded"][n]["label"].get<int>());
      const double dap = d2(emb[a], emb[p]), dan = d2(emb[a], emb[n]);
      // n is the negative nearest the anchor ...
      double nearest = INFINITY;
      for (std::size_t k = 0; k < emb.size(); ++k)
        if (j["embedded"][k]["label"].get<int>() != la)
          nearest = std::min(nearest, d2(emb[a], emb[k]));
      EXPECT_DOUBLE_EQ(dan, nearest);
      // ... so it is hard exactly when the pair has any hard negative.
      const bool any_hard = nearest < dap;
      EXPECT_EQ(dan < dap, any_hard);
      hard += dan < dap;
    }
    EXPECT_EQ(rec["mined_categories"]["hard"].get<int>(), hard);
    EXPECT_EQ(rec["terms"].get<int>(), int(batch.size()));
    hard_seen += hard;
  }
  EXPECT_GT(hard_seen, 0);  // the collapsed start mixes the classes: there are hard negatives
}

TEST(MetricTrainCli, SemiHardMiningPicksOnlySemiHardNegatives) {
  const json j = train_ok("--preset blobs --points 30 --mining semi-hard --steps 3 --mined");
  for (const json& rec : j["history"]) {
    const json& emb = rec["embedded"];
    ASSERT_FALSE(rec["mined_triplets"].empty());
    for (const json& t : rec["mined_triplets"]) {
      const double dap = d2(emb[t[0].get<int>()], emb[t[1].get<int>()]);
      const double dan = d2(emb[t[0].get<int>()], emb[t[2].get<int>()]);
      EXPECT_LE(dap, dan);
      EXPECT_LT(dan, dap + 1.0);
    }
    EXPECT_EQ(rec["mined_categories"]["hard"], 0);
    EXPECT_EQ(rec["mined_categories"]["easy"], 0);
    EXPECT_EQ(rec["mined_categories"]["semi-hard"], rec["terms"]);
  }
}

TEST(MetricTrainCli, DeterministicPerSeed) {
  const std::string args = "--preset xor --mining random --steps 30 --seed ";
  const test::CommandResult a = run_losslab("metric-train " + args + "7");
  const test::CommandResult b = run_losslab("metric-train " + args + "7");
  const test::CommandResult c = run_losslab("metric-train " + args + "8");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(json::parse(a.out)["final"]["A"], json::parse(c.out)["final"]["A"]);
}

TEST(MetricTrainCli, EmbeddedPointsAreTheFinalMapOfTheInputs) {
  const json j = train_ok("--preset circles --steps 10 --points 20");
  const json& A = j["final"]["A"];
  const json& c = j["final"]["c"];
  ASSERT_EQ(j["embedded"].size(), 20u);
  for (const json& p : j["embedded"]) {
    const double x = p["x"][0], y = p["x"][1];
    EXPECT_NEAR(p["f"][0].get<double>(),
                A[0][0].get<double>() * x + A[0][1].get<double>() * y + c[0].get<double>(), 1e-12);
    EXPECT_NEAR(p["f"][1].get<double>(),
                A[1][0].get<double>() * x + A[1][1].get<double>() * y + c[1].get<double>(), 1e-12);
  }
}

void expect_train_usage_error(const std::string& args, const std::string& what) {
  const test::CommandResult r = run_losslab(args);
  EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
}

TEST(MetricTrainCli, BadInputExitsTwoWithOneLine) {
  expect_train_usage_error("metric-train --preset nope", "--preset");
  expect_train_usage_error("metric-train --mining hardest", "--mining");
  expect_train_usage_error("metric-train --steps -1", "--steps");
  expect_train_usage_error("metric-train --lr 0", "--lr");
  expect_train_usage_error("metric-train --points 1", "--points");
  expect_train_usage_error("metric-train /no/such/scene.json", "scene.json");
  expect_train_usage_error("metric-train --out /tmp/x.gif", "unknown output format");
  expect_train_usage_error(
      "metric --loss triplet --anchor 0,0 --positive 1,0 --negative 2,0 --margin 1 --out "
      "/no/such/dir/x.png",
      "does not exist");
}

std::string read_file(const std::string& path) { return test::read_all(path); }

unsigned be32(const std::string& s, std::size_t at) {
  return (unsigned(static_cast<unsigned char>(s[at])) << 24) |
         (unsigned(static_cast<unsigned char>(s[at + 1])) << 16) |
         (unsigned(static_cast<unsigned char>(s[at + 2])) << 8) |
         unsigned(static_cast<unsigned char>(s[at + 3]));
}

TEST(MetricTrainCli, OutWritesTheFigureAndNamesItInTheJson) {
  const std::string dir = ::testing::TempDir();
  const std::string png = dir + "metric_out_" + std::to_string(::getpid()) + ".png";
  const test::CommandResult r = run_losslab(
      "metric --loss triplet --anchor 0,0 --positive 1,0 --negative '0.5,0;0,1.2;-2,0' "
      "--margin 1 --out " +
      png + " --width 300 --height 200");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["figure"]["path"], png);
  EXPECT_EQ(j["figure"]["width"], 300);
  EXPECT_EQ(j["triplets"].size(), 3u);  // the numbers are still printed
  const std::string bytes = read_file(png);
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  EXPECT_EQ(be32(bytes, 16), 300u);  // IHDR width, height
  EXPECT_EQ(be32(bytes, 20), 200u);
  std::remove(png.c_str());

  const std::string svg = dir + "metric_train_out_" + std::to_string(::getpid()) + ".svg";
  const json t = train_ok("--preset blobs --steps 20 --out " + svg);
  EXPECT_EQ(t["figure"]["format"], "svg");
  EXPECT_EQ(t["figure"]["width"], 1200);
  const std::string text = read_file(svg);
  EXPECT_NE(text.find("<svg"), std::string::npos);
  std::remove(svg.c_str());
}

}  // namespace
}  // namespace ll
