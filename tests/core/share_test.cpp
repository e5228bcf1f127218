// Setup texts: scene -> text -> scene is the same scene; every kind of bad text is one line.
#include "core/share.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "core/scene_io.h"
#include "test_util.h"

namespace ll {
namespace {

std::string pack(const std::string& payload, int level = 9) {
  uLongf n = compressBound(static_cast<uLong>(payload.size()));
  std::string out(n, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &n,
            reinterpret_cast<const Bytef*>(payload.data()), static_cast<uLong>(payload.size()),
            level);
  out.resize(n);
  return "losslab:" + base64_encode(out);
}

void expect_rejected(const std::string& text, const std::string& part,
                     std::size_t limit = kMaxFileBytes) {
  try {
    decode_share(text, limit);
    ADD_FAILURE() << "accepted: " << text.substr(0, 60);
  } catch (const ShareError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(part), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    EXPECT_LT(m.size(), 300u) << m;
  }
}

TEST(Share, Base64RoundTripsAndRejects) {
  for (const std::string& s :
       std::vector<std::string>{"", "a", "ab", "abc", "abcd", std::string("\0\xff\x10", 3)}) {
    std::string back;
    ASSERT_TRUE(base64_decode(base64_encode(s), back));
    EXPECT_EQ(back, s);
  }
  EXPECT_EQ(base64_encode("Man"), "TWFu");
  EXPECT_EQ(base64_encode("Ma"), "TWE=");
  std::string out;
  EXPECT_FALSE(base64_decode("TWF", out));
  EXPECT_FALSE(base64_decode("TW=u", out));
  EXPECT_FALSE(base64_decode("TW!u", out));
  EXPECT_FALSE(base64_decode("TQ==TWFu", out));
}

TEST(Share, SceneRoundTripsExactly) {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    Scene s = test::random_scene(static_cast<int>(2 + seed), 50, seed);
    s.loss.kind = LossKind::Softmax;
    s.loss.lambda = 0.0123456789;
    s.optimizer.kind = OptimizerKind::Adam;
    s.class_names.assign(static_cast<std::size_t>(s.classes()), "class é");
    const std::string text = encode_share(s, R"({"regions":"confidence"})");
    EXPECT_TRUE(text.starts_with("losslab:"));
    EXPECT_EQ(text.find_first_of(" \n\t"), std::string::npos);
    const SharedSetup back = decode_share("  " + text + "\n");
    EXPECT_EQ(back.scene, s);
    EXPECT_EQ(back.view_json, R"({"regions":"confidence"})");
    EXPECT_TRUE(looks_like_share_text(text));
  }
  const SharedSetup d = decode_share(encode_share(default_scene()));
  EXPECT_EQ(d.scene, default_scene());
  EXPECT_EQ(d.view_json, "");
  EXPECT_FALSE(looks_like_share_text("scene.json"));
}

TEST(Share, EveryKindOfBadTextIsOneLine) {
  const std::string good = encode_share(default_scene());
  expect_rejected("scene:" + good.substr(8), "must start with \"losslab:\"");
  expect_rejected("losslab:", "nothing after");
  expect_rejected("losslab:abc", "bad base64");
  expect_rejected("losslab:ab!d", "bad base64");
  expect_rejected("losslab:" + base64_encode("not zlib at all"), "bad compressed data");
  expect_rejected(good.substr(0, good.size() - 8), "bad");  // cut short (base64 or zlib)
  std::string cut = good.substr(0, 8 + (good.size() - 8) / 2 / 4 * 4);
  expect_rejected(cut, "bad compressed data");
  expect_rejected(pack(R"({"W": [[1, 0], [0, 1]], "points": [{"x": 0, "y": 0, "label": 7}]})"),
                  "label");
  expect_rejected(pack(R"({"W": "x"})"), "setup text");
  expect_rejected(pack("{not json"), "setup text");
  expect_rejected(pack(scene_to_json(default_scene()) + std::string(1, '\0') + "[1]"),
                  "view is not a JSON object");
  // Over the size limits: a zip bomb stops at the limit inflated (4 MiB here, 256 MiB in use);
  // a huge text at once.
  expect_rejected(pack(std::string((4u << 20) + 10, ' ')), "over 4 MiB uncompressed", 4u << 20);
  expect_rejected("losslab:" + std::string(kMaxShareTextBytes + 4, 'A'), "too long");
}

}  // namespace
}  // namespace ll
