#include "core/images/model_io.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/core/images/idx_files.h"

namespace ll::images {
namespace {

ModelFile example(bool centred) {
  ModelFile f;
  f.rows = 2;
  f.cols = 3;
  f.model = zero_model(3, 6);
  for (int k = 0; k < 3; ++k)
    for (int d = 0; d < 6; ++d) f.model.W(k, d) = 0.125 * (k + 1) * (d - 2.5) + 1e-17 * d;
  f.model.b << 0.5, -1.25, 3e-9;
  f.class_names = {"cat", "car", "frog"};
  if (centred) {
    f.mean.resize(6);
    f.mean << 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f;
  }
  f.settings = default_settings(LossKind::WestonWatkins);
  f.settings.loss.delta = 2.0;
  f.settings.optimizer.seed = 77;
  f.settings.init = Init::Zero;
  f.steps = 1234;
  return f;
}

std::string error_of(const std::string& text) {
  try {
    model_from_json(text);
  } catch (const ModelFileError& e) {
    return e.what();
  }
  return "";
}

TEST(ModelFile, RoundTripsEveryNumberExactly) {
  for (bool centred : {false, true}) {
    const ModelFile f = example(centred);
    const ModelFile g = model_from_json(model_to_json(f));
    EXPECT_TRUE(g.model == f.model);
    EXPECT_EQ(g.rows, 2);
    EXPECT_EQ(g.cols, 3);
    EXPECT_EQ(g.class_names, f.class_names);
    EXPECT_EQ(g.centered(), centred);
    if (centred) {
      EXPECT_EQ(g.mean, f.mean);
    }
    EXPECT_EQ(g.settings.loss, f.settings.loss);
    EXPECT_EQ(g.settings.optimizer.seed, 77u);
    EXPECT_EQ(g.settings.init, Init::Zero);
    EXPECT_EQ(g.steps, 1234);
  }
}

TEST(ModelFile, RecordsWhetherThePixelsWereCentred) {
  EXPECT_EQ(nlohmann::json::parse(model_to_json(example(true)))["center"], true);
  EXPECT_EQ(nlohmann::json::parse(model_to_json(example(false)))["center"], false);
  // "center" must agree with "mean".
  nlohmann::json j = nlohmann::json::parse(model_to_json(example(false)));
  j["center"] = true;
  EXPECT_NE(error_of(j.dump()).find("\"center\" is true but there is no \"mean\""),
            std::string::npos);
  j = nlohmann::json::parse(model_to_json(example(true)));
  j["center"] = false;
  EXPECT_NE(error_of(j.dump()).find("\"center\" is false"), std::string::npos);
  j["center"] = "yes";
  EXPECT_NE(error_of(j.dump()).find("true or false"), std::string::npos);
  // A file written before "center" existed: centred exactly when it has a mean.
  j.erase("center");
  EXPECT_TRUE(model_from_json(j.dump()).centered());
}

TEST(ModelFile, BadFilesNameWhatIsWrong) {
  const nlohmann::json good = nlohmann::json::parse(model_to_json(example(true)));
  auto with = [&](const std::string& key, const nlohmann::json& v) {
    nlohmann::json j = good;
    j[key] = v;
    return error_of(j.dump());
  };
  EXPECT_NE(error_of("not json").find("not JSON"), std::string::npos);
  EXPECT_NE(error_of("[1, 2]").find("expected a JSON object"), std::string::npos);
  EXPECT_NE(with("format", "other").find("\"format\""), std::string::npos);
  EXPECT_NE(with("version", 2).find("version 2"), std::string::npos);
  EXPECT_NE(with("W", nlohmann::json::array({{1, 2, 3, 4, 5, 6}})).find("2 to 10 rows"),
            std::string::npos);
  EXPECT_NE(with("W", {{1, 2, 3, 4, 5, 6}, {1, 2, 3}, {1, 2, 3, 4, 5, 6}}).find("W row 1"),
            std::string::npos);
  EXPECT_NE(with("b", {1, 2}).find("one number per row"), std::string::npos);
  EXPECT_NE(with("class_names", {"a", "b"}).find("one name per row"), std::string::npos);
  EXPECT_NE(with("mean", {0.5}).find("\"mean\" must have rows x cols = 6"), std::string::npos);
  EXPECT_NE(with("rows", 0).find("rows"), std::string::npos);
  EXPECT_NE(with("init", "huge").find("init"), std::string::npos);
  nlohmann::json j = good;
  j["W"][1][2] = "x";
  EXPECT_NE(error_of(j.dump()).find("must be a number"), std::string::npos);
  j = good;
  j.erase("b");
  EXPECT_NE(error_of(j.dump()).find("missing \"b\""), std::string::npos);
}

TEST(ModelFile, LoadNamesThePath) {
  const std::filesystem::path d = test::fresh_dir("model");
  std::ofstream(d / "m.json") << model_to_json(example(true));
  EXPECT_TRUE(load_model_file((d / "m.json").string()).centered());
  std::ofstream(d / "bad.json") << "{";
  try {
    load_model_file((d / "bad.json").string());
    ADD_FAILURE() << "no error";
  } catch (const ModelFileError& e) {
    EXPECT_EQ(std::string(e.what()).rfind((d / "bad.json").string() + ": not JSON", 0), 0u)
        << e.what();
  }
  EXPECT_THROW(load_model_file((d / "none.json").string()), ModelFileError);
  EXPECT_THROW(load_model_file(d.string()), ModelFileError);  // a folder
  std::filesystem::remove_all(d);
}

}  // namespace
}  // namespace ll::images
