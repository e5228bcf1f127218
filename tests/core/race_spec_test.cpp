// Per-run settings of a race as one line (core/race_spec.h): each run its own optimizer and
// loss settings, validated against the scene files' ranges with one line per fault; a run with
// its own beta1 or margin trains as `train` does with those settings; the names say what sets
// the runs apart.
#include "core/race_spec.h"

#include <gtest/gtest.h>

#include "core/datasets.h"

namespace ll {
namespace {

RaceRunSettings base() {
  const Scene s = default_scene();
  return {s.optimizer, s.loss};
}

TEST(RaceSpec, EachRunHasItsOwnSettings) {
  std::vector<RaceRunSettings> runs;
  ASSERT_EQ(parse_race_runs("gd:lr=0.3,adam:lr=0.01:beta1=0.8:beta2=0.99,momentum:momentum=0.5:"
                            "batch=3,softmax:reg=0.01,ww:delta=2:loss=ova,sgd:0.05:",
                            base(), runs)
                .substr(0, 6),
            "'sgd:0");  // "sgd:0.05:" has an empty part
  ASSERT_EQ(parse_race_runs("gd:lr=0.3,adam:lr=0.01:beta1=0.8:beta2=0.99,momentum:momentum=0.5:"
                            "batch=3,softmax:reg=0.01,ww:delta=2:loss=ova,sgd:0.05",
                            base(), runs),
            "");
  ASSERT_EQ(runs.size(), 6u);
  EXPECT_EQ(runs[0].optimizer.kind, OptimizerKind::GD);
  EXPECT_EQ(runs[0].optimizer.lr, 0.3);
  EXPECT_EQ(runs[1].optimizer.kind, OptimizerKind::Adam);
  EXPECT_EQ(runs[1].optimizer.lr, 0.01);
  EXPECT_EQ(runs[1].optimizer.beta1, 0.8);
  EXPECT_EQ(runs[1].optimizer.beta2, 0.99);
  EXPECT_EQ(runs[2].optimizer.momentum, 0.5);
  EXPECT_EQ(runs[2].optimizer.batch, 3);
  EXPECT_EQ(runs[3].loss.kind, LossKind::Softmax);
  EXPECT_EQ(runs[3].loss.lambda, 0.01);
  EXPECT_EQ(runs[3].optimizer, base().optimizer);  // a loss name changes the loss only
  EXPECT_EQ(runs[4].loss.kind, LossKind::OneVsAll);
  EXPECT_EQ(runs[4].loss.delta, 2.0);
  EXPECT_EQ(runs[5].optimizer.kind, OptimizerKind::SGD);
  EXPECT_EQ(runs[5].optimizer.lr, 0.05);  // NAME:LR, the older form
  // Everything not named is the base's.
  EXPECT_EQ(runs[0].loss, base().loss);
  EXPECT_EQ(runs[1].optimizer.epsilon, base().optimizer.epsilon);
}

TEST(RaceSpec, BadSpecsAreOneLine) {
  struct SpecCase {
    const char* spec;
    const char* message;
  };
  const SpecCase cases[] = {
      {"", "no runs (e.g. gd,momentum,adam)"},
      {"newton",
       "'newton': unknown optimizer or loss 'newton' (use gd, sgd, momentum, adam, ww, "
       "ova, structured, softmax, sigmoid, focal)"},
      {"gd,,adam", "'': a run needs a name (gd, sgd, momentum, adam or a loss)"},
      {"adam:lr=0", "'adam:lr=0': lr must be in (0, 1e+06], not 0"},
      {"adam:lr=-1", "'adam:lr=-1': lr must be in (0, 1e+06], not -1"},
      {"adam:lr=nan", "'adam:lr=nan': lr=nan: not a number"},
      {"adam:beta1=1", "'adam:beta1=1': beta1 must be in [0, 0.999999], not 1"},
      {"momentum:momentum=2", "'momentum:momentum=2': momentum must be in [0, 0.999999], not 2"},
      {"sgd:batch=2.5", "'sgd:batch=2.5': batch must be a whole number in [1, 1000000], not 2.5"},
      {"ww:delta=-1", "'ww:delta=-1': delta must be in [0, 1e+06], not -1"},
      {"ww:reg=1e7", "'ww:reg=1e7': reg must be in [0, 1e+06], not 1e7"},
      {"gd:loss=mse",
       "'gd:loss=mse': unknown loss 'mse' (use ww, ova, structured, softmax, "
       "sigmoid, focal)"},
      {"gd:speed=2",
       "'gd:speed=2': unknown setting 'speed' (use lr, batch, momentum, beta1, "
       "beta2, seed, loss, delta, reg, gamma, alpha)"},
      {"gd:fast", "'gd:fast': lr=fast: not a number"},
      {"adam:lr=0.1:0.2", "'adam:lr=0.1:0.2': '0.2': use KEY=VALUE (e.g. lr=0.01)"},
      {"gd,gd,gd,gd,gd,gd,gd,gd,gd", "more than 8 runs"},
  };
  for (const SpecCase& c : cases) {
    std::vector<RaceRunSettings> runs;
    const std::string e = parse_race_runs(c.spec, base(), runs);
    EXPECT_EQ(e, c.message) << c.spec;
    EXPECT_EQ(e.find('\n'), std::string::npos);
  }
}

TEST(RaceSpec, ARunsOwnSettingsTrainAsTrainDoes) {
  Scene s = make_blobs({3, 12, 0.3, 2});
  s.params = default_params(3);
  std::vector<RaceRunSettings> runs;
  ASSERT_EQ(parse_race_runs("adam:lr=0.05:beta1=0.5,adam:lr=0.05,ww:delta=3:reg=0.5,ww",
                            {s.optimizer, s.loss}, runs),
            "");
  Race race(s);
  for (const RaceRunSettings& r : runs) race.add_run(r);
  race.advance(12);
  for (const RaceRun& r : race.runs()) {
    Scene t = s;
    t.optimizer = r.settings.optimizer;
    t.loss = r.settings.loss;
    train(t, 12);
    EXPECT_EQ(r.scene.params, t.params) << r.name;
  }
  // Own settings, own results; names say what differs.
  EXPECT_FALSE(race.runs()[0].scene.params == race.runs()[1].scene.params);
  EXPECT_FALSE(race.runs()[2].scene.params == race.runs()[3].scene.params);
  const std::string dot = " \u00b7 ";
  EXPECT_EQ(race.runs()[0].name,
            "Adam lr 0.05 batch 4" + dot + "\u0394 1" + dot + "\u03bb 0.1" + dot + "\u03b21 0.5");
  EXPECT_EQ(race.runs()[1].name,
            "Adam lr 0.05 batch 4" + dot + "\u0394 1" + dot + "\u03bb 0.1" + dot + "\u03b21 0.9");
  EXPECT_EQ(race.runs()[2].name, "GD lr 0.1" + dot + "\u0394 3" + dot + "\u03bb 0.5");
  EXPECT_EQ(race.runs()[3].name, "GD lr 0.1" + dot + "\u0394 1" + dot + "\u03bb 0.1");
  // A race of one loss and optimizer with two margins: the names are the margins.
  Race margins(s);
  RaceRunSettings wide{s.optimizer, s.loss};
  wide.loss.delta = 2.0;
  margins.add_run({s.optimizer, s.loss});
  margins.add_run(wide);
  EXPECT_EQ(margins.runs()[0].name, "GD lr 0.1" + dot + "\u0394 1");
  EXPECT_EQ(margins.runs()[1].name, "GD lr 0.1" + dot + "\u0394 2");
}

}  // namespace
}  // namespace ll
