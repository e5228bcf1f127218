#include "core/scene_io.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>

#include "core/datasets.h"

namespace ll {
namespace {

namespace fs = std::filesystem;

// The message of the LoadError that parsing `text` throws ("" when it loads).
std::string json_error(const std::string& text) {
  try {
    parse_scene_json(text, "scene.json");
  } catch (const LoadError& e) {
    return e.what();
  }
  return "";
}

std::string csv_error(const std::string& text) {
  try {
    parse_points_csv(text, "points.csv");
  } catch (const LoadError& e) {
    return e.what();
  }
  return "";
}

TEST(SceneIo, JsonRoundTripIsExact) {
  Scene s = make_blobs({5, 6, 0.3, 11});
  s.params.W(2, 1) = 0.1 + 0.2;  // a double with no short decimal form
  s.loss.kind = LossKind::Structured;
  s.loss.reg = RegKind::Elastic;
  s.loss.squared = true;
  s.loss.delta = 0.75;
  s.optimizer.kind = OptimizerKind::Adam;
  s.optimizer.batch = 3;
  s.optimizer.seed = 123456789012345ULL;
  s.class_names = {"a", "b", "c", "d", "é"};
  const LoadResult r = parse_scene_json(scene_to_json(s), "x");
  EXPECT_EQ(r.scene, s);
  EXPECT_TRUE(r.warnings.empty());
}

struct Broken {
  const char* text;
  const char* expected;  // a substring of the message
};

TEST(SceneIo, ProbabilityLossesWeightsAndMaxNormRoundTrip) {
  Scene s = make_blobs({3, 4, 0.3, 12});
  s.loss.kind = LossKind::Focal;
  s.loss.gamma = 0.1 + 0.2;
  s.loss.alpha = 0.25;
  s.loss.class_weights = {1.0, 2.5, 1.0 / 3.0};
  s.optimizer.max_norm = 1.75;
  const std::string text = scene_to_json(s);
  EXPECT_NE(text.find("\"loss\": \"focal\""), std::string::npos);
  EXPECT_NE(text.find("\"gamma\": 0.30000000000000004"), std::string::npos);
  EXPECT_NE(text.find("\"max_norm\": 1.75"), std::string::npos);
  EXPECT_EQ(parse_scene_json(text, "x").scene, s);
  s.loss.kind = LossKind::Sigmoid;
  EXPECT_EQ(parse_scene_json(scene_to_json(s), "x").scene, s);

  const LoadResult r = parse_scene_json(
      R"({"loss": "sigmoid", "gamma": 0, "alpha": 1e6, "class_weights": [1, 2, 3],
          "max_norm": 0})",
      "s");
  EXPECT_EQ(r.scene.loss.kind, LossKind::Sigmoid);
  EXPECT_EQ(r.scene.loss.gamma, 0.0);
  EXPECT_EQ(r.scene.loss.alpha, 1e6);
  EXPECT_EQ(r.scene.loss.class_weights, (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(r.scene.optimizer.max_norm, 0.0);
  EXPECT_TRUE(r.warnings.empty());
}

// Scenes without the newer settings load as before, and save exactly as before.
TEST(SceneIo, OldScenesLoadAndSaveUnchanged) {
  const Scene demo = default_scene();
  const std::string text = scene_to_json(demo);
  for (const char* key : {"gamma", "alpha", "class_weights", "max_norm"})
    EXPECT_EQ(text.find(key), std::string::npos) << key;
  const Scene back = parse_scene_json(text, "x").scene;
  EXPECT_EQ(back, demo);
  EXPECT_TRUE(back.loss.class_weights.empty());
  EXPECT_EQ(back.loss.gamma, 2.0);
  EXPECT_EQ(back.loss.alpha, 1.0);
  EXPECT_EQ(back.optimizer.max_norm, 0.0);
}

TEST(SceneIo, BadProbabilitySettingsNameTheField) {
  const Broken cases[] = {
      {R"({"loss": "bce"})",
       "loss: unknown value \"bce\" (expected ww, ova, structured, softmax, "
       "sigmoid or focal)"},
      {R"({"gamma": -0.5})", "gamma: -0.5 is out of range [0, 100]"},
      {R"({"gamma": "2"})", "gamma: expected a number, got a string"},
      {R"({"alpha": 0})", "alpha: the focal scale must be positive"},
      {R"({"alpha": 2e6})", "alpha: 2e+06 is out of range"},
      {R"({"class_weights": [1, 2]})", "class_weights: expected an array of 3 numbers"},
      {R"({"class_weights": 1})", "class_weights: expected an array of 3 numbers"},
      {R"({"class_weights": [1, 0, 1]})", "class_weights[1]: 0 is out of range [1e-06, 1e+06]"},
      {R"({"class_weights": [1, 1, -2]})", "class_weights[2]: -2 is out of range"},
      {R"({"class_weights": [1, 1, null]})", "class_weights[2]: expected a number, got null"},
      {R"({"W": [[1, 0], [0, 1]], "points": [], "class_weights": [1, 2, 3]})",
       "class_weights: expected an array of 2 numbers"},
      {R"({"max_norm": -1})", "max_norm: -1 is out of range [0, 1e+08]"},
      {R"({"max_norm": true})", "max_norm: expected a number, got a boolean"},
  };
  for (const Broken& c : cases) {
    const std::string msg = json_error(c.text);
    EXPECT_NE(msg.find(c.expected), std::string::npos) << c.text << " -> " << msg;
  }
}

// ---- Multi-label points ----

TEST(SceneIoMultiLabel, LabelsLoadSaveAndRoundTrip) {
  const LoadResult r = parse_scene_json(
      R"({"loss": "sigmoid", "W": [[1, 0], [0, 1], [-1, 0]],
          "points": [{"x": 0.5, "y": 0.4, "labels": [2, 0]}, {"x": 0, "y": 1, "label": 1},
                     {"x": -1, "y": 0, "labels": [1]}]})",
      "s");
  ASSERT_EQ(r.scene.points.size(), 3u);
  const Point& a = r.scene.points[0];
  EXPECT_TRUE(a.multi_label());
  EXPECT_EQ(a.label, 0);
  EXPECT_EQ(a.label_mask(), 0b101u);
  EXPECT_FALSE(r.scene.points[2].multi_label());  // one label is "label"
  EXPECT_EQ(r.scene.points[2], (Point{-1, 0, 1}));
  const std::string text = scene_to_json(r.scene);
  EXPECT_NE(text.find(R"({"x": 0.5, "y": 0.4, "labels": [0, 2]})"), std::string::npos) << text;
  EXPECT_NE(text.find(R"({"x": -1.0, "y": 0.0, "label": 1})"), std::string::npos) << text;
  EXPECT_EQ(parse_scene_json(text, "x").scene, r.scene);

  // A random multi-label scene with 8 classes round-trips exactly, through a file too.
  Scene s = make_blobs({8, 20, 0.3, 13});
  s.loss.kind = LossKind::Sigmoid;
  for (std::size_t i = 0; i < s.points.size(); i += 3)
    s.points[i].set_label_mask(static_cast<unsigned>(1 + (i * 37) % 255));
  EXPECT_EQ(parse_scene_json(scene_to_json(s), "x").scene, s);
  const fs::path path = fs::temp_directory_path() / "losslab_multi_label_test.json";
  save_scene(s, path);
  EXPECT_EQ(load_scene(path).scene, s);
  fs::remove(path);
  // Without W, K comes from the highest label of any set.
  EXPECT_EQ(parse_scene_json(
                R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": [0, 4]}]})", "s")
                .scene.classes(),
            5);
}

TEST(SceneIoMultiLabel, BadLabelSetsNameThePoint) {
  const Broken cases[] = {
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": []}]})",
       "points[0].labels: is empty; a point needs at least one label"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "label": 0},
                                         {"x": 0, "y": 0, "labels": [1, 1]}]})",
       "points[1].labels[1]: label 1 is listed twice"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": [0, 10]}]})",
       "points[0].labels[1]: 10 is out of range [0, 9]"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": [0, -1]}]})",
       "points[0].labels[1]: -1 is out of range"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": [0, 1.5]}]})",
       "points[0].labels[1]: expected an integer, got a number"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": [[0]]}]})",
       "points[0].labels[0]: expected an integer, got an array"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": 2}]})",
       "points[0].labels: expected an array of labels such as [0, 2], got a number"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": {"a": 1}}]})",
       "points[0].labels: expected an array of labels such as [0, 2], got an object"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "label": 0, "labels": [0, 1]}]})",
       "points[0]: has both \"label\" and \"labels\" (give one)"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0}]})",
       "points[0]: missing \"label\" (or \"labels\" for a multi-label point)"},
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": [0, 1], "labels": [2]}]})",
       "points[0]: duplicate field \"labels\""},
      // Labels read before W are checked against it.
      {R"({"loss": "sigmoid", "points": [{"x": 0, "y": 0, "labels": [0, 2]}],
           "W": [[1, 0], [0, 1]]})",
       "points[0].labels: label 2 is out of range [0, 1]"},
      // Only sigmoid accepts them, the default loss included.
      {R"({"loss": "softmax", "points": [{"x": 0, "y": 0, "label": 1},
                                         {"x": 0, "y": 0, "labels": [0, 2]}]})",
       "points[1].labels: a multi-label point; only the sigmoid loss accepts them (the "
       "scene's \"loss\" is \"softmax\"; write \"loss\": \"sigmoid\")"},
      {R"({"points": [{"x": 0, "y": 0, "labels": [0, 2]}]})",
       "the scene's \"loss\" is \"ww\", the default; write"},
  };
  for (const Broken& c : cases) {
    const std::string msg = json_error(c.text);
    EXPECT_NE(msg.find(c.expected), std::string::npos) << c.text << " -> " << msg;
  }
  // A set of one label is an ordinary point under any loss.
  EXPECT_EQ(json_error(R"({"loss": "softmax", "points": [{"x": 0, "y": 0, "labels": [2]}]})"), "");
}

TEST(SceneIo, MinimalFileGetsTheDemoDefaults) {
  const LoadResult r = parse_scene_json(
      R"({"points": [{"x": 0.5, "y": 0.4, "label": 0}, {"x": -0.4, "y": 0.3, "label": 2}]})", "s");
  EXPECT_EQ(r.scene.classes(), 3);
  EXPECT_EQ(r.scene.params, default_scene().params);
  EXPECT_EQ(r.scene.loss, default_scene().loss);
  EXPECT_EQ(r.scene.optimizer, default_scene().optimizer);
  ASSERT_EQ(r.scene.points.size(), 2u);
  EXPECT_EQ(r.scene.points[1], (Point{-0.4, 0.3, 2}));
}

TEST(SceneIo, KIsInferredFromW) {
  const LoadResult r = parse_scene_json(
      R"({"W": [[1, 0], [0, 1], [1, 1], [-1, 0]], "b": [0, 1, 2, 3], "loss": "softmax",
          "reg": 0, "reg_kind": "l1", "lr": 0.5, "optimizer": "sgd", "batch": 2, "seed": 9})",
      "s");
  EXPECT_EQ(r.scene.classes(), 4);
  EXPECT_EQ(r.scene.params.b(3), 3.0);
  EXPECT_EQ(r.scene.loss.kind, LossKind::Softmax);
  EXPECT_EQ(r.scene.loss.lambda, 0.0);
  EXPECT_EQ(r.scene.loss.reg, RegKind::L1);
  EXPECT_EQ(r.scene.optimizer.kind, OptimizerKind::SGD);
  EXPECT_EQ(r.scene.optimizer.batch, 2);
  EXPECT_EQ(r.scene.optimizer.seed, 9u);
}

TEST(SceneIo, UnknownFieldsAreWarnings) {
  const LoadResult r = parse_scene_json(R"({"colour": "red"})", "s.json");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("colour"), std::string::npos);
}

TEST(SceneIo, MalformedJsonIsRejectedWithAUsefulMessage) {
  const Broken cases[] = {
      {"", "invalid JSON"},
      {"{\"points\": [", "invalid JSON"},
      {"{\"points\": []}\n}", "line 2"},
      {"[1, 2]", "JSON object at the top level"},
      {R"({"points": {}})", "points: expected an array"},
      {R"({"points": [1]})", "points[0]: expected an object"},
      {R"({"points": [{"x": 1, "y": 2}]})", "points[0]: missing \"label\""},
      {R"({"points": [{"x": "1", "y": 2, "label": 0}]})",
       "points[0].x: expected a number, got a string"},
      {R"({"points": [{"x": 1e999, "y": 2, "label": 0}]})", "invalid JSON: number overflow"},
      {R"({"points": [{"x": 1, "y": 2, "label": 0.5}]})", "points[0].label: expected an integer"},
      {R"({"W": [[1,0],[0,1]], "points": [{"x": 1, "y": 2, "label": 2}]})",
       "points[0].label: 2 is out of range [0, 1]"},
      {R"({"points": [{"x": 1, "y": 2, "label": -1}]})", "out of range"},
      {R"({"W": [[1, 0]]})", "W: has 1 rows; the number of classes must be 2 to 10"},
      {R"({"W": [[1,0],[1,0],[1,0],[1,0],[1,0],[1,0],[1,0],[1,0],[1,0],[1,0],[1,0]]})", "2 to 10"},
      {R"({"W": [[1, 0], [0]]})", "W[1]: expected a row of 2 numbers"},
      {R"({"W": [[1, 0], [0, 1]], "b": [0]})", "b: has 1 entries but W has 2 rows"},
      {R"({"b": [0, 1, 2]})", "b: given without W"},
      {R"({"loss": "hinge"})", "loss: unknown value \"hinge\""},
      {R"({"reg": -1})", "reg: -1 is out of range"},
      {R"({"lr": 0})", "lr: the step size must be positive"},
      {R"({"batch": 0})", "batch: 0 is out of range"},
      {R"({"squared": 1})", "squared: expected true or false"},
      {R"({"seed": 18446744073709551615})", "seed"},
      {R"({"class_names": ["a"]})", "class_names: expected an array of 3 strings"},
      {R"({"points": [{"x": 2e6, "y": 0, "label": 0}]})",
       "points[0].x: 2e+06 is out of range [-1e+06, 1e+06]"},
      {R"({"W": [[1e9, 0], [0, 1]]})", "W[0][0]: 1e+09 is out of range"},
      {R"({"W": [[1, 0], [0, 1]], "b": [0, -1e300]})", "b[1]: -1e+300 is out of range"},
      {"{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}", "nesting deeper than 16"},
  };
  for (const Broken& c : cases) {
    const std::string msg = json_error(c.text);
    EXPECT_NE(msg.find(c.expected), std::string::npos)
        << "input: " << c.text << "\nmessage: " << msg;
    if (!msg.empty()) {
      EXPECT_EQ(msg.rfind("scene.json: ", 0), 0u) << msg;
    }
  }
}

TEST(SceneIo, CsvWithHeaderCommentsAndCrlf) {
  const LoadResult r =
      parse_points_csv("x,y,label\r\n# a comment\r\n0.5, 0.4, 0\r\n\r\n-1e-1,2,3\n", "p.csv");
  ASSERT_EQ(r.scene.points.size(), 2u);
  EXPECT_EQ(r.scene.points[1], (Point{-0.1, 2.0, 3}));
  EXPECT_EQ(r.scene.classes(), 4);
}

TEST(SceneIo, MalformedCsvNamesTheLine) {
  EXPECT_NE(csv_error("0,0,0\n1,2\n").find("points.csv: line 2: expected 3 fields"),
            std::string::npos);
  EXPECT_NE(csv_error("0,0,0\n1,abc,0\n").find("line 2: y \"abc\" is not a number"),
            std::string::npos);
  EXPECT_NE(csv_error("0,0,0\n1,1,10\n").find("line 2: label 10 is out of range"),
            std::string::npos);
  EXPECT_NE(csv_error("0,0,0\n1,1,1.5\n").find("label \"1.5\" is not an integer"),
            std::string::npos);
  EXPECT_NE(csv_error("0,0,0\nnan,1,1\n").find("line 2"), std::string::npos);
  EXPECT_NE(csv_error("0,0,0\n1e999,1,1\n").find("line 2"), std::string::npos);
  EXPECT_NE(csv_error("0,0,0\n1e7,1,1\n").find("line 2: coordinates must be within +-1e6"),
            std::string::npos);
  // A first row with numbers in it is data, not a header: a bad x there is an error.
  EXPECT_NE(csv_error("abc,0.3,1\n0,0,0\n").find("line 1: x \"abc\" is not a number"),
            std::string::npos);
}

TEST(SceneIo, SaveAndLoadThroughFiles) {
  const fs::path dir =
      fs::temp_directory_path() / ("losslab_scene_io_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / "scene.json";
  const Scene s = make_xor(5, 3);
  save_scene(s, path);
  EXPECT_EQ(load_scene(path).scene, s);

  std::ofstream(dir / "points.csv") << "0.25,0.5,1\n";
  EXPECT_EQ(load_scene(dir / "points.csv").scene.points[0], (Point{0.25, 0.5, 1}));

  try {
    load_scene(dir / "missing.json");
    ADD_FAILURE() << "expected a LoadError";
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.json: cannot open"), std::string::npos);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ll

namespace ll {
namespace {

TEST(SceneIoLimits, AMillionPointsLoadOneMoreIsRefused) {
  std::string csv;
  csv.reserve(12'000'020);
  for (std::size_t i = 0; i < kMaxPoints; ++i) csv += "0.5,-0.25,1\n";
  const LoadResult r = parse_points_csv(csv, "big.csv");
  EXPECT_EQ(r.scene.points.size(), kMaxPoints);
  csv += "1,1,0\n";
  try {
    parse_points_csv(csv, "big.csv");
    ADD_FAILURE() << "expected a LoadError";
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("big.csv: line 1000001: more than 1000000 points"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace ll

// Issue 9: the streaming loader.
namespace ll {
namespace {

namespace fs = std::filesystem;

std::string load_error(const std::string& text) {
  try {
    parse_scene_json(text, "scene.json");
  } catch (const LoadError& e) {
    return e.what();
  }
  return "";
}

TEST(SceneIoStream, EmptyObjectIsTheDemoScene) {
  const LoadResult r = parse_scene_json("{}", "s.json");
  EXPECT_EQ(r.scene, default_scene());
  EXPECT_EQ(r.scene.points.size(), 9u);
  EXPECT_TRUE(r.warnings.empty());
}

TEST(SceneIoStream, AbsentPointsAreTheDemosAnEmptyArrayIsNone) {
  const LoadResult none = parse_scene_json(R"({"points": []})", "s.json");
  EXPECT_TRUE(none.scene.points.empty());
  EXPECT_EQ(none.scene.params, default_scene().params);  // K = 3 with no labels

  // W without points: the demo's points with the file's W.
  const LoadResult four = parse_scene_json(R"({"W": [[1, 0], [0, 1], [1, 1], [-1, 0]]})", "s");
  EXPECT_EQ(four.scene.points, default_scene().points);
  EXPECT_EQ(four.scene.classes(), 4);
  EXPECT_EQ(four.scene.params.W(3, 0), -1.0);

  // Class names without points: they name the demo's 3 classes.
  const LoadResult named = parse_scene_json(R"({"class_names": ["cat", "car", "frog"]})", "s");
  EXPECT_EQ(named.scene.points, default_scene().points);
  EXPECT_EQ(named.scene.class_names, (std::vector<std::string>{"cat", "car", "frog"}));

  // Two rows of W cannot hold the demo's labels 0..2.
  EXPECT_NE(load_error(R"({"W": [[1, 0], [0, 1]]})")
                .find("scene.json: W: has 2 rows, but the demo's points used when \"points\" is "
                      "absent have 3 classes (write \"points\": [] for none)"),
            std::string::npos);
  EXPECT_EQ(parse_scene_json(R"({"W": [[1, 0], [0, 1]], "points": []})", "s").scene.classes(), 2);
}

// `levels` nested containers: the top-level object, then arrays under an unknown key.
std::string nested(int levels) {
  return "{\"deep\": " + std::string(static_cast<std::size_t>(levels - 1), '[') +
         std::string(static_cast<std::size_t>(levels - 1), ']') + "}";
}

TEST(SceneIoStream, NestingLimitIsExactlyTheDocumentedDepth) {
  ASSERT_EQ(kMaxJsonDepth, 16);
  EXPECT_EQ(load_error(nested(16)), "");
  EXPECT_EQ(load_error(nested(17)), "scene.json: nesting deeper than 16 levels");
  // The same count inside points: the object, points, a point, then arrays in an unknown field.
  auto in_point = [](int levels) {
    return R"({"points": [{"x": 0, "y": 0, "label": 0, "extra": )" +
           std::string(static_cast<std::size_t>(levels - 3), '[') +
           std::string(static_cast<std::size_t>(levels - 3), ']') + "}]}";
  };
  EXPECT_EQ(load_error(in_point(16)), "");
  EXPECT_EQ(load_error(in_point(17)), "scene.json: nesting deeper than 16 levels");
}

TEST(SceneIoStream, DuplicateKeysAreErrorsNamingTheKey) {
  EXPECT_EQ(load_error(R"({"points": [], "lr": 0.5, "points": []})"),
            "scene.json: duplicate field \"points\"");
  EXPECT_EQ(load_error(R"({"colour": 1, "colour": 2})"), "scene.json: duplicate field \"colour\"");
  EXPECT_EQ(load_error(R"({"points": [{"x": 0, "y": 0, "label": 0},
                                      {"x": 1, "y": 2, "label": 0, "x": 3}]})"),
            "scene.json: points[1]: duplicate field \"x\"");
  EXPECT_EQ(load_error(R"({"points": [{"x": 0, "y": 0, "label": 0, "z": 1, "z": 2}]})"),
            "scene.json: points[0]: duplicate field \"z\"");
}

TEST(SceneIoStream, UnknownPointFieldsAreOneWarning) {
  const LoadResult r = parse_scene_json(R"({"points": [
      {"x": 0, "y": 0, "label": 0, "z": 1},
      {"x": 0, "y": 0, "label": 1, "z": 2, "meta": {"a": [1, 2]}},
      {"x": 0, "y": 0, "label": 2, "z": 3}]})",
                                        "s.json");
  ASSERT_EQ(r.scene.points.size(), 3u);
  EXPECT_EQ(r.scene.points[2], (Point{0, 0, 2}));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0],
            "s.json: points: unknown fields \"z\" (in 3 points), \"meta\" (in 1 point) ignored");
  const LoadResult many = parse_scene_json(R"({"points": [
      {"x": 0, "y": 0, "label": 0, "a": 1, "b": 1}, {"x": 0, "y": 0, "label": 0, "c": 1, "d": 1},
      {"x": 0, "y": 0, "label": 0, "e": 1, "a": 1}]})",
                                           "s.json");
  ASSERT_EQ(many.warnings.size(), 1u);
  EXPECT_EQ(many.warnings[0],
            "s.json: points: unknown fields \"a\" (in 2 points), \"b\" (in 1 "
            "point), \"c\" (in 1 point) and 2 more ignored");
}

TEST(SceneIoStream, ManyUnknownTopLevelFieldsAreOneLine) {
  std::string text = "{";
  for (int i = 0; i < 100000; ++i)
    text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  text += "\"lr\": 0.5}";
  const LoadResult r = parse_scene_json(text, "s.json");
  EXPECT_EQ(r.scene.optimizer.lr, 0.5);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0],
            "s.json: 100000 unknown fields ignored: \"k0\", \"k1\", \"k2\" and 99997 more");
  const LoadResult two = parse_scene_json(R"({"a": 1, "q": {"c": [1]}})", "s.json");
  ASSERT_EQ(two.warnings.size(), 1u);
  EXPECT_EQ(two.warnings[0], "s.json: 2 unknown fields ignored: \"a\", \"q\"");
}

TEST(SceneIoStream, LongClassNamesAreRefused) {
  const std::string ok(kMaxClassNameBytes, 'a'), long_name(kMaxClassNameBytes + 1, 'b');
  EXPECT_EQ(
      parse_scene_json(R"({"class_names": ["x", ")" + ok + R"(", "y"]})", "s").scene.class_names[1],
      ok);
  EXPECT_EQ(load_error(R"({"class_names": ["x", ")" + long_name + R"(", "y"]})"),
            "scene.json: class_names[1]: is 65 bytes long; the limit is 64 bytes");
}

TEST(SceneIoStream, LabelsReadBeforeWAreCheckedAgainstIt) {
  EXPECT_EQ(load_error(R"({"points": [{"x": 0, "y": 0, "label": 1}, {"x": 0, "y": 0, "label": 2}],
                           "W": [[1, 0], [0, 1]]})"),
            "scene.json: points[1].label: 2 is out of range [0, 1]");
  EXPECT_EQ(load_error(R"({"points": [{"x": [1], "y": 0, "label": 0}]})"),
            "scene.json: points[0].x: expected a number, got an array");
  EXPECT_EQ(load_error(R"({"points": [{"x": 0, "y": 0, "label": {}}]})"),
            "scene.json: points[0].label: expected an integer, got an object");
  EXPECT_EQ(load_error(R"({"W": [[1, 0], [0, 1]], "points": [{"x": 0, "y": 0, "label": 5}]})"),
            "scene.json: points[0].label: 5 is out of range [0, 1]");
}

// A million short points under `key` (e.g. "points"), then `tail`.
std::string million_points(const std::string& key, const std::string& tail) {
  const std::string point = R"({"x":0,"y":-1,"label":1},)";
  std::string text = "{\"" + key + "\": [";
  text.reserve(point.size() * kMaxPoints + 64 + tail.size());
  for (std::size_t i = 0; i < kMaxPoints; ++i) text += point;
  return text + tail;
}

TEST(SceneIoStream, OneMillionPointsAreTakenTheNextIsRefusedAtOnce) {
  // "p\u006fints" is "points" to the parser but not to the byte scan: this is the parser's own
  // check. A million points, then one that is not even a point, then text that is not JSON: the
  // refusal names the first point past the limit (so the million before it were taken) and comes
  // before that point or anything after it is read.
  const std::string over_tail = R"({"x": "not a number"} this is not JSON)";
  EXPECT_EQ(load_error(million_points("p\\u006fints", over_tail)),
            "scene.json: points[1000000]: too many points; the limit is 1000000");
  // With the plain key the byte scan refuses it first, with the same message.
  const std::string over = million_points("points", over_tail);
  EXPECT_TRUE(too_many_json_points(over));
  EXPECT_EQ(load_error(over), "scene.json: points[1000000]: too many points; the limit is 1000000");
  // Exactly a million: the scan lets it through (what follows is the parser's business).
  std::string exact = million_points("points", "");
  exact.back() = ']';
  EXPECT_FALSE(too_many_json_points(exact + "}"));
  EXPECT_FALSE(too_many_json_points(exact + ", \"W\": [{}, {}] this is not JSON"));
}

TEST(SceneIoStream, ProgressRisesToOneAndAThrowAbandonsTheLoad) {
  std::string text = million_points("points", "");
  text.back() = ']';
  text += "}";
  std::vector<double> seen;
  const LoadResult r = parse_scene_json(text, "big.json", [&](double f) { seen.push_back(f); });
  EXPECT_EQ(r.scene.points.size(), 1000000u);
  // About one report a MiB, rising, the last exactly 1.
  ASSERT_GE(seen.size(), text.size() >> 20);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_GT(seen.front(), 0.0);
  EXPECT_EQ(seen.back(), 1.0);
  // The caller's exception (a cancelled job) ends the parse where it is and passes through.
  struct Stop {};
  int calls = 0;
  EXPECT_THROW(parse_scene_json(text, "big.json",
                                [&](double f) {
                                  ++calls;
                                  if (f > 0.25) throw Stop{};
                                }),
               Stop);
  EXPECT_LT(calls, static_cast<int>(seen.size()) / 2);
  // Without a callback: the same scene.
  EXPECT_EQ(parse_scene_json(text, "big.json").scene, r.scene);
}

TEST(SceneIoStream, PointCountScanSeesOnlyTheTopLevelPointsArray) {
  const std::string pad(kMaxPoints * 25, ' ');  // long enough to be scanned
  std::string many_braces;
  for (std::size_t i = 0; i <= kMaxPoints; ++i) many_braces += "{}";
  // Braces in strings, under other keys, nested in points, or under a key in a point: not points.
  EXPECT_FALSE(too_many_json_points(R"({"a": ")" + many_braces + R"(", "points": []})" + pad));
  EXPECT_FALSE(too_many_json_points(R"({"a": [)" + many_braces.substr(0, 2) + "," +
                                    std::string(kMaxPoints * 3, '[') + "]," + R"("points": []})" +
                                    pad));
  std::string nested = R"({"points": [{"k": [)";
  for (std::size_t i = 0; i <= kMaxPoints; ++i) nested += "{},";
  EXPECT_FALSE(too_many_json_points(nested + "{}]}]}" + pad));
  EXPECT_FALSE(too_many_json_points(R"({"x": "\"points\": [", "q": [)" + many_braces.substr(0, 4) +
                                    "]}" + pad));
  // Escaped quotes inside a key do not end it early.
  std::string points = R"({"a\"": 1, "points": [)";
  for (std::size_t i = 0; i <= kMaxPoints; ++i) points += "{},";
  EXPECT_TRUE(too_many_json_points(points + "{}]}" + pad));
  EXPECT_FALSE(too_many_json_points(R"({"points": [{}, {}]})" + pad));  // short: counted exactly
}

TEST(SceneIoStream, OnlyRegularFilesAreOpened) {
  const fs::path dir =
      fs::temp_directory_path() / ("losslab_scene_fifo_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path fifo = dir / "scene.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto load = std::async(std::launch::async, [&]() -> std::string {
    try {
      load_scene(fifo);
    } catch (const LoadError& e) {
      return e.what();
    }
    return "loaded";
  });
  if (load.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    ADD_FAILURE() << "load_scene blocked on a FIFO";
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // lets it go
    if (fd >= 0) ::close(fd);
  }
  EXPECT_EQ(load.get(), fifo.string() + ": is not a regular file (a FIFO)");
  for (const fs::path& p : {dir, fs::path("/dev/null")}) {
    const fs::path csv = p == dir ? dir : p;
    try {
      load_scene(csv);
      ADD_FAILURE() << csv << " loaded";
    } catch (const LoadError& e) {
      EXPECT_EQ(std::string(e.what()), csv.string() + ": is not a regular file (" +
                                           (p == dir ? "a folder" : "a character device") + ")");
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ll
