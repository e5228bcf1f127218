// `losslab landscape` and `losslab share` end to end: the CSV's losses are core's total loss at
// the offsets exactly; bad parameters are one line with exit status 2; a setup text printed by
// `share` is accepted wherever a SCENE is, and bad text is refused with one line.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "core/landscape.h"
#include "core/losses.h"
#include "core/scene_io.h"
#include "tests/cli/run_command.h"

namespace ll {
namespace {

const std::string kScene = std::string(LOSSLAB_SOURCE_DIR) + "/assets/cs231n.json";

std::vector<std::vector<double>> parse_csv(const std::string& text, std::string& header) {
  std::istringstream in(text);
  std::getline(in, header);
  std::vector<std::vector<double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<double> row;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) row.push_back(std::strtod(cell.c_str(), nullptr));
    rows.push_back(row);
  }
  return rows;
}

TEST(LandscapeCli, CsvIsCoreLossAtTheOffsets) {
  const test::CommandResult r = test::run_losslab("landscape " + kScene +
                                                  " --x 'W[1][0]' --y 'b[2]' --grid 9 --range 1.5 "
                                                  "--loss softmax --out -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string header;
  const auto rows = parse_csv(r.out, header);
  EXPECT_EQ(header, "x,y,loss");
  ASSERT_EQ(rows.size(), 81u);
  Scene scene = load_scene(kScene).scene;
  scene.loss.kind = LossKind::Softmax;
  for (std::size_t n = 0; n < rows.size(); ++n) {
    ASSERT_EQ(rows[n].size(), 3u);
    const int i = static_cast<int>(n % 9), j = static_cast<int>(n / 9);
    EXPECT_EQ(rows[n][0], -1.5 + 3.0 * i / 8);
    EXPECT_EQ(rows[n][1], -1.5 + 3.0 * j / 8);
    Params p = scene.params;
    p.W(1, 0) += rows[n][0];
    p.b(2) += rows[n][1];
    EXPECT_EQ(rows[n][2], loss_gradient(scene.points, p, scene.loss).total_loss) << n;
  }
  // The centre row is the scene's own total loss (eval's total_loss).
  EXPECT_EQ(rows[40][2], loss_gradient(scene.points, scene.params, scene.loss).total_loss);
}

TEST(LandscapeCli, OneDAndRandomDirections) {
  test::CommandResult r =
      test::run_losslab("landscape " + kScene + " --1d --x 'b[0]' --grid 5 --out -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string header;
  auto rows = parse_csv(r.out, header);
  EXPECT_EQ(header, "x,loss");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0][0], -2.0);
  const test::CommandResult a =
      test::run_losslab("landscape " + kScene + " --random-directions --seed 7 --grid 5 --out -");
  const test::CommandResult b =
      test::run_losslab("landscape " + kScene + " --random-directions --seed 7 --grid 5 --out -");
  const test::CommandResult c =
      test::run_losslab("landscape " + kScene + " --random-directions --seed 8 --grid 5 --out -");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, c.out);
  rows = parse_csv(a.out, header);
  ASSERT_EQ(rows.size(), 25u);
  EXPECT_EQ(rows[0][0], -1.0);  // random directions: range 1 by default
}

TEST(LandscapeCli, BadArgumentsAreOneLine) {
  const std::pair<std::string, std::string> cases[] = {
      {"--x 'W[5][0]' --y 'W[0][1]'", "class 5 is out of range [0, 2]"},
      {"--x 'W[0][2]' --y 'W[0][1]'", "weight index 2"},
      {"--x bias --y 'W[0][1]'", "expected W[k][j]"},
      {"--x 'W[0][1]' --y 'W[0][1]'", "same parameter"},
      {"--x 'W[0][1]'", "give both --x and --y"},
      {"--random-directions --x 'b[0]'", "takes no --x"},
      {"--grid 1", "out of range"},
      {"--range 0", "out of range"},
  };
  for (const auto& [args, want] : cases) {
    const test::CommandResult r =
        test::run_losslab("landscape " + kScene + " " + args + " --out -");
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find(want), std::string::npos) << args << ": " << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
  const test::CommandResult r = test::run_losslab("landscape " + kScene + " --out x.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown output format"), std::string::npos) << r.err;
}

TEST(ShareCli, TextRoundTripsThroughEveryCommand) {
  const test::CommandResult s = test::run_losslab("share " + kScene);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  ASSERT_TRUE(s.out.starts_with("losslab:"));
  ASSERT_EQ(s.out.back(), '\n');
  const std::string text = s.out.substr(0, s.out.size() - 1);
  EXPECT_EQ(text.find_first_of(" \n'\""), std::string::npos);
  // eval of the text is eval of the file, byte for byte.
  const test::CommandResult e1 = test::run_losslab("eval " + kScene);
  const test::CommandResult e2 = test::run_losslab("eval '" + text + "'");
  ASSERT_EQ(e2.exit_code, 0) << e2.err;
  EXPECT_EQ(e1.out, e2.out);
  const test::CommandResult l = test::run_losslab("landscape '" + text + "' --grid 3 --out -");
  EXPECT_EQ(l.exit_code, 0) << l.err;
  // share of the text is the same text.
  const test::CommandResult again = test::run_losslab("share '" + text + "'");
  EXPECT_EQ(again.out, s.out);
}

TEST(ShareCli, BadTextIsOneLine) {
  for (const std::string& bad : {std::string("losslab:"), std::string("losslab:@@@@"),
                                 std::string("losslab:AAAA"), std::string("losslab:eNqrVg==")}) {
    const test::CommandResult r = test::run_losslab("eval '" + bad + "'");
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_TRUE(r.err.starts_with("losslab: setup text: ")) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  }
}

}  // namespace
}  // namespace ll
