// End-to-end: run `losslab curves`, parse the CSV it writes, check values and error handling.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<double>> rows;
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ',')) out.push_back(cell);
  return out;
}

// strtod, not stod (which throws on subnormal cells such as 6e-322); text beyond the largest
// double reads as inf, which the tests then catch. Unparsable text reads as NaN.
double to_double(const std::string& c) {
  char* end = nullptr;
  const double v = std::strtod(c.c_str(), &end);
  return end == c.c_str() + c.size() && !c.empty() ? v : std::nan("");
}

Csv read_csv(const fs::path& p) {
  std::ifstream in(p);
  Csv csv;
  std::string line;
  if (!std::getline(in, line)) return csv;
  csv.header = split(line);
  while (std::getline(in, line)) {
    std::vector<double> row;
    for (const std::string& c : split(line)) row.push_back(to_double(c));
    csv.rows.push_back(row);
  }
  return csv;
}

// Runs losslab with `args`, stderr into `err`; returns the exit status.
int run(const std::string& args, std::string* err = nullptr) {
  const fs::path log =
      fs::temp_directory_path() / ("losslab_curves_cli_err_" + std::to_string(::getpid()) + ".txt");
  const std::string cmd = std::string(LOSSLAB_BIN) + " " + args + " 2> " + log.string();
  const int status = std::system(cmd.c_str());
  if (err) {
    std::ifstream in(log);
    std::getline(in, *err, '\0');
  }
  fs::remove(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class CurvesCli : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("losslab_curves_" + std::to_string(::getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(CurvesCli, RegressionFamilyWithDelta) {
  const fs::path out = dir / "reg.csv";
  ASSERT_EQ(run("curves --family regression --delta 0.5 --samples 13 --out " + out.string()), 0);
  const Csv csv = read_csv(out);
  ASSERT_EQ(csv.header,
            (std::vector<std::string>{"r", "squared", "absolute", "huber", "log_cosh"}));
  ASSERT_EQ(csv.rows.size(), 13u);
  for (const auto& row : csv.rows) {
    ASSERT_EQ(row.size(), 5u);
    const double r = row[0], a = std::abs(r);
    EXPECT_NEAR(row[1], r * r, 1e-8);
    EXPECT_NEAR(row[2], a, 1e-9);
    EXPECT_NEAR(row[3], a <= 0.5 ? 0.5 * r * r : 0.5 * (a - 0.25), 1e-9);
  }
  EXPECT_DOUBLE_EQ(csv.rows.front()[0], -3.0);
  EXPECT_DOUBLE_EQ(csv.rows.back()[0], 3.0);
}

TEST_F(CurvesCli, CrossEntropyInBitsOnAChosenRange) {
  const fs::path out = dir / "ce.csv";
  ASSERT_EQ(run("curves --family crossentropy --bits --min 0.25 --max 0.75 --samples 3 --out " +
                out.string()),
            0);
  const Csv csv = read_csv(out);
  ASSERT_EQ(csv.rows.size(), 3u);
  EXPECT_EQ(csv.header[1], "cross_entropy");
  EXPECT_NEAR(csv.rows[0][1], 2.0, 1e-9);  // -log2 0.25
  EXPECT_NEAR(csv.rows[1][1], 1.0, 1e-9);  // -log2 0.5
}

TEST_F(CurvesCli, FocalAndMarginFamilies) {
  const fs::path f = dir / "focal.csv", m = dir / "margin.csv";
  ASSERT_EQ(run("curves --family focal --gamma 3 --alpha 0.25 --samples 5 --out " + f.string()), 0);
  const Csv focal = read_csv(f);
  EXPECT_EQ(focal.header.size(), 7u);
  EXPECT_EQ(focal.header.back(), "focal_gamma_3");
  const double p = focal.rows[2][0];
  EXPECT_NEAR(focal.rows[2].back(), -0.25 * std::pow(1 - p, 3) * std::log(p), 1e-9);
  ASSERT_EQ(run("curves --family margin --out " + m.string()), 0);
  const Csv margin = read_csv(m);
  EXPECT_EQ(margin.header[2], "hinge");
  EXPECT_GT(margin.rows.size(), 100u);
}

TEST_F(CurvesCli, BadOptionsExitTwoWithOneLine) {
  std::string err;
  const std::string out = " --out " + (dir / "x.csv").string();
  EXPECT_EQ(run("curves --family banana" + out, &err), 2);
  EXPECT_NE(err.find("family"), std::string::npos) << err;
  EXPECT_EQ(run("curves --family regression --delta -1" + out, &err), 2);
  EXPECT_EQ(run("curves --family crossentropy --min 0" + out, &err), 2);
  EXPECT_NE(err.find("(0, 1)"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_EQ(run("curves --family margin --samples 1" + out, &err), 2);
  EXPECT_EQ(run("curves --family margin --min nan" + out, &err), 2);
  EXPECT_EQ(run("curves --family margin --min -1e308 --max 1e308" + out, &err), 2);  // overflow
  EXPECT_NE(err.find("too far apart"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir / "x.csv"));
}

TEST_F(CurvesCli, ImageOutputGoesThroughTheExporter) {
  const fs::path png = dir / "margin.png";
  ASSERT_EQ(run("curves --family margin --out " + png.string()), 0);
  std::ifstream in(png, std::ios::binary);
  char sig[8] = {};
  in.read(sig, 8);
  EXPECT_EQ(std::string(sig + 1, 3), "PNG");
  std::string err;
  EXPECT_EQ(run("curves --family focal --derivatives --out " + (dir / "f.svg").string(), &err), 2);
  EXPECT_NE(err.find("--derivatives applies to .csv output only"), std::string::npos) << err;
  EXPECT_EQ(run("curves --family regression --delta 0 --out " + (dir / "f.svg").string(), &err), 2);
  EXPECT_NE(err.find("--delta"), std::string::npos) << err;
  EXPECT_EQ(run("curves --family focal --out " + (dir / "f.txt").string(), &err), 2);
  EXPECT_FALSE(fs::exists(dir / "f.svg"));
}

// The text of a PDF (pdftotext), or "" when it cannot be read.
std::string pdf_text(const fs::path& pdf) {
  const fs::path txt = fs::path(pdf).replace_extension(".txt");
  const std::string cmd = "pdftotext -layout " + pdf.string() + " " + txt.string() + " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return {};
  std::ifstream in(txt);
  std::string s;
  std::getline(in, s, '\0');
  return s;
}

// Regression: images of the curves refused --delta/--gamma/--alpha/--bits/--min/--max and drew
// a fixed figure of their own; now they draw core/lab's table with those options.
TEST_F(CurvesCli, ImageOutputHonoursTheSamplingOptions) {
  const fs::path reg = dir / "reg.pdf", focal = dir / "focal.pdf";
  std::string err;
  ASSERT_EQ(
      run("curves --family regression --delta 0.5 --min -8 --max 8 --out " + reg.string(), &err), 0)
      << err;
  const std::string r = pdf_text(reg);
  EXPECT_NE(r.find("\u03b4 = 0.5"), std::string::npos) << r;  // Huber's delta in the legend
  EXPECT_NE(r.find("\u22128"), std::string::npos) << r;       // x axis from -8 ...
  EXPECT_NE(r.find("8"), std::string::npos) << r;
  EXPECT_EQ(r.find("\u03b4 = 1"), std::string::npos) << r;
  ASSERT_EQ(run("curves --family focal --gamma 3.5 --alpha 0.25 --samples 50 --min 0.2 --max 0.9 "
                "--out " +
                    focal.string(),
                &err),
            0)
      << err;
  const std::string f = pdf_text(focal);
  EXPECT_NE(f.find("\u03b3 = 3.5 (chosen)"), std::string::npos) << f;
  EXPECT_NE(f.find("0.25"), std::string::npos) << f;  // alpha in the title
  ASSERT_EQ(run("curves --family crossentropy --bits --out " + (dir / "ce.png").string(), &err), 0)
      << err;
}

// Regression: `curves --family margin --min -800 --max 800` wrote inf cells (e^800). Every
// family now clips a range that reaches where a curve overflows, with a note on stderr, or
// refuses it when nothing finite is left; no cell is ever inf or NaN.
TEST_F(CurvesCli, NoFamilyEverWritesInf) {
  struct Case {
    std::string args, clipped_curve;
  };
  const Case cases[] = {
      {"--family margin --min -800 --max 800", "exponential"},
      {"--family regression --min -1e200 --max 1e200 --derivatives", "squared"},
      {"--family crossentropy --min 1e-320 --max 0.5 --derivatives", "d_cross_entropy"},
      {"--family focal --alpha 1e308", "focal_gamma_0"},
  };
  for (const Case& c : cases) {
    const fs::path out = dir / "c.csv";
    std::string err;
    ASSERT_EQ(run("curves " + c.args + " --samples 51 --out " + out.string(), &err), 0)
        << c.args << "\n"
        << err;
    EXPECT_NE(err.find("note: curves: clipped --"), std::string::npos) << err;
    EXPECT_NE(err.find("(" + c.clipped_curve + " overflows beyond)"), std::string::npos)
        << c.args << "\n"
        << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    std::ifstream in(out);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.find("inf"), std::string::npos) << c.args;
    EXPECT_EQ(text.find("nan"), std::string::npos) << c.args;
    const Csv csv = read_csv(out);  // text beyond the largest double reads as inf
    ASSERT_EQ(csv.rows.size(), 51u) << c.args;
    for (const auto& row : csv.rows)
      for (double v : row) EXPECT_TRUE(std::isfinite(v)) << c.args;
  }
  const Csv margin = [&] {
    run("curves --family margin --min -800 --max 800 --samples 3 --out " +
        (dir / "m.csv").string());
    return read_csv(dir / "m.csv");
  }();
  EXPECT_NEAR(margin.rows.front()[0], -709.78, 0.01);
  EXPECT_EQ(margin.rows.back()[0], 800.0);
  std::string err;
  // Nothing finite at all: refused, nothing written.
  EXPECT_EQ(run("curves --family focal --alpha 1.7e308 --min 0.01 --max 0.3 --out " +
                    (dir / "none.csv").string(),
                &err),
            2);
  EXPECT_NE(err.find("gives finite values"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_FALSE(fs::exists(dir / "none.csv"));
}

// Issue 11: the default range follows Huber's delta, so its kinks and linear parts show.
TEST_F(CurvesCli, RegressionRangeFollowsDelta) {
  const fs::path out = dir / "reg10.csv";
  ASSERT_EQ(run("curves --family regression --delta 10 --samples 61 --out " + out.string()), 0);
  const Csv csv = read_csv(out);
  ASSERT_EQ(csv.rows.size(), 61u);
  EXPECT_LT(csv.rows.front()[0], -10.0);  // beyond -delta ...
  EXPECT_GT(csv.rows.back()[0], 10.0);    // ... and +delta
  EXPECT_EQ(csv.rows.back()[0], 30.0);
  // Past the kink Huber is linear: delta (|r| - delta / 2).
  EXPECT_NEAR(csv.rows.back()[3], 10.0 * (30.0 - 5.0), 1e-9);
}

// Issue 13: a sigmoid output against targets 0 and 1, with the lecture's numbers.
TEST_F(CurvesCli, ProbabilityFamilyWithDerivatives) {
  const fs::path out = dir / "prob.csv";
  std::string err;
  ASSERT_EQ(run("curves --family probability --derivatives --min 0.1 --max 0.9 --samples 5 --out " +
                    out.string(),
                &err),
            0)
      << err;
  const Csv csv = read_csv(out);
  ASSERT_EQ(csv.header,
            (std::vector<std::string>{"y_hat", "se_y0", "d_se_y0", "dlogit_se_y0", "bce_y0",
                                      "d_bce_y0", "dlogit_bce_y0", "se_y1", "d_se_y1",
                                      "dlogit_se_y1", "bce_y1", "d_bce_y1", "dlogit_bce_y1"}));
  ASSERT_EQ(csv.rows.size(), 5u);
  const auto& last = csv.rows.back();  // y_hat = 0.9, target 0: the lecture's example
  EXPECT_EQ(last[0], 0.9);
  EXPECT_NEAR(last[1], 0.81, 1e-9);
  EXPECT_NEAR(last[2], 1.8, 1e-9);
  EXPECT_NEAR(last[3], 0.162, 1e-9);
  EXPECT_NEAR(last[4], 2.30, 0.005);
  EXPECT_NEAR(last[5], 10.0, 1e-8);
  EXPECT_NEAR(last[6], 0.9, 1e-9);
  for (const auto& row : csv.rows) {
    const double y = row[0];
    EXPECT_NEAR(row[7], (1 - y) * (1 - y), 1e-9);  // se_y1
    EXPECT_NEAR(row[10], -std::log(y), 1e-9);      // bce_y1
    EXPECT_NEAR(row[12], y - 1.0, 1e-9);           // dlogit_bce_y1
  }
  ASSERT_EQ(run("curves --family probability --samples 3 --out " + out.string()), 0);
  EXPECT_EQ(read_csv(out).header.size(), 5u);  // no derivatives: the four curves
  EXPECT_EQ(run("curves --family probability --out " + (dir / "p.png").string(), &err), 2);
  EXPECT_NE(err.find(".csv only"), std::string::npos) << err;
  EXPECT_EQ(
      run("curves --family probability --max 1" + std::string(" --out ") + out.string(), &err), 2);
  EXPECT_NE(err.find("(0, 1)"), std::string::npos) << err;
}

TEST_F(CurvesCli, MarginFamilyHasTheSquareLossAndAHingeMargin) {
  const fs::path out = dir / "m.csv";
  ASSERT_EQ(run("curves --family margin --margin 2 --samples 9 --out " + out.string()), 0);
  const Csv csv = read_csv(out);
  ASSERT_EQ(csv.header.back(), "square");
  EXPECT_EQ(csv.rows.back()[0], 4.0);  // the range reaches margin + 2
  for (const auto& row : csv.rows) {
    EXPECT_NEAR(row[2], std::max(0.0, 2.0 - row[0]), 1e-9);      // hinge with margin 2
    EXPECT_NEAR(row.back(), (1 - row[0]) * (1 - row[0]), 1e-9);  // (1 - m)^2
  }
  std::string err;
  EXPECT_EQ(run("curves --family margin --margin -1 --out " + out.string(), &err), 2);
  EXPECT_NE(err.find("--margin"), std::string::npos) << err;
}

}  // namespace
