// End-to-end tests of the command line: run the real binary and parse its JSON.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/losses.h"
#include "core/optimizer.h"
#include "core/scene_io.h"
#include "tests/cli/run_command.h"

namespace ll {
namespace {

using nlohmann::json;
using test::run_losslab;
namespace fs = std::filesystem;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("losslab_cli_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    scene_ = (dir_ / "demo.json").string();
    save_scene(default_scene(), scene_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string scene_;
};

TEST_F(Cli, EvalPrintsTheDemoNumbers) {
  const auto r = run_losslab("eval " + scene_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_NEAR(j["data_loss"].get<double>(), 2.7667, 5e-5);
  EXPECT_NEAR(j["reg_loss"].get<double>(), 3.5, 1e-12);
  EXPECT_NEAR(j["total_loss"].get<double>(), 6.2667, 5e-5);
  EXPECT_NEAR(j["accuracy"].get<double>(), 2.0 / 9.0, 1e-15);
  ASSERT_EQ(j["scores"].size(), 9u);
  EXPECT_NEAR(j["scores"][0][1].get<double>(), -0.1, 1e-12);
  ASSERT_EQ(j["losses"].size(), 9u);
  EXPECT_NEAR(j["losses"][4].get<double>(), 6.8, 1e-12);
  ASSERT_EQ(j["dW"].size(), 3u);
  ASSERT_EQ(j["dW"][0].size(), 2u);
  ASSERT_EQ(j["db"].size(), 3u);

  // Full precision: the printed numbers are exactly what core computes.
  const Scene s = default_scene();
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  EXPECT_EQ(j["total_loss"].get<double>(), e.total_loss);
  EXPECT_EQ(j["dW"][1][0].get<double>(), e.dW(1, 0));
}

TEST_F(Cli, EvalOverridesLossAndRegularization) {
  const auto r = run_losslab("eval " + scene_ + " --loss softmax --reg 0");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_NEAR(j["data_loss"].get<double>(), 1.8366, 5e-5);
  EXPECT_EQ(j["reg_loss"].get<double>(), 0.0);
  const auto l1 = json::parse(run_losslab("eval " + scene_ + " --reg-kind l1").out);
  EXPECT_NEAR(l1["reg_loss"].get<double>(), 0.1 * 13.0, 1e-12);  // sum |W| = 13
}

TEST_F(Cli, TrainWritesHistoryAndFinalParameters) {
  const std::string out = (dir_ / "trained.json").string();
  const auto r = run_losslab("train " + scene_ + " --steps 5 --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(test::read_all(out));
  ASSERT_EQ(j["history"].size(), 6u);
  EXPECT_NEAR(j["history"][0].get<double>(), 6.2667, 5e-5);
  for (std::size_t i = 1; i < 6; ++i) {
    EXPECT_LT(j["history"][i].get<double>(), j["history"][i - 1].get<double>());
  }
  Scene s = default_scene();
  train(s, 5);
  EXPECT_EQ(j["W"][2][1].get<double>(), s.params.W(2, 1));
  EXPECT_EQ(j["b"][1].get<double>(), s.params.b(1));
  EXPECT_EQ(j["status"], "ok");
}

TEST_F(Cli, TrainIsDeterministicForASeed) {
  const std::string args = "train " + scene_ + " --steps 20 --optimizer sgd --batch 2 --seed 7";
  const auto a = run_losslab(args), b = run_losslab(args);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const auto c = run_losslab("train " + scene_ + " --steps 20 --optimizer sgd --batch 2 --seed 8");
  EXPECT_NE(a.out, c.out);
}

TEST_F(Cli, DivergenceIsReported) {
  const auto r = run_losslab("train " + scene_ + " --steps 50 --lr 5 --reg 100");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("diverged"), std::string::npos) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["status"], "diverged");
}

TEST_F(Cli, BadArgumentsExitTwoWithOneLine) {
  const std::string missing = (dir_ / "missing.json").string();
  std::ofstream(dir_ / "broken.json") << "{\"points\": [{\"x\": 1}]}";
  const std::string broken = (dir_ / "broken.json").string();
  const std::pair<std::string, std::string> cases[] = {
      {"train " + scene_ + " --steps -1", "--steps"},
      {"train " + scene_ + " --steps 5 --lr 0", "--lr"},
      {"train " + scene_ + " --steps 5 --lr nan", "--lr"},
      {"train " + scene_ + " --steps 5 --batch 0", "--batch"},
      {"train " + scene_, "--steps"},
      {"eval " + scene_ + " --loss hinge", "--loss"},
      {"eval " + scene_ + " --reg -1", "--reg"},
      {"eval " + missing, "missing.json"},
      {"eval " + broken, "points[0]: missing \"y\""},
      {"frobnicate", "frobnicate"},
  };
  for (const auto& [args, needle] : cases) {
    const auto r = run_losslab(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find(needle), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
}

TEST_F(Cli, HelpAndVersion) {
  const auto h = run_losslab("--help");
  EXPECT_EQ(h.exit_code, 0);
  for (const char* word : {"eval", "train", "--screenshot", "--frames"}) {
    EXPECT_NE(h.out.find(word), std::string::npos) << word;
  }
  const auto v = run_losslab("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("losslab 0."), std::string::npos) << v.out;
}

TEST_F(Cli, CsvImportIsEvaluated) {
  std::ofstream(dir_ / "p.csv") << "x,y,label\n0.5,0.4,0\n-0.4,0.3,1\n0.7,-0.4,2\n";
  const auto r = run_losslab("eval " + (dir_ / "p.csv").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["losses"].size(), 3u);
}

}  // namespace
}  // namespace ll
