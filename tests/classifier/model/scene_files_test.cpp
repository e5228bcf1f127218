// Background Open / Save of the window's scene file (issue 9): the result is applied on the UI
// thread by poll(); a save writes the revision it copied and marks it saved; failures name the
// file and the cause in a banner; FIFOs and folders are refused at once (no reader blocks).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/classifier/model/app_state.h"
#include "app/classifier/model/scene_file.h"
#include "core/datasets.h"
#include "core/scene_io.h"

namespace ll::gui {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class SceneFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("losslab_scene_files_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // Polls like the window's frames do, until something happens (or 10 s).
  static FileEvent settle(AppState& st) {
    const auto end = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < end) {
      const FileEvent ev = st.files.poll(st);
      if (ev != FileEvent::None) return ev;
      std::this_thread::sleep_for(2ms);
    }
    return FileEvent::None;
  }
  fs::path dir_;
};

TEST_F(SceneFilesTest, OpenAppliesTheSceneOnPollAndMarksItSaved) {
  const Scene want = make_blobs({3, 40, 0.2, 7});
  const fs::path p = dir_ / "blobs.json";
  save_scene(want, p);
  AppState st;
  st.doc = Document(default_scene());
  st.doc.add_point(0.5, 0.5, 0);  // an unsaved edit  // unsaved edits before the open
  ASSERT_TRUE(st.modified());
  ASSERT_TRUE(st.files.open(st, p.string()));
  EXPECT_TRUE(st.files.busy());
  EXPECT_FALSE(st.files.open(st, p.string())) << "one job at a time";
  ASSERT_EQ(settle(st), FileEvent::Opened) << st.status;
  EXPECT_EQ(st.scene, want);
  EXPECT_EQ(st.loaded, want);
  EXPECT_EQ(st.document, p.string());
  EXPECT_FALSE(st.modified());
  EXPECT_FALSE(st.files.busy());
  // The worker's evaluation is the one shown, and it is the new scene's.
  st.refresh();
  const Evaluation e = evaluate(want.points, want.params, want.loss);
  EXPECT_EQ(st.eval().losses.size(), want.points.size());
  EXPECT_DOUBLE_EQ(st.eval().total_loss, e.total_loss);
  EXPECT_TRUE(st.eval().scores.isApprox(e.scores, 1e-15));
}

TEST(AppStateEval, AnAdoptedEvaluationIsUsedOnlyForItsRevision) {
  AppState st;
  Evaluation fake = evaluate(st.scene.points, st.scene.params, st.scene.loss);
  fake.total_loss = -1.0;  // marks the adopted one
  st.adopt_evaluation(fake);
  st.refresh();
  EXPECT_EQ(st.eval().total_loss, -1.0);
  st.adopt_evaluation(fake);
  st.doc.add_point(0.1, 0.1, 0);  // the scene changed after it was made: not used
  st.refresh();
  EXPECT_NE(st.eval().total_loss, -1.0);
  EXPECT_DOUBLE_EQ(st.eval().total_loss,
                   evaluate(st.scene.points, st.scene.params, st.scene.loss).total_loss);
}

TEST_F(SceneFilesTest, SaveWritesTheCopiedRevision) {
  AppState st;
  st.doc = Document(make_xor(4, 3));
  st.doc.add_point(0.5, 0.5, 0);  // an unsaved edit
  const std::uint64_t rev = st.revision();
  const fs::path p = dir_ / "out.json";
  ASSERT_TRUE(st.files.save(st, p.string()));
  const Scene copied = st.scene;
  st.doc.delete_point(0);  // edits while the worker writes do not reach the file...
  ASSERT_EQ(settle(st), FileEvent::Saved) << st.status;
  EXPECT_EQ(load_scene(p).scene, copied);
  EXPECT_EQ(st.document, p.string());
  EXPECT_TRUE(st.modified()) << "...and stay unsaved";
  EXPECT_GT(st.revision(), rev);
  st.mark_saved(st.revision());
  EXPECT_FALSE(st.modified());
  EXPECT_TRUE(st.banners.empty());
}

TEST_F(SceneFilesTest, FailuresNameTheFileAndTheCauseInABanner) {
  std::ofstream(dir_ / "file") << "x";
  AppState st;
  st.doc = Document(default_scene());
  st.doc.add_point(0.5, 0.5, 0);                                    // an unsaved edit
  const std::string bad = (dir_ / "file" / "scene.json").string();  // ENOTDIR
  ASSERT_TRUE(st.files.save(st, bad));
  ASSERT_EQ(settle(st), FileEvent::Failed);
  ASSERT_EQ(st.banners.items().size(), 1u);
  EXPECT_NE(st.banners.items()[0].title.find(bad), std::string::npos)
      << st.banners.items()[0].title;
  EXPECT_NE(st.banners.items()[0].message.find("Not a directory"), std::string::npos)
      << st.banners.items()[0].message;
  EXPECT_TRUE(st.modified());
  // The same failure again is counted, not stacked; dismissing removes it.
  ASSERT_TRUE(st.files.save(st, bad));
  ASSERT_EQ(settle(st), FileEvent::Failed);
  ASSERT_EQ(st.banners.items().size(), 1u);
  EXPECT_EQ(st.banners.items()[0].count, 2);
  st.banners.dismiss(0);
  EXPECT_TRUE(st.banners.empty());
  // A file the loader rejects: the scene stays, the banner names the file.
  std::ofstream(dir_ / "broken.json") << "{\"points\": [";
  const Scene before = st.scene;
  ASSERT_TRUE(st.files.open(st, (dir_ / "broken.json").string()));
  ASSERT_EQ(settle(st), FileEvent::Failed);
  EXPECT_EQ(st.scene, before);
  ASSERT_EQ(st.banners.items().size(), 1u);
  EXPECT_NE(st.banners.items()[0].title.find("broken.json"), std::string::npos);
}

TEST_F(SceneFilesTest, FifosAndFoldersAreRefusedAtOnce) {
  const fs::path fifo = dir_ / "pipe.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  AppState st;
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(st.files.open(st, fifo.string()));
  EXPECT_NE(st.status.find("not a regular file"), std::string::npos) << st.status;
  EXPECT_FALSE(st.files.open(st, dir_.string()));
  EXPECT_NE(st.status.find("folder"), std::string::npos) << st.status;
  EXPECT_FALSE(st.files.open(st, (dir_ / "missing.json").string()));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
  EXPECT_FALSE(st.files.busy());
}

TEST_F(SceneFilesTest, ACancelledOpenLeavesTheSceneAlone) {
  const fs::path p = dir_ / "big.json";
  save_scene(make_blobs({3, 1000, 0.2, 1}), p);
  AppState st;
  st.doc = Document(default_scene());
  ASSERT_TRUE(st.files.open(st, p.string()));
  st.files.cancel();
  EXPECT_FALSE(st.files.busy());
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(st.files.poll(st), FileEvent::None);
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(st.scene, default_scene());
}

}  // namespace
}  // namespace ll::gui
