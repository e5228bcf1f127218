#include "core/images/idx.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "tests/core/images/idx_files.h"

namespace ll::images {
namespace {

namespace fs = std::filesystem;
using test::Bytes;

class IdxFiles : public ::testing::Test {
 protected:
  void SetUp() override { dir = test::fresh_dir("idx"); }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;

  // The IdxError message of reading `bytes` (gzipped unless `plain`) as an image file; "" when
  // it reads.
  std::string image_error(const Bytes& bytes, bool plain = false) {
    const fs::path p = dir / "images.gz";
    plain ? test::write_plain(p, bytes) : test::write_gz(p, bytes);
    try {
      read_idx_images(p.string());
    } catch (const IdxError& e) {
      return e.what();
    }
    return "";
  }
  std::string label_error(const Bytes& bytes) {
    const fs::path p = dir / "labels.gz";
    test::write_gz(p, bytes);
    try {
      read_idx_labels(p.string());
    } catch (const IdxError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(IdxFiles, ReadsTheHeaderAndEveryPixelOfAGeneratedFile) {
  const test::ImageFiles f = test::banded_images(7, 3, 5);
  const fs::path p = dir / "images.gz";
  test::write_gz(p, test::idx_images_bytes(f.count, f.rows, f.cols, f.pixels));
  const IdxImages im = read_idx_images(p.string());
  EXPECT_EQ(im.count, 7u);
  EXPECT_EQ(im.rows, 3u);
  EXPECT_EQ(im.cols, 5u);
  EXPECT_EQ(im.pixels, f.pixels);
}

TEST_F(IdxFiles, MaxCountKeepsTheFirstImagesAndStillChecksTheRest) {
  const test::ImageFiles f = test::banded_images(9, 2, 4);
  const fs::path p = dir / "images.gz";
  test::write_gz(p, test::idx_images_bytes(f.count, f.rows, f.cols, f.pixels));
  const IdxImages im = read_idx_images(p.string(), 4);
  EXPECT_EQ(im.count, 4u);
  EXPECT_EQ(im.pixels, Bytes(f.pixels.begin(), f.pixels.begin() + 4 * 8));
  // The same file one byte short fails even when only the first image is kept.
  Bytes cut = test::idx_images_bytes(f.count, f.rows, f.cols, f.pixels);
  cut.pop_back();
  test::write_gz(p, cut);
  EXPECT_THROW(read_idx_images(p.string(), 1), IdxError);
}

TEST_F(IdxFiles, ReadsLabels) {
  const Bytes labels = {3, 0, 9, 9, 1};
  const fs::path p = dir / "labels.gz";
  test::write_gz(p, test::idx_labels_bytes(labels));
  EXPECT_EQ(read_idx_labels(p.string()), (std::vector<std::uint8_t>{3, 0, 9, 9, 1}));
  EXPECT_EQ(read_idx_labels(p.string(), 2), (std::vector<std::uint8_t>{3, 0}));
}

TEST_F(IdxFiles, AFileOfZeroImagesIsValid) {
  const fs::path p = dir / "images.gz";
  test::write_gz(p, test::idx_images_bytes(0, 28, 28, {}));
  const IdxImages im = read_idx_images(p.string());
  EXPECT_EQ(im.count, 0u);
  EXPECT_TRUE(im.pixels.empty());
}

TEST_F(IdxFiles, BadMagicNumbersNameWhatWasFound) {
  const Bytes px(6, 1);
  // The labels' magic in an image file: right type, wrong number of dimensions.
  std::string e = image_error(test::idx_images_bytes(1, 2, 3, px, kIdxLabelsMagic));
  EXPECT_NE(e.find("1 dimensions, expected 3"), std::string::npos) << e;
  // Not an IDX file of bytes at all (e.g. a float IDX file, type 0x0D).
  e = image_error(test::idx_images_bytes(1, 2, 3, px, 0x00000D03));
  EXPECT_NE(e.find("not an IDX file of unsigned bytes (magic 0x00000D03"), std::string::npos) << e;
  e = image_error(test::idx_images_bytes(1, 2, 3, px, 0x12340803));
  EXPECT_NE(e.find("magic 0x12340803"), std::string::npos) << e;
  e = label_error(test::idx_labels_bytes({1, 2}, kIdxImagesMagic));
  EXPECT_NE(e.find("3 dimensions, expected 1"), std::string::npos) << e;
}

TEST_F(IdxFiles, WrongSizesAreRefusedBeforeAnyAllocation) {
  std::string e = image_error(test::idx_images_bytes(1, 0, 3, {}));
  EXPECT_NE(e.find("images of 0 x 3 pixels"), std::string::npos) << e;
  e = image_error(test::idx_images_bytes(1, 3, kIdxMaxSide + 1, {}));
  EXPECT_NE(e.find("1025 pixels (1 to 1024 a side)"), std::string::npos) << e;
  e = image_error(test::idx_images_bytes(kIdxMaxItems + 1, 2, 2, {}));
  EXPECT_NE(e.find("announces 10000001 items"), std::string::npos) << e;
  // 10,000,000 images of 1024 x 1024 pixels: far over 2^31 bytes.
  e = image_error(test::idx_images_bytes(kIdxMaxItems, 1024, 1024, {}));
  EXPECT_NE(e.find("bytes of pixels (at most 2147483648)"), std::string::npos) << e;
  e = label_error(test::idx_labels_bytes({}, kIdxLabelsMagic, 0xFFFFFF00u));
  EXPECT_NE(e.find("items (at most 10000000)"), std::string::npos) << e;
}

TEST_F(IdxFiles, TruncatedFilesSayWhereTheyEnd) {
  const test::ImageFiles f = test::banded_images(4, 3, 3);
  const Bytes whole = test::idx_images_bytes(f.count, f.rows, f.cols, f.pixels);
  // Inside the header.
  std::string e = image_error(Bytes(whole.begin(), whole.begin() + 10));
  EXPECT_NE(e.find("truncated: the file ends inside the header"), std::string::npos) << e;
  // Inside the pixels (the header announces 4 images, 3.5 are there).
  e = image_error(Bytes(whole.begin(), whole.end() - 5));
  EXPECT_NE(e.find("truncated: the file ends inside the pixels"), std::string::npos) << e;
  // Labels: 5 announced, 3 there.
  Bytes lab = test::idx_labels_bytes({1, 2, 3}, kIdxLabelsMagic, 5);
  e = label_error(lab);
  EXPECT_NE(e.find("truncated: the file ends inside the labels"), std::string::npos) << e;
  // A header only, magic and nothing else.
  e = image_error(Bytes(whole.begin(), whole.begin() + 4));
  EXPECT_NE(e.find("inside the header"), std::string::npos) << e;
}

TEST_F(IdxFiles, TrailingDataIsAnError) {
  Bytes b = test::idx_images_bytes(1, 2, 2, {1, 2, 3, 4});
  b.push_back(0);
  const std::string e = image_error(b);
  EXPECT_NE(e.find("trailing data"), std::string::npos) << e;
  EXPECT_NE(label_error(test::idx_labels_bytes({1, 2}, kIdxLabelsMagic, 1)).find("trailing data"),
            std::string::npos);
}

TEST_F(IdxFiles, APlainFileIsNotGzip) {
  const std::string e = image_error(test::idx_images_bytes(1, 2, 2, {1, 2, 3, 4}), true);
  EXPECT_NE(e.find("not a gzip file"), std::string::npos) << e;
  EXPECT_NE(e.find("images.gz"), std::string::npos) << e;  // the message names the file
}

TEST_F(IdxFiles, EmptyFilesAreRefused) {
  std::string e = image_error({}, true);  // zero bytes
  EXPECT_NE(e.find("empty file"), std::string::npos) << e;
  e = image_error({});  // a valid gzip stream of zero bytes
  EXPECT_NE(e.find("truncated: the file ends inside the header"), std::string::npos) << e;
}

TEST_F(IdxFiles, ACutOrCorruptGzipStreamIsRefused) {
  const test::ImageFiles f = test::banded_images(50, 10, 10);
  const fs::path p = dir / "images.gz";
  test::write_gz(p, test::idx_images_bytes(f.count, f.rows, f.cols, f.pixels));
  const Bytes gz = test::read_bytes(p);
  ASSERT_GT(gz.size(), 40u);
  // Cut in the middle of the compressed data.
  test::write_plain(p, Bytes(gz.begin(), gz.begin() + static_cast<long>(gz.size() / 2)));
  EXPECT_THROW(read_idx_images(p.string()), IdxError);
  // The gzip trailer's CRC changed: zlib notices at the end of the data.
  Bytes bad = gz;
  bad[bad.size() - 6] ^= 0xFF;
  test::write_plain(p, bad);
  try {
    read_idx_images(p.string());
    ADD_FAILURE() << "a wrong CRC was accepted";
  } catch (const IdxError& e) {
    EXPECT_NE(std::string(e.what()).find("corrupt gzip data"), std::string::npos) << e.what();
  }
}

TEST_F(IdxFiles, MissingFilesFoldersAndFifosFailWithoutBlocking) {
  auto error = [](const fs::path& p) {
    try {
      read_idx_images(p.string());
    } catch (const IdxError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error(dir / "nothing.gz").find("no such file"), std::string::npos);
  EXPECT_NE(error(dir).find("is a folder"), std::string::npos);
  const fs::path fifo = dir / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(error(fifo).find("not a regular file"), std::string::npos);
}

// --- load_fashion_mnist on a generated folder --------------------------------------------

TEST_F(IdxFiles, LoadsAFolderScaledToUnitRange) {
  const test::ImageFiles train = test::banded_images(30, 4, 10),
                         tst = test::banded_images(12, 4, 10);
  test::write_dataset(dir, train, tst);
  LoadOptions o;
  o.center = false;
  const Dataset d = load_fashion_mnist(dir.string(), o);
  ASSERT_EQ(d.train.size(), 30u);
  ASSERT_EQ(d.test.size(), 12u);
  EXPECT_FALSE(d.centered());
  EXPECT_EQ(d.train.rows, 4);
  EXPECT_EQ(d.train.cols, 10);
  EXPECT_EQ(d.train.classes, 10);
  EXPECT_EQ(d.train.class_names[9], "Ankle boot");
  for (std::size_t i = 0; i < 30; ++i) EXPECT_EQ(d.train.labels[i], static_cast<int>(i % 10));
  for (Eigen::Index i = 0; i < 30; ++i)
    for (Eigen::Index j = 0; j < 40; ++j)
      ASSERT_FLOAT_EQ(
          d.train.X(i, j),
          static_cast<float>(train.pixels[static_cast<std::size_t>(i * 40 + j)] / 255.0));
}

TEST_F(IdxFiles, CentringIsTheDefaultAndSubtractsTheTrainingMeanFromBothSets) {
  const test::ImageFiles train = test::banded_images(20, 2, 10),
                         tst = test::banded_images(5, 2, 10);
  test::write_dataset(dir, train, tst);
  EXPECT_TRUE(LoadOptions{}.center);
  const Dataset d = load_fashion_mnist(dir.string());
  ASSERT_TRUE(d.centered());
  ASSERT_EQ(d.mean.size(), 20);
  for (Eigen::Index j = 0; j < 20; ++j) {
    double sum = 0.0;
    for (std::size_t i = 0; i < 20; ++i) sum += train.pixels[i * 20 + static_cast<std::size_t>(j)];
    const double mean = sum / 20.0 / 255.0;
    EXPECT_NEAR(d.mean(j), mean, 1e-6);
    EXPECT_NEAR(d.train.X.col(j).cast<double>().mean(), 0.0, 1e-6);
    EXPECT_NEAR(d.test.X(3, j), tst.pixels[3 * 20 + static_cast<std::size_t>(j)] / 255.0 - mean,
                1e-6);
  }
}

TEST_F(IdxFiles, LimitsAndTestOnly) {
  test::write_dataset(dir, test::banded_images(30, 2, 10), test::banded_images(12, 2, 10));
  LoadOptions o;
  o.train_limit = 7;
  o.test_limit = 3;
  Dataset d = load_fashion_mnist(dir.string(), o);
  EXPECT_EQ(d.train.size(), 7u);
  EXPECT_EQ(d.test.size(), 3u);
  o.skip_train = true;
  d = load_fashion_mnist(dir.string(), o);
  EXPECT_EQ(d.train.size(), 0u);
  EXPECT_EQ(d.test.size(), 3u);
  EXPECT_FALSE(d.centered());
}

TEST_F(IdxFiles, AMissingFolderOrFileNamesThePackage) {
  try {
    load_fashion_mnist((dir / "nowhere").string());
    ADD_FAILURE() << "no error";
  } catch (const MissingDataError& e) {
    EXPECT_EQ(std::string(e.what()),
              missing_data_message((dir / "nowhere").string(), "the folder"));
    EXPECT_NE(std::string(e.what()).find("apt install dataset-fashion-mnist"), std::string::npos);
  }
  test::write_dataset(dir, test::banded_images(3, 2, 10), test::banded_images(3, 2, 10));
  fs::remove(dir / kTestLabelsFile);
  try {
    load_fashion_mnist(dir.string());
    ADD_FAILURE() << "no error";
  } catch (const MissingDataError& e) {
    EXPECT_NE(std::string(e.what()).find(kTestLabelsFile), std::string::npos) << e.what();
  }
}

TEST_F(IdxFiles, InconsistentFilesAreIdxErrors) {
  auto error = [&] {
    try {
      load_fashion_mnist(dir.string());
    } catch (const MissingDataError&) {
      return std::string("missing?");
    } catch (const IdxError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  // Different counts of images and labels.
  test::ImageFiles train = test::banded_images(6, 2, 10);
  train.labels.pop_back();
  test::write_dataset(dir, train, test::banded_images(3, 2, 10));
  EXPECT_NE(error().find("has 6 images but"), std::string::npos) << error();
  // A label past the ten classes.
  train = test::banded_images(6, 2, 10);
  train.labels[4] = 10;
  test::write_dataset(dir, train, test::banded_images(3, 2, 10));
  EXPECT_NE(error().find("label 10 of item 4"), std::string::npos) << error();
  // Training and test images of different sizes.
  test::write_dataset(dir, test::banded_images(6, 2, 10), test::banded_images(3, 3, 10));
  EXPECT_NE(error().find("images of 3 x 10 pixels, but the training images are 2 x 10"),
            std::string::npos)
      << error();
  // No training images.
  test::write_dataset(dir, test::banded_images(0, 2, 10), test::banded_images(3, 2, 10));
  EXPECT_NE(error().find("no images"), std::string::npos) << error();
}

TEST(IdxInstalled, TheInstalledDataSetHasItsKnownShape) {
  if (!fs::is_directory(kFashionMnistDir)) GTEST_SKIP() << "dataset-fashion-mnist not installed";
  LoadOptions o;
  o.skip_train = true;
  const Dataset d = load_fashion_mnist(kFashionMnistDir, o);
  EXPECT_EQ(d.test.size(), 10000u);
  EXPECT_EQ(d.test.rows, 28);
  EXPECT_EQ(d.test.cols, 28);
  EXPECT_EQ(d.test.labels[0], 9);  // the first test image is an ankle boot
}

}  // namespace
}  // namespace ll::images
