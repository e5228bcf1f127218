// `losslab race` end to end: each run's JSON equals `losslab train` with the run's settings,
// the runs are in lock step, losses and optimizers combine, bad input gets one line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/datasets.h"
#include "core/scene_io.h"
#include "tests/cli/run_command.h"

namespace ll {
namespace {

using nlohmann::json;
using test::run_losslab;
namespace fs = std::filesystem;

class RaceCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("losslab_race_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    scene_ = (dir_ / "blobs.json").string();
    Scene s = make_blobs({3, 12, 0.3, 4});
    s.params = default_params(3);
    s.optimizer.batch = 5;
    save_scene(s, scene_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string scene_;
};

TEST_F(RaceCli, EachRunEqualsTrainWithItsSettings) {
  const auto r = run_losslab("race " + scene_ + " --runs gd,sgd,momentum,adam:0.05 --steps 15");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["steps"], 15);
  ASSERT_EQ(j["runs"].size(), 4u);
  const char* optimizers[] = {"gd", "sgd", "momentum", "adam"};
  const char* lrs[] = {"0.1", "0.1", "0.1", "0.05"};
  for (int i = 0; i < 4; ++i) {
    const json& run = j["runs"][i];
    EXPECT_EQ(run["settings"]["optimizer"], optimizers[i]);
    EXPECT_EQ(run["status"], "running");
    EXPECT_EQ(run["steps"], 15);            // lock step
    ASSERT_EQ(run["history"].size(), 16u);  // a record per step, step 0 included
    const auto t = run_losslab("train " + scene_ + " --steps 15 --optimizer " + optimizers[i] +
                               " --lr " + lrs[i]);
    ASSERT_EQ(t.exit_code, 0) << t.err;
    const json tj = json::parse(t.out);
    EXPECT_EQ(run["W"], tj["W"]) << optimizers[i];
    EXPECT_EQ(run["b"], tj["b"]) << optimizers[i];
    EXPECT_EQ(run["history"], tj["history"]) << optimizers[i];
    EXPECT_EQ(run["accuracy"], tj["accuracy"]) << optimizers[i];
  }
  EXPECT_EQ(j["runs"][3]["name"], "Adam lr 0.05 batch 5");
  EXPECT_NE(j["runs"][0]["W"], j["runs"][2]["W"]);
}

TEST_F(RaceCli, LossesAndOptimizersCombine) {
  auto r = run_losslab("race " + scene_ + " --losses ww,softmax --steps 5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  ASSERT_EQ(j["runs"].size(), 2u);
  EXPECT_EQ(j["runs"][0]["name"], "WW SVM");
  EXPECT_EQ(j["runs"][1]["settings"]["loss"], "softmax");
  const auto t = run_losslab("train " + scene_ + " --steps 5 --loss softmax");
  EXPECT_EQ(j["runs"][1]["W"], json::parse(t.out)["W"]);

  r = run_losslab("race " + scene_ + " --runs gd,adam --losses ww,softmax --steps 3 --seed 9");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = json::parse(r.out);
  ASSERT_EQ(j["runs"].size(), 4u);
  EXPECT_EQ(j["runs"][3]["settings"]["optimizer"], "adam");
  EXPECT_EQ(j["runs"][3]["settings"]["loss"], "softmax");
  EXPECT_EQ(j["runs"][3]["settings"]["seed"], 9);
  // The same command twice: the same numbers (deterministic per seed).
  EXPECT_EQ(run_losslab("race " + scene_ +
                        " --runs gd,adam --losses ww,softmax --steps 3 "
                        "--seed 9")
                .out,
            r.out);
}

TEST_F(RaceCli, OutWritesTheFigure) {
  for (const char* ext : {".png", ".svg", ".pdf"}) {
    const std::string out = (dir_ / (std::string("race") + ext)).string();
    const auto r =
        run_losslab("race " + scene_ + " --steps 10 --width 700 --height 500 --out " + out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["runs"].size(), 3u);  // gd, momentum, adam by default
    const std::string bytes = test::read_all(out);
    const std::string magic = ext == std::string(".png")   ? "\x89PNG"
                              : ext == std::string(".svg") ? "<?xml"
                                                           : "%PDF";
    EXPECT_EQ(bytes.rfind(magic, 0), 0u) << ext;
  }
}

// --landscape: the map of `losslab landscape` through the start, and each run's path on it: for
// a slice of two parameters, the offsets of those parameters from the start, step by step.
TEST_F(RaceCli, LandscapeHoldsEveryRunsPath) {
  const std::string out = (dir_ / "race_landscape.png").string();
  const auto r = run_losslab("race " + scene_ +
                             " --runs gd,adam --steps 12 --landscape --x W[1][0] --y b[2] "
                             "--grid 17 --range 1.5 --out " +
                             out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["landscape"]["x"], "W[1][0]");
  EXPECT_EQ(j["landscape"]["y"], "b[2]");
  EXPECT_EQ(j["landscape"]["grid"], 17);
  const Scene start = load_scene(scene_).scene;
  for (const json& run : j["runs"]) {
    ASSERT_EQ(run["path"].size(), 13u) << run["name"];
    EXPECT_EQ(run["path"][0], json::array({0.0, 0.0}));
    const json& end = run["path"][12];
    EXPECT_DOUBLE_EQ(end[0].get<double>(), run["W"][1][0].get<double>() - start.params.W(1, 0));
    EXPECT_DOUBLE_EQ(end[1].get<double>(), run["b"][2].get<double>() - start.params.b(2));
  }
  // The map's range of values is `losslab landscape`'s over the same slice.
  const std::string csv = (dir_ / "map.csv").string();
  const auto l = run_losslab("landscape " + scene_ +
                             " --x W[1][0] --y b[2] --grid 17 --range 1.5 --out " + csv);
  ASSERT_EQ(l.exit_code, 0) << l.err;
  std::istringstream rows(test::read_all(csv));
  std::string line;
  std::getline(rows, line);  // header
  double lo = 1e300, hi = -1e300;
  while (std::getline(rows, line)) {
    const double v = std::stod(line.substr(line.rfind(',') + 1));
    lo = std::min(lo, v), hi = std::max(hi, v);
  }
  EXPECT_DOUBLE_EQ(j["landscape"]["loss_min"].get<double>(), lo);
  EXPECT_DOUBLE_EQ(j["landscape"]["loss_max"].get<double>(), hi);
  EXPECT_EQ(test::read_all(out).rfind("\x89PNG", 0), 0u);
}

TEST_F(RaceCli, BadInputGetsOneLine) {
  for (const std::string args :
       {" --runs newton", " --runs gd:fast", " --runs adam:-1", " --losses mse",
        " --runs gd,gd,gd,gd,gd --losses ww,softmax", " --steps -3", " --out x.bmp", " --grid 9",
        " --landscape --x W[0][0] --y W[0][0]", " --landscape --x W[5][0] --y b[0]",
        " --landscape --random-directions --x W[0][0]"}) {
    const auto r = run_losslab("race " + scene_ + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
  }
  const auto missing = run_losslab("race " + (dir_ / "nope.json").string());
  EXPECT_EQ(missing.exit_code, 2);
}

TEST_F(RaceCli, DivergedRunIsReportedAndTheOthersFinish) {
  const auto r = run_losslab("race " + scene_ + " --runs gd,gd:1e6 --steps 30");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["runs"][0]["status"], "running");
  EXPECT_EQ(j["runs"][0]["steps"], 30);
  EXPECT_EQ(j["runs"][1]["status"], "diverged");
  EXPECT_LT(j["runs"][1]["steps"].get<int>(), 30);
  EXPECT_NE(r.err.find("diverged"), std::string::npos);
}

}  // namespace
}  // namespace ll
