#include "app/classifier/model/script.h"

#include <gtest/gtest.h>

#include "app/classifier/model/text_format.h"
#include "core/scene.h"

namespace ll::gui {
namespace {

TEST(Script, ParsesCommands) {
  const auto c = parse_script(
      "# drag\nmouse 0.5 -0.25\ndown\n\nup 2\nshift on\nkey ctrl+z\n"
      "step 3\nwait 4\nsave out.json\nmouse_px 10 20\n",
      "t");
  ASSERT_EQ(c.size(), 9u);
  EXPECT_EQ(c[0].kind, ScriptCommand::Kind::Mouse);
  EXPECT_DOUBLE_EQ(c[0].y, -0.25);
  EXPECT_EQ(c[1].kind, ScriptCommand::Kind::Down);
  EXPECT_EQ(c[1].n, 0);
  EXPECT_EQ(c[2].n, 2);
  EXPECT_EQ(c[3].n, 1);
  EXPECT_EQ(c[4].text, "ctrl+z");
  EXPECT_EQ(c[5].n, 3);
  EXPECT_EQ(c[7].text, "out.json");
  EXPECT_EQ(c[8].kind, ScriptCommand::Kind::MousePx);
}

TEST(Script, SleepAndEnter) {
  const auto c = parse_script("sleep 2.5\nkey enter\nsleep 0\nkey ctrl+s\n", "t");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[3].text, "ctrl+s");
  EXPECT_EQ(c[0].kind, ScriptCommand::Kind::Sleep);
  EXPECT_DOUBLE_EQ(c[0].x, 2.5);
  EXPECT_EQ(c[1].text, "enter");
  EXPECT_DOUBLE_EQ(c[2].x, 0.0);
  EXPECT_THROW(parse_script("sleep\n", "s"), ScriptError);
  EXPECT_THROW(parse_script("sleep -1\n", "s"), ScriptError);
  EXPECT_THROW(parse_script("sleep nan\n", "s"), ScriptError);
  EXPECT_THROW(parse_script("sleep 1e9\n", "s"), ScriptError);
}

TEST(Script, OpenAndSaveInBackground) {
  const auto c = parse_script("open a.json\nsave_in_background b.json\n", "t");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].kind, ScriptCommand::Kind::Open);
  EXPECT_EQ(c[0].text, "a.json");
  EXPECT_EQ(c[1].kind, ScriptCommand::Kind::SaveInBackground);
  EXPECT_EQ(c[1].text, "b.json");
  EXPECT_THROW(parse_script("open\n", "s"), ScriptError);
  EXPECT_THROW(parse_script("save_in_background\n", "s"), ScriptError);
}

TEST(Script, ErrorsNameTheLine) {
  try {
    parse_script("wait 1\nmouse 1\n", "s.txt");
    FAIL() << "no error";
  } catch (const ScriptError& e) {
    EXPECT_NE(std::string(e.what()).find("s.txt:2"), std::string::npos);
  }
  EXPECT_THROW(parse_script("fly 1 2\n", "s"), ScriptError);
  EXPECT_THROW(parse_script("key hyper\n", "s"), ScriptError);
  EXPECT_THROW(parse_script("down 7\n", "s"), ScriptError);
}

TEST(TextFormat, SlidesStyleNumbers) {
  EXPECT_EQ(num(2.9), "2.90");
  EXPECT_EQ(num(-1.7), "−1.70");
  EXPECT_EQ(num(-0.001), "0.00");  // no negative zero
  EXPECT_EQ(num_paren(-0.5), "(−0.50)");
  EXPECT_EQ(num_paren(0.5), "0.50");
  EXPECT_EQ(num(-3.4871e15, 4), "−3.487e+15");  // bounded width for diverging values
}

}  // namespace
}  // namespace ll::gui

namespace ll::gui {
namespace {

TEST(TextFormat, ClassesAreNamedAsTheSceneNamesThem) {
  Scene s = default_scene();
  EXPECT_EQ(class_name(s, 1), "1");
  EXPECT_EQ(class_label(s, 1), "1");
  s.class_names = {"cat", "", "frog"};
  EXPECT_EQ(class_name(s, 0), "cat");
  EXPECT_EQ(class_label(s, 2), "2 (frog)");
  EXPECT_EQ(class_label(s, 1), "1");  // an empty name is no name
  EXPECT_EQ(class_name(s, 7), "7");   // beyond the names
}

}  // namespace
}  // namespace ll::gui
