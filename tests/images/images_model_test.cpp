// The Images tab's model without a window (app/images/images_model.h): loading generated IDX
// files in a background job, the centring default and its switch, training to 100% on a
// separable generated set, the evaluation and the chosen images' score table.
#include "app/images/images_model.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/core/images/idx_files.h"

namespace ll::imagestab {
namespace {

namespace fs = std::filesystem;

// Polls until `done` (at most 60 s).
template <class F>
bool poll_until(ImagesModel& m, F done) {
  const auto t0 = std::chrono::steady_clock::now();
  while (!done()) {
    m.poll();
    if (std::chrono::steady_clock::now() - t0 > std::chrono::seconds(60)) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

class ImagesModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = test::fresh_dir("images-tab");
    test::write_dataset(dir, test::banded_images(300, 3, 10), test::banded_images(50, 3, 10));
  }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;
};

TEST_F(ImagesModelTest, LoadsCentredByDefaultInTheBackground) {
  ImagesModel m(dir.string());
  EXPECT_EQ(m.data_state(), DataState::NotLoaded);
  EXPECT_TRUE(m.centering());
  m.start_loading();
  ASSERT_TRUE(poll_until(m, [&] { return m.data_state() != DataState::Loading; }));
  ASSERT_EQ(m.data_state(), DataState::Ready) << m.data_message();
  EXPECT_EQ(m.data()->train.size(), 300u);
  EXPECT_TRUE(m.data()->centered());
  EXPECT_NEAR(m.data()->train.X.col(0).cast<double>().mean(), 0.0, 1e-6);
}

TEST_F(ImagesModelTest, SwitchingCentringOffReloadsTheRawPixels) {
  ImagesModel m(dir.string());
  m.start_loading();
  ASSERT_TRUE(poll_until(m, [&] { return m.data_state() == DataState::Ready; }));
  ASSERT_TRUE(m.set_centering(false));
  EXPECT_FALSE(m.centering());
  ASSERT_TRUE(poll_until(m, [&] { return m.data_state() == DataState::Ready; }));
  EXPECT_FALSE(m.data()->centered());
  // Image 0 (class 0): its first pixel is in its band, 200; its last (column 9) is
  // (0 * 7 + 29) % 40 = 29.
  EXPECT_FLOAT_EQ(m.data()->train.X(0, 0), static_cast<float>(200 / 255.0));
  EXPECT_FLOAT_EQ(m.data()->train.X(0, 29), static_cast<float>(29 / 255.0));
  EXPECT_GE(m.data()->train.X.minCoeff(), 0.0f);
}

TEST_F(ImagesModelTest, TrainsTo100PercentAndEvaluatesTheTestSet) {
  ImagesModel m(dir.string());
  m.start_loading();
  ASSERT_TRUE(poll_until(m, [&] { return m.data_state() == DataState::Ready; }));
  m.settings.optimizer.batch = 30;
  m.epochs = 20;
  m.start_training();
  EXPECT_TRUE(m.training());
  EXPECT_FALSE(m.set_centering(false));  // refused while training
  ASSERT_TRUE(poll_until(m, [&] { return !m.training() && m.evaluation() && !m.evaluating(); }));
  ASSERT_TRUE(m.snapshot().has_value());
  EXPECT_EQ(m.snapshot()->steps, 20 * (300 / 30));
  EXPECT_DOUBLE_EQ(m.snapshot()->evaluations.back().test_accuracy, 1.0);
  EXPECT_DOUBLE_EQ(m.evaluation()->accuracy, 1.0);
  EXPECT_EQ(m.evaluation()->confusion.sum(), 50);
  EXPECT_TRUE(m.mistakes().empty());
  // The chosen images' scores: the correct class has the highest score in each column.
  m.chosen = {0, 7, 49};
  const auto t = m.chosen_table();
  ASSERT_TRUE(t.has_value());
  ASSERT_EQ(t->scores.rows(), 10);
  ASSERT_EQ(t->scores.cols(), 3);
  EXPECT_EQ(t->labels, (std::vector<int>{0, 7, 9}));
  for (int j = 0; j < 3; ++j) {
    Eigen::Index best = 0;
    t->scores.col(j).maxCoeff(&best);
    EXPECT_EQ(best, t->labels[static_cast<std::size_t>(j)]);
  }
  EXPECT_TRUE(m.can_continue());
}

TEST_F(ImagesModelTest, AMissingDataSetNamesThePackage) {
  ImagesModel m((dir / "none").string());
  m.start_loading();
  ASSERT_TRUE(poll_until(m, [&] { return m.data_state() != DataState::Loading; }));
  EXPECT_EQ(m.data_state(), DataState::Missing);
  EXPECT_NE(m.data_message().find("dataset-fashion-mnist"), std::string::npos);
}

TEST_F(ImagesModelTest, ABrokenFileFailsWithItsName) {
  test::write_plain(dir / images::kTestImagesFile, {1, 2, 3});
  ImagesModel m(dir.string());
  m.start_loading();
  ASSERT_TRUE(poll_until(m, [&] { return m.data_state() != DataState::Loading; }));
  EXPECT_EQ(m.data_state(), DataState::Failed);
  EXPECT_NE(m.data_message().find(images::kTestImagesFile), std::string::npos) << m.data_message();
}

}  // namespace
}  // namespace ll::imagestab
