#include "core/datasets.h"

#include <gtest/gtest.h>

#include <set>

namespace ll {
namespace {

void expect_valid(const Scene& s) {
  ASSERT_GE(s.classes(), kMinClasses);
  ASSERT_LE(s.classes(), kMaxClasses);
  EXPECT_EQ(s.params.b.size(), s.classes());
  std::set<int> labels;
  for (const Point& p : s.points) {
    EXPECT_GE(p.label, 0);
    EXPECT_LT(p.label, s.classes());
    EXPECT_TRUE(std::isfinite(p.x0) && std::isfinite(p.x1));
    labels.insert(p.label);
  }
  EXPECT_EQ(static_cast<int>(labels.size()), s.classes()) << "every class has points";
}

TEST(Datasets, EveryPresetIsValid) {
  for (const std::string& name : preset_names()) {
    Scene s;
    ASSERT_TRUE(make_preset(name, s)) << name;
    SCOPED_TRACE(name);
    expect_valid(s);
  }
  Scene unused;
  EXPECT_FALSE(make_preset("no-such-preset", unused));
}

TEST(Datasets, SameSeedSamePointsOtherSeedOtherPoints) {
  EXPECT_EQ(make_blobs({4, 5, 0.1, 7}), make_blobs({4, 5, 0.1, 7}));
  EXPECT_NE(make_blobs({4, 5, 0.1, 7}).points, make_blobs({4, 5, 0.1, 8}).points);
  EXPECT_EQ(make_spiral(3, 20, 1), make_spiral(3, 20, 1));
}

TEST(Datasets, SizesAndClasses) {
  const Scene b = make_blobs({5, 8, 0.1, 1});
  EXPECT_EQ(b.points.size(), 40u);
  EXPECT_EQ(b.classes(), 5);
  EXPECT_EQ(make_xor(10, 1).points.size(), 40u);
  EXPECT_EQ(make_xor(10, 1).classes(), 2);
  const Scene imb = make_imbalanced(1);
  int counts[3] = {};
  for (const Point& p : imb.points) ++counts[p.label];
  EXPECT_EQ(counts[0], 40);
  EXPECT_EQ(counts[1], 8);
  EXPECT_EQ(counts[2], 3);
}

TEST(Datasets, XorQuadrantsCarryTheirLabels) {
  for (const Point& p : make_xor(10, 3).points) {
    EXPECT_EQ(p.label, (p.x0 > 0) == (p.x1 > 0) ? 0 : 1);
  }
}

TEST(Datasets, RandomParamsAreInTheDemoRange) {
  const Params p = random_params(8, 5);
  EXPECT_GE(p.W.minCoeff(), -0.5);
  EXPECT_LT(p.W.maxCoeff(), 0.5);
  EXPECT_GE(p.b.minCoeff(), -0.5);
  EXPECT_LT(p.b.maxCoeff(), 0.5);
  EXPECT_FALSE(random_params(8, 5) == random_params(8, 6));
}

}  // namespace
}  // namespace ll

#include "core/scene_io.h"

namespace ll {
namespace {

// assets/NAME.json is the preset NAME written by `losslab preset NAME`: the files cannot drift.
TEST(Datasets, AssetFilesEqualThePresets) {
  for (const std::string& name : preset_names()) {
    Scene expected;
    ASSERT_TRUE(make_preset(name, expected));
    const std::string path = std::string(LOSSLAB_SOURCE_DIR) + "/assets/" + name + ".json";
    EXPECT_EQ(load_scene(path).scene, expected) << path;
  }
}

}  // namespace
}  // namespace ll
