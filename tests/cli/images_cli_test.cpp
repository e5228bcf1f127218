// `losslab images train|scores|templates` end to end on generated IDX files: centred pixels by
// default (--no-center turns it off), the model file records it and scores use it; a missing
// data set is one line naming the package, exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli/run_command.h"
#include "tests/core/images/idx_files.h"

namespace ll {
namespace {

namespace fs = std::filesystem;

TEST(ImagesCli, CentresByDefaultAndRecordsItInTheModel) {
  const fs::path dir = test::fresh_dir("images-cli");
  test::write_dataset(dir, test::banded_images(200, 3, 10), test::banded_images(30, 3, 10));
  const std::string data = " --data " + dir.string();
  test::CommandResult r = test::run_losslab("images train --epochs 10 --batch 20" + data +
                                            " --out " + (dir / "m.json").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["settings"]["center"], true);
  EXPECT_DOUBLE_EQ(j["test_accuracy"].get<double>(), 1.0);
  const nlohmann::json model = nlohmann::json::parse(test::read_all((dir / "m.json").string()));
  EXPECT_EQ(model["center"], true);
  EXPECT_EQ(model["mean"].size(), 30u);
  // The model's scores of test image 7 (class 7) pick class 7 on the raw file's pixels.
  r = test::run_losslab("images scores " + (dir / "m.json").string() + " --index 7" + data);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["label"], 7);
  EXPECT_EQ(j["prediction"], 7);
  // --no-center: no mean; --center still accepted.
  r = test::run_losslab("images train --steps 5 --no-center" + data + " --out " +
                        (dir / "raw.json").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["settings"]["center"], false);
  const nlohmann::json raw = nlohmann::json::parse(test::read_all((dir / "raw.json").string()));
  EXPECT_EQ(raw["center"], false);
  EXPECT_FALSE(raw.contains("mean"));
  r = test::run_losslab("images train --steps 5 --center" + data);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["settings"]["center"], true);
  fs::remove_all(dir);
}

TEST(ImagesCli, AMissingDataSetNamesThePackageAndExits2) {
  const test::CommandResult r = test::run_losslab("images train --data /nonexistent/fmnist");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("apt install dataset-fashion-mnist"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace ll
