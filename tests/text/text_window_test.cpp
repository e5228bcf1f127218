// The window typesets each formula once: with the loss panel, or the Worked tab of a point
// while training plays (its numbers change every step), no frame after the first ones runs
// Pango again. Counted by the window's benchmark line ("typeset N (M after warm-up)").
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace {

struct TypesetCount {
  long total = -1, after_warmup = -1, steps = -1;
};

TypesetCount text_window_run(const std::string& args) {
  const std::filesystem::path state =
      std::filesystem::temp_directory_path() / ("losslab_textwin_" + std::to_string(::getpid()));
  const std::string cmd =
      "LOSSLAB_STATE_DIR=" + state.string() +
      " xvfb-run -a -s '-screen 0 1280x800x24' " LOSSLAB_BIN " --size 1280 720 " + args + " 2>&1";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  std::filesystem::remove_all(state);
  TypesetCount c;
  std::smatch m;
  if (std::regex_search(out, m, std::regex(R"(typeset (\d+) \((\d+) after warm-up\))"))) {
    c.total = std::stol(m[1]);
    c.after_warmup = std::stol(m[2]);
  }
  if (std::regex_search(out, m, std::regex(R"(steps (\d+))"))) c.steps = std::stol(m[1]);
  EXPECT_GE(c.total, 0) << cmd << "\n" << out;
  return c;
}

TEST(TextWindow, TheLossPanelTypesetsOnceWhileTraining) {
  const TypesetCount c = text_window_run("--bench-frames 40 --play --rate 60");
  // The loss formula, the total loss and the regularizer at least.
  EXPECT_GE(c.total, 3);
  EXPECT_EQ(c.after_warmup, 0);
  EXPECT_GT(c.steps, 5);  // training ran: the panel's numbers changed
}

TEST(TextWindow, TheWorkedTabTypesetsOnceWhileItsNumbersChange) {
  const std::filesystem::path script = std::filesystem::temp_directory_path() /
                                       ("losslab_textwin_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(script);
    // Select point 0 (0.5, 0.4), open the Worked tab (below the two rows of the training bar
    // at 1280 x 800), softmax, then play.
    out << "wait 2\nmouse 0.5 0.4\nwait 1\ndown\nwait 1\nup\nwait 1\n"
           "mouse_px 962 145\nwait 1\ndown\nwait 1\nup\nkey 4\nwait 1\nkey space\n";
  }
  const std::string args = "--rate 60 --script " + script.string() + " --bench-frames ";
  const TypesetCount shorter = text_window_run(args + "40");
  const TypesetCount longer = text_window_run(args + "100");
  std::filesystem::remove(script);
  // The Worked tab's pieces (score names, heads, table headers) besides the loss panel's.
  EXPECT_GE(shorter.total, 10);
  EXPECT_EQ(longer.total, shorter.total);  // 60 more frames, no Pango run
  EXPECT_GT(longer.steps, shorter.steps);
}

}  // namespace
