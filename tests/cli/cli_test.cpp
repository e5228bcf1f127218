// End-to-end tests of the command line: run the real binary and parse its JSON.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/cli/json_out.h"
#include "core/limits.h"
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

// --loss sigmoid|focal, --gamma, --alpha and --class-weights give exactly core's numbers.
TEST_F(Cli, EvalProbabilityLossesAndClassWeights) {
  const Scene demo = default_scene();
  struct Case {
    std::string flags;
    LossSettings settings;
  };
  LossSettings sigmoid = demo.loss, focal = demo.loss, weighted = demo.loss;
  sigmoid.kind = LossKind::Sigmoid;
  focal.kind = LossKind::Focal;
  focal.gamma = 0.5;
  focal.alpha = 0.25;
  weighted = focal;
  weighted.class_weights = {1.0, 2.5, 0.5};
  const Case cases[] = {
      {"--loss sigmoid", sigmoid},
      {"--loss focal --gamma 0.5 --alpha 0.25", focal},
      {"--loss focal --gamma 0.5 --alpha 0.25 --class-weights 1,2.5,0.5", weighted},
  };
  for (const Case& c : cases) {
    const auto r = run_losslab("eval " + scene_ + " " + c.flags);
    ASSERT_EQ(r.exit_code, 0) << c.flags << "\n" << r.err;
    const json j = json::parse(r.out);
    const Evaluation e = evaluate(demo.points, demo.params, c.settings);
    EXPECT_EQ(j["loss"], to_string(c.settings.kind)) << c.flags;
    EXPECT_EQ(j["data_loss"].get<double>(), e.data_loss) << c.flags;
    EXPECT_EQ(j["total_loss"].get<double>(), e.total_loss) << c.flags;
    EXPECT_EQ(j["losses"][3].get<double>(), e.losses(3)) << c.flags;
    EXPECT_EQ(j["dW"][2][0].get<double>(), e.dW(2, 0)) << c.flags;
  }
  // Focal with gamma 0 and alpha 1 prints softmax's numbers.
  const json f =
      json::parse(run_losslab("eval " + scene_ + " --loss focal --gamma 0 --alpha 1").out);
  const json sm = json::parse(run_losslab("eval " + scene_ + " --loss softmax").out);
  EXPECT_EQ(f["total_loss"], sm["total_loss"]);
  EXPECT_EQ(f["dW"], sm["dW"]);
  // Uniform weights: the same numbers as none.
  const json u = json::parse(run_losslab("eval " + scene_ + " --class-weights 2,2,2").out);
  const json none = json::parse(run_losslab("eval " + scene_).out);
  EXPECT_NEAR(u["data_loss"].get<double>(), none["data_loss"].get<double>(), 1e-12);
}

// A scene file's new fields are used by eval and train, and the flags override them.
TEST_F(Cli, SceneFileFocalWeightsAndMaxNorm) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Focal;
  s.loss.gamma = 2.0;
  s.loss.class_weights = {3.0, 1.0, 1.0};
  s.optimizer.max_norm = 1.5;
  const std::string path = (dir_ / "focal.json").string();
  save_scene(s, path);
  const json e = json::parse(run_losslab("eval " + path).out);
  EXPECT_EQ(e["loss"], "focal");
  EXPECT_EQ(e["total_loss"].get<double>(), evaluate(s.points, s.params, s.loss).total_loss);

  const auto r = run_losslab("train " + path + " --steps 30");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  Scene t = s;
  train(t, 30);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(j["W"][k][0].get<double>(), t.params.W(k, 0));
    const double n = std::hypot(j["W"][k][0].get<double>(), j["W"][k][1].get<double>());
    EXPECT_LE(n, 1.5 * (1 + 1e-15)) << k;
  }
  // --max-norm overrides the file's.
  const json j2 = json::parse(run_losslab("train " + path + " --steps 30 --max-norm 0.5").out);
  for (int k = 0; k < 3; ++k) {
    const double n = std::hypot(j2["W"][k][0].get<double>(), j2["W"][k][1].get<double>());
    EXPECT_LE(n, 0.5 * (1 + 1e-15)) << k;
  }
  // --max-norm 0 turns it off: the demo's weights grow past 1.5 (its rows start near 2 to 3).
  const json j3 = json::parse(run_losslab("train " + path + " --steps 30 --max-norm 0").out);
  double largest = 0.0;
  for (int k = 0; k < 3; ++k)
    largest =
        std::max(largest, std::hypot(j3["W"][k][0].get<double>(), j3["W"][k][1].get<double>()));
  EXPECT_GT(largest, 1.5);
}

TEST_F(Cli, BadProbabilityArgumentsExitTwoNamingTheFlag) {
  const std::pair<std::string, std::string> cases[] = {
      {"eval " + scene_ + " --loss bce", "--loss"},
      {"eval " + scene_ + " --gamma -1", "--gamma"},
      {"eval " + scene_ + " --gamma 101", "--gamma"},
      {"eval " + scene_ + " --alpha 0", "--alpha"},
      {"eval " + scene_ + " --alpha nan", "--alpha"},
      {"eval " + scene_ + " --class-weights 1,2",
       "--class-weights: 2 weights given but the scene "
       "has 3 classes"},
      {"eval " + scene_ + " --class-weights 1,0,1", "--class-weights"},
      {"eval " + scene_ + " --class-weights 1,x,1", "--class-weights"},
      {"eval " + scene_ + " --class-weights 1,,1", "--class-weights"},
      {"eval " + scene_ + " --class-weights 1,2,3,", "--class-weights"},
      {"eval " + scene_ + " --max-norm 1", "--max-norm"},  // train only
      {"train " + scene_ + " --steps 1 --max-norm -1", "--max-norm"},
      {"train " + scene_ + " --steps 1 --max-norm 1e9", "--max-norm"},
  };
  for (const auto& [args, needle] : cases) {
    const auto r = run_losslab(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find(needle), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
}

// Multi-label scenes: sigmoid only; accuracy as exact match and per label (issue 13).
TEST_F(Cli, MultiLabelScenesUnderSigmoidAndRefusedByTheOthers) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Sigmoid;
  s.points[0].set_label_mask(0b101);
  s.points[4].set_label_mask(0b011);
  const std::string path = (dir_ / "multi.json").string();
  save_scene(s, path);
  const auto r = run_losslab("eval " + path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  EXPECT_EQ(j["data_loss"].get<double>(), e.data_loss);
  EXPECT_EQ(j["accuracy"].get<double>(), e.accuracy);
  EXPECT_EQ(j["exact_match"].get<double>(), e.exact_match);
  EXPECT_EQ(j["label_accuracy"].get<double>(), e.label_accuracy);
  EXPECT_NE(e.exact_match, e.label_accuracy);
  EXPECT_EQ(j["losses"][0].get<double>(), e.losses(0));
  // The other losses refuse the scene with one line naming the point, exit 2.
  for (const std::string loss : {"softmax", "ww", "focal"}) {
    for (const std::string cmd : {"eval ", "train --steps 3 "}) {
      const auto bad = run_losslab(cmd + path + " --loss " + loss);
      EXPECT_EQ(bad.exit_code, 2) << cmd << loss;
      EXPECT_EQ(bad.out, "");
      EXPECT_NE(bad.err.find("point 0 has the labels [0, 2]; only the sigmoid loss accepts "
                             "multi-label points (the loss is " +
                             loss + ")"),
                std::string::npos)
          << bad.err;
      EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
    }
  }
  // Training under sigmoid reports the final accuracies.
  const auto t = run_losslab("train " + path + " --steps 20 --lr 0.5");
  ASSERT_EQ(t.exit_code, 0) << t.err;
  const json tj = json::parse(t.out);
  Scene trained = s;
  trained.optimizer.lr = 0.5;
  train(trained, 20);
  EXPECT_EQ(tj["W"][1][0].get<double>(), trained.params.W(1, 0));
  const Evaluation te = evaluate(trained.points, trained.params, trained.loss);
  EXPECT_EQ(tj["exact_match"].get<double>(), te.exact_match);
  EXPECT_EQ(tj["label_accuracy"].get<double>(), te.label_accuracy);
  EXPECT_EQ(tj["accuracy"].get<double>(), te.accuracy);
  EXPECT_EQ(tj["accuracy_history"].back().get<double>(), te.accuracy);
}

TEST_F(Cli, SingleLabelEvalKeepsItsFieldsAndAddsTheNewOnes) {
  const auto r = run_losslab("eval " + scene_ + " --loss softmax");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_NEAR(j["accuracy"].get<double>(), 2.0 / 9.0, 1e-15);
  EXPECT_EQ(j["exact_match"].get<double>(), j["accuracy"].get<double>());
  EXPECT_NEAR(j["label_accuracy"].get<double>(), 1.0 - 2.0 * (7.0 / 9.0) / 3.0, 1e-15);
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

// Writes `n` points of 3 classes as a CSV scene (CSV loads fast; the JSON loader is not ours).
void write_csv_scene(const fs::path& path, int n) {
  std::ofstream f(path);
  f << "x,y,label\n";
  for (int i = 0; i < n; ++i) {
    const double t = 0.001 * i;
    f << std::sin(t) << "," << std::cos(3 * t) << "," << i % 3 << "\n";
  }
}

bool all_finite(const json& j) { return cli::find_non_finite(j).empty(); }

// Regression: `eval --delta 1e300 --squared` and `--reg 1e308` printed null losses with exit 0;
// the command line accepted up to 1.8e308 where scene files stop at 1e6.
TEST_F(Cli, OutOfRangeOptionsAreRefusedLikeInSceneFiles) {
  const std::pair<std::string, std::string> cases[] = {
      {"eval " + scene_ + " --delta 1e300 --squared", "--delta"},
      {"eval " + scene_ + " --reg 1e308", "--reg"},
      {"eval " + scene_ + " --reg 1000001", "--reg"},
      {"eval " + scene_ + " --reg 1e400", "--reg"},
      {"train " + scene_ + " --steps 5 --lr 1e7", "--lr"},
      {"train " + scene_ + " --steps 5 --momentum 1", "--momentum"},
      {"train " + scene_ + " --steps 5 --batch 1000001", "--batch"},
      {"train " + scene_ + " --steps 5 --seed 9223372036854775808", "--seed"},
      {"train " + scene_ + " --steps 1000001", "--steps"},
      {"train " + scene_ + " --steps 5 --history-every 0", "--history-every"},
  };
  for (const auto& [args, needle] : cases) {
    const auto r = run_losslab(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find(needle), std::string::npos) << args << "\n" << r.err;
    EXPECT_NE(r.err.find("out of range"), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
  // The largest accepted values give finite numbers.
  const auto r = run_losslab("eval " + scene_ + " --delta 1e6 --squared --reg 1e6");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_TRUE(all_finite(j)) << cli::find_non_finite(j);
  EXPECT_GT(j["total_loss"].get<double>(), 1e12);
}

// The same value is accepted by the scene loader and by the command line, or by neither.
TEST_F(Cli, OptionRangesAreTheSceneFileRanges) {
  struct Case {
    const char* field;
    const char* option;
    bool train;
    std::vector<std::string> values;
  };
  const Case cases[] = {
      {"reg", "--reg", false, {"0", "1e6", "1000000.0000001", "-1e-300", "1e308"}},
      {"delta", "--delta", false, {"0", "1e6", "1.0000001e6", "-0.5"}},
      {"lr", "--lr", true, {"1e-300", "1e6", "1.000001e6", "0"}},
      {"momentum", "--momentum", true, {"0", "0.999999", "0.9999991", "1"}},
      {"batch", "--batch", true, {"1", "1000000", "1000001", "0"}},
      {"seed", "--seed", true, {"0", "9223372036854775807", "9223372036854775808"}},
  };
  for (const Case& c : cases) {
    for (const std::string& v : c.values) {
      bool file_ok = true;
      try {
        parse_scene_json("{\"" + std::string(c.field) + "\": " + v + "}", "t.json");
      } catch (const LoadError&) {
        file_ok = false;
      }
      const std::string args = std::string(c.train ? "train " : "eval ") + scene_ +
                               (c.train ? " --steps 1 " : " ") + c.option + " " + v;
      const auto r = run_losslab(args);
      EXPECT_EQ(r.exit_code != 2, file_ok) << args << "\n" << r.err;  // 1: may diverge
    }
  }
  EXPECT_EQ(limits::kReg.hi, 1e6);  // the README's numbers
  EXPECT_EQ(limits::kMaxSteps, 1'000'000);
}

TEST(CliJson, NonFiniteNumbersAreFoundByPath) {
  json j;
  j["total_loss"] = 1.0;
  j["scores"] = json::array({json::array({1.0, 2.0}), json::array({3.0, std::nan("")})});
  EXPECT_EQ(cli::find_non_finite(j), "scores[1][1]");
  j["scores"][1][1] = 4.0;
  EXPECT_EQ(cli::find_non_finite(j), "");
  j["a"] = -HUGE_VAL;
  EXPECT_EQ(cli::find_non_finite(j), "a");
  EXPECT_EQ(json(HUGE_VAL).dump(), "null");  // why the check exists
}

// Regression: a legal file trained to a loss of ~1e29 with status ok; the README's |loss| > 1e12
// rule now holds.
TEST_F(Cli, TrainingThatExplodesTheLossIsReportedAsDiverged) {
  // |W| grows 1.5x a step: loss ~1e16 after 30 steps with |W| far below the 1e8 bound.
  const auto r = run_losslab("train " + scene_ + " --steps 30 --reg 1e4 --lr 1.25e-4");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("diverged"), std::string::npos) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["status"], "diverged");
  EXPECT_LT(j["steps"].get<long>(), 30);
  for (const json& h : j["history"]) EXPECT_LE(h.get<double>(), 1e12);
}

// Regression: SGD on a big scene did a full-data pass per step for the history.
TEST_F(Cli, MinibatchHistoryOnABigSceneIsRecordedEveryKthStep) {
  const fs::path csv = dir_ / "big.csv";
  write_csv_scene(csv, 20'000);
  const std::string args = "train " + csv.string() + " --optimizer sgd --batch 4 --steps 1000";
  const auto r = run_losslab(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;  // no progress bar: stderr is not a terminal
  const json j = json::parse(r.out);
  EXPECT_EQ(j["history_every"], 5000);  // N / batch
  EXPECT_EQ(j["history_steps"], json::array({0, 1000}));
  ASSERT_EQ(j["history"].size(), 2u);
  EXPECT_EQ(j["accuracy_history"].size(), 2u);

  const auto k = run_losslab(args + " --history-every 300");
  ASSERT_EQ(k.exit_code, 0) << k.err;
  const json jk = json::parse(k.out);
  EXPECT_EQ(jk["history_steps"], json::array({0, 300, 600, 900, 1000}));
  EXPECT_EQ(jk["W"], j["W"]);  // recording does not change training
  // The numbers are core's full-data records at those steps.
  Scene s = load_scene(csv).scene;
  s.optimizer.kind = OptimizerKind::SGD;
  s.optimizer.batch = 4;
  TrainOptions o;
  o.record_every = 300;
  const TrainResult tr = train(s, 1000, o);
  ASSERT_EQ(tr.history.size(), 5u);
  EXPECT_EQ(jk["history"][2].get<double>(), tr.history[2].total_loss);
  EXPECT_EQ(j["history"][1].get<double>(), tr.history[4].total_loss);
}

TEST_F(Cli, ProgressBarOnlyOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  const fs::path log = dir_ / "tty.txt";
  // script(1) runs the command on a pseudo-terminal; stdout goes to a file, stderr to the pty.
  const std::string inner = std::string(LOSSLAB_BIN) + " train " + scene_ + " --steps 2000 --out " +
                            (dir_ / "o.json").string();
  const std::string cmd = "script -qec '" + inner + "' " + log.string() + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string tty = test::read_all(log.string());
  EXPECT_NE(tty.find("training ["), std::string::npos) << tty;
  EXPECT_NE(tty.find("/2000 steps"), std::string::npos) << tty;
  EXPECT_EQ(json::parse(test::read_all((dir_ / "o.json").string()))["status"], "ok");
}

// Ctrl+C during training writes what it has: parameters, history, "status": "interrupted".
TEST_F(Cli, InterruptedTrainingWritesTheStateSoFar) {
  const fs::path csv = dir_ / "big.csv", out = dir_ / "interrupted.json";
  write_csv_scene(csv, 50'000);
  for (int sig : {SIGINT, SIGTERM}) {
    fs::remove(out);
    const std::string err = (dir_ / "err.txt").string();
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, 2);
      ::signal(SIGINT, SIG_DFL);  // not ignored, even if this test runs as a background job
      ::signal(SIGTERM, SIG_DFL);
      ::execl(LOSSLAB_BIN, LOSSLAB_BIN, "train", csv.c_str(), "--steps", "1000000", "--out",
              out.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_EQ(::kill(pid, sig), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    const double stop_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(stop_s, 1.0);  // stops between steps, promptly
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 128 + sig);
    const std::string e = test::read_all(err);
    EXPECT_NE(e.find("interrupted after"), std::string::npos) << e;
    const json j = json::parse(test::read_all(out.string()));
    EXPECT_EQ(j["status"], "interrupted");
    const long steps = j["steps"].get<long>();
    EXPECT_LT(steps, 1'000'000);
    EXPECT_EQ(j["history_steps"].back().get<long>(), steps);
    EXPECT_EQ(j["history"].size(), j["history_steps"].size());
    EXPECT_EQ(j["W"].size(), 3u);
    EXPECT_TRUE(all_finite(j));
  }
}

}  // namespace
}  // namespace ll
