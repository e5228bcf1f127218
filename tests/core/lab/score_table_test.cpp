// The score-table lab's model against the lectures' numbers (shared/docs/lectures.md), with
// the expected values recomputed here from the formulas where possible.
#include "core/lab/score_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "core/lab/score_presets.h"
#include "core/losses.h"

namespace ll::lab {
namespace {

// Weston-Watkins loss of one column written out here (independent of the model).
double ww_by_hand(const Eigen::VectorXd& s, int y, double delta, bool squared) {
  double l = 0.0;
  for (Eigen::Index j = 0; j < s.size(); ++j) {
    if (j == y) continue;
    const double m = std::max(0.0, s(j) - s(y) + delta);
    l += squared ? m * m : m;
  }
  return l;
}

TEST(ScoreTable, CatCarFrogHingeLossesAreTheSlides) {
  const TableResult r = evaluate(cat_car_frog_table(), ScoreOptions{});
  ASSERT_EQ(r.columns.size(), 3u);
  EXPECT_NEAR(r.columns[0].ww, 2.9, 1e-12);
  EXPECT_EQ(r.columns[1].ww, 0.0);
  EXPECT_NEAR(r.columns[2].ww, 12.9, 1e-12);
  EXPECT_NEAR(r.totals.ww, 15.8 / 3.0, 1e-12);
  EXPECT_NEAR(r.totals.ww, 5.27, 0.005);  // the slide's rounding
  // The worked column: max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9 + 0.
  const ColumnResult& cat = r.columns[0];
  ASSERT_EQ(cat.ww_terms.size(), 2u);
  EXPECT_EQ(cat.ww_terms[0].j, 1);
  EXPECT_NEAR(cat.ww_terms[0].margin, 2.9, 1e-12);
  EXPECT_NEAR(cat.ww_terms[0].value, 2.9, 1e-12);
  EXPECT_EQ(cat.ww_terms[1].j, 2);
  EXPECT_NEAR(cat.ww_terms[1].margin, -3.9, 1e-12);
  EXPECT_EQ(cat.ww_terms[1].value, 0.0);
}

TEST(ScoreTable, SquaredHingeAndSum) {
  ScoreOptions o;
  o.squared = true;
  o.sum = true;
  const TableResult r = evaluate(cat_car_frog_table(), o);
  EXPECT_NEAR(r.columns[0].ww, 8.41, 1e-12);
  EXPECT_EQ(r.columns[1].ww, 0.0);
  EXPECT_NEAR(r.columns[2].ww, 83.25, 1e-12);
  EXPECT_NEAR(r.totals.ww, 8.41 + 83.25, 1e-12);
}

TEST(ScoreTable, TermsAddUpToCoresLossForEveryLoss) {
  const ScoreTable t = cifar10_table();
  for (bool squared : {false, true}) {
    for (double delta : {0.0, 1.0, 2.5}) {
      ScoreOptions o;
      o.squared = squared;
      o.delta = delta;
      const TableResult r = evaluate(t, o);
      for (int i = 0; i < t.examples(); ++i) {
        const ColumnResult& c = r.columns[static_cast<std::size_t>(i)];
        double ww = 0.0, ova = 0.0;
        for (const HingeTerm& h : c.ww_terms) ww += h.value;
        for (const HingeTerm& h : c.ova_terms) ova += h.value;
        EXPECT_EQ(ww, c.ww);
        EXPECT_EQ(ova, c.ova);
        EXPECT_EQ(c.structured_term.value, c.structured);
        EXPECT_NEAR(
            c.ww,
            ww_by_hand(t.scores.col(i), t.labels[static_cast<std::size_t>(i)], delta, squared),
            1e-12);
      }
    }
  }
}

TEST(ScoreTable, IncludingTheCorrectClassAddsDeltaToEveryLoss) {
  ScoreOptions o;
  o.include_correct = true;
  const TableResult r = evaluate(cat_car_frog_table(), o);
  EXPECT_NEAR(r.columns[0].ww, 3.9, 1e-12);
  EXPECT_NEAR(r.columns[1].ww, 1.0, 1e-12);
  EXPECT_NEAR(r.columns[2].ww, 13.9, 1e-12);
  EXPECT_EQ(r.columns[0].ww_terms.size(), 3u);
  EXPECT_NEAR(r.min.ww, 1.0, 1e-12);  // the j = y term never vanishes
  o.delta = 2.0;
  o.squared = true;
  const TableResult sq = evaluate(cat_car_frog_table(), o);
  EXPECT_NEAR(sq.columns[1].ww, 4.0, 1e-12);  // h(Delta) = Delta^2 for the car column
}

TEST(ScoreTable, OneVsAllAndStructuredByHand) {
  const TableResult r = evaluate(cat_car_frog_table(), ScoreOptions{});
  // Cat column (3.2, 5.1, -1.7), y = cat: OVA h(1 - 3.2) + h(1 + 5.1) + h(1 - 1.7) = 6.1;
  // structured: h(5.1 - 3.2 + 1) = 2.9 against car.
  EXPECT_NEAR(r.columns[0].ova, 6.1, 1e-12);
  EXPECT_EQ(r.columns[0].structured_term.j, 1);
  EXPECT_NEAR(r.columns[0].structured, 2.9, 1e-12);
  // Frog column (2.2, 2.5, -3.1), y = frog: OVA 3.2 + 3.5 + 4.1; structured h(2.5 + 3.1 + 1).
  EXPECT_NEAR(r.columns[2].ova, 10.8, 1e-12);
  EXPECT_NEAR(r.columns[2].structured, 6.6, 1e-12);
}

TEST(ScoreTable, SoftmaxColumnIsTheSlides) {
  const ScoreTable t = softmax_cat_column();
  const TableResult r = evaluate(t, ScoreOptions{});
  const ColumnResult& c = r.columns[0];
  const double e0 = std::exp(3.2), e1 = std::exp(5.1), e2 = std::exp(-1.7);
  const double sum = e0 + e1 + e2;
  EXPECT_NEAR(c.exps(0), e0, 1e-12);
  EXPECT_NEAR(c.exps(0), 24.5, 0.05);
  EXPECT_NEAR(c.exps(1), 164.0, 0.05);
  EXPECT_NEAR(c.exps(2), 0.18, 0.005);
  EXPECT_NEAR(c.exp_sum, sum, 1e-12);
  EXPECT_NEAR(c.probabilities(0), e0 / sum, 1e-12);
  EXPECT_NEAR(c.probabilities(1), e1 / sum, 1e-12);
  EXPECT_NEAR(c.probabilities(2), e2 / sum, 1e-12);
  EXPECT_NEAR(c.probabilities(0), 0.13, 0.005);
  EXPECT_NEAR(c.probabilities(1), 0.87, 0.005);
  EXPECT_NEAR(c.probabilities(2), 0.00, 0.005);
  EXPECT_NEAR(c.softmax, -std::log(e0 / sum), 1e-12);
  EXPECT_NEAR(c.softmax, 2.04, 0.005);
  ScoreOptions o;
  o.log = LogBase::Ten;
  EXPECT_NEAR(evaluate(t, o).columns[0].softmax, -std::log10(e0 / sum), 1e-12);
  EXPECT_NEAR(evaluate(t, o).columns[0].softmax, 0.89, 0.005);
  o.log = LogBase::Two;
  EXPECT_NEAR(evaluate(t, o).columns[0].softmax, -std::log2(e0 / sum), 1e-12);
}

TEST(ScoreTable, Cifar10TableOfTheLecture) {
  const ScoreTable t = cifar10_table();
  ASSERT_EQ(t.classes(), 10);
  ASSERT_EQ(t.examples(), 3);
  EXPECT_EQ(t.class_names[3], "cat");
  const TableResult r = evaluate(t, ScoreOptions{});
  // Worked by hand: cat image (s_cat = 2.9): deer 2.58 + dog 6.12 + frog 1.88 = 10.58; car image
  // (s_automobile = 6.04): bird 0.27; frog image (s_frog = -4.34): every other class
  // s_j + 5.34 > 0, adding to 71.91.
  EXPECT_NEAR(r.columns[0].ww, 10.58, 1e-12);
  EXPECT_NEAR(r.columns[1].ww, 0.27, 1e-12);
  EXPECT_NEAR(r.columns[2].ww, 71.91, 1e-12);
  EXPECT_NEAR(r.totals.ww, 82.76 / 3.0, 1e-12);
  for (int i = 0; i < 3; ++i) {
    const Eigen::VectorXd s = t.scores.col(i);
    const int y = t.labels[static_cast<std::size_t>(i)];
    const double lse = std::log(s.array().exp().sum());
    EXPECT_NEAR(r.columns[static_cast<std::size_t>(i)].softmax, lse - s(y), 1e-12);
  }
  EXPECT_EQ(r.columns[0].prediction, 5);  // dog outscores cat
  EXPECT_EQ(r.columns[1].prediction, 1);  // the car image is right
  // Ten classes at zero scores: C - 1 = 9 and ln 10 = 2.30.
  EXPECT_NEAR(r.at_zero.ww, 9.0, 1e-12);
  EXPECT_NEAR(r.at_zero.softmax, std::log(10.0), 1e-12);
  EXPECT_NEAR(r.at_zero.softmax, 2.3, 0.005);
}

TEST(ScoreTable, DoublingWKeepsAZeroLossZero) {
  ScoreOptions o;
  o.scale = 2.0;
  const TableResult r = evaluate(cat_car_frog_table(), o);
  EXPECT_EQ(r.columns[1].scores, Eigen::Vector3d(2.6, 9.8, 4.0));
  EXPECT_EQ(r.columns[1].ww, 0.0);
  // The other columns' losses change: 2 * (5.1 - 3.2) + 1 = 4.8 for the cat image.
  EXPECT_NEAR(r.columns[0].ww, 4.8, 1e-12);
  // And a small change of the car scores keeps it 0 too.
  ScoreTable t = cat_car_frog_table();
  t.scores(0, 1) += 0.5;
  EXPECT_EQ(evaluate(t, ScoreOptions{}).columns[1].ww, 0.0);
}

TEST(ScoreTable, ZeroAndSmallRandomScoresGiveCMinusOneAndLnC) {
  for (int K = 2; K <= kMaxTableClasses; ++K) {
    ScoreTable t;
    t.scores = Eigen::MatrixXd::Zero(K, 4);
    t.labels = {0, 1, K - 1, 0};
    const TableResult r = evaluate(t, ScoreOptions{});
    EXPECT_NEAR(r.totals.ww, K - 1.0, 1e-12) << K;
    EXPECT_NEAR(r.totals.softmax, std::log(static_cast<double>(K)), 1e-12) << K;
    EXPECT_NEAR(r.totals.ova, K, 1e-12) << K;
    EXPECT_NEAR(r.totals.structured, 1.0, 1e-12) << K;
    EXPECT_NEAR(r.at_zero.ww, K - 1.0, 1e-12) << K;
    EXPECT_NEAR(r.at_zero.softmax, std::log(static_cast<double>(K)), 1e-12) << K;
    const TableResult small = evaluate(small_random_scores(t, 1e-6, 7), ScoreOptions{});
    EXPECT_NEAR(small.totals.ww, K - 1.0, 1e-4) << K;
    EXPECT_NEAR(small.totals.softmax, std::log(static_cast<double>(K)), 1e-4) << K;
    EXPECT_NE(small.totals.ww, K - 1.0);  // really random, not zero
  }
  ScoreOptions o;
  o.sum = true;
  o.log = LogBase::Two;
  const TableResult r = evaluate(cat_car_frog_table(), o);
  EXPECT_NEAR(r.at_zero.ww, 3 * 2.0, 1e-12);
  EXPECT_NEAR(r.at_zero.softmax, 3 * std::log2(3.0), 1e-12);
}

TEST(ScoreTable, BoundsOfTheLosses) {
  const TableResult r = evaluate(cat_car_frog_table(), ScoreOptions{});
  EXPECT_EQ(r.min.ww, 0.0);
  EXPECT_EQ(r.min.softmax, 0.0);
  EXPECT_FALSE(r.softmax_min_attained);
  EXPECT_TRUE(std::isinf(r.max.ww));
  EXPECT_TRUE(std::isinf(r.max.ova));
  EXPECT_TRUE(std::isinf(r.max.structured));
  EXPECT_TRUE(std::isinf(r.max.softmax));
  ScoreOptions o;
  o.include_correct = true;
  o.sum = true;
  EXPECT_NEAR(evaluate(cat_car_frog_table(), o).min.ww, 3.0, 1e-12);
}

TEST(ScoreTable, FourPixelCatIsComputedNotCopied) {
  const ScoreTable t = four_pixel_cat_column();
  EXPECT_NEAR(t.scores(0, 0), -96.8, 1e-9);
  EXPECT_NEAR(t.scores(1, 0), 437.9, 1e-9);
  EXPECT_NEAR(t.scores(2, 0), 60.75, 1e-9);  // the slide prints 61.95
  EXPECT_EQ(score_presets().size(), 4u);
  for (const ScorePreset& p : score_presets()) EXPECT_EQ(validate(p.table), "") << p.name;
}

TEST(ScoreTable, LargeScoresStayFinite) {
  ScoreTable t = four_pixel_cat_column();
  ScoreOptions o;
  o.scale = 10.0;  // 4379 -> e^s overflows, the loss does not
  const TableResult r = evaluate(t, o);
  EXPECT_TRUE(std::isinf(r.columns[0].exps(1)));
  EXPECT_NEAR(r.columns[0].softmax, 10.0 * (437.9 + 96.8), 1e-9);
  EXPECT_EQ(r.columns[0].probabilities(0), 0.0);
}

TEST(ScoreTable, ValidationReasons) {
  ScoreTable t = cat_car_frog_table();
  t.labels = {0, 3, 1};
  EXPECT_EQ(validate(t), "example 2: label 3 is outside [0, 3)");
  EXPECT_THROW(evaluate(t, ScoreOptions{}), std::invalid_argument);
  t = cat_car_frog_table();
  t.scores(1, 2) = std::nan("");
  EXPECT_EQ(validate(t), "example 3, class 2: the score is not a finite number");
  ScoreTable big;
  big.scores = Eigen::MatrixXd::Zero(11, 1);
  big.labels = {0};
  EXPECT_EQ(validate(big), "a score table needs 2 to 10 classes; got 11");
  ScoreTable wide;
  wide.scores = Eigen::MatrixXd::Zero(3, 21);
  wide.labels.assign(21, 0);
  EXPECT_EQ(validate(wide), "a score table holds at most 20 examples; got 21");
  EXPECT_EQ(validate(wide, kMaxFileExamples), "");
  ScoreOptions o;
  o.scale = 1e308;
  t = cat_car_frog_table();
  EXPECT_THROW(evaluate(t, o), std::invalid_argument);
}

TEST(ScoreTable, WorkedOutAsOnTheSlides) {
  const ScoreOptions o;
  const TableResult r = evaluate(cat_car_frog_table(), o);
  // lectures.md: max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9 + 0 = 2.9.
  EXPECT_EQ(worked_ww(r.columns[0], o),
            "max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9 + 0 = 2.9");
  EXPECT_EQ(worked_ww(r.columns[2], o),
            "max(0, 2.2 - (-3.1) + 1) + max(0, 2.5 - (-3.1) + 1) = 6.3 + 6.6 = 12.9");
  EXPECT_EQ(worked_ova(r.columns[0], o),
            "max(0, 1 - 3.2) + max(0, 1 + 5.1) + max(0, 1 + (-1.7)) = 0 + 6.1 + 0 = 6.1");
  EXPECT_EQ(worked_structured(r.columns[0], o), "max(0, 5.1 - 3.2 + 1) = 2.9");
  EXPECT_EQ(worked_softmax(r.columns[0], o),
            "exp: 24.53, 164.02, 0.18; normalize: 0.13, 0.87, 0; -ln(0.13) = 2.04");
  ScoreOptions sq;
  sq.squared = true;
  sq.include_correct = true;
  sq.log = LogBase::Ten;
  const TableResult s = evaluate(cat_car_frog_table(), sq);
  EXPECT_EQ(worked_ww(s.columns[1], sq),
            "max(0, 1.3 - 4.9 + 1)^2 + max(0, 4.9 - 4.9 + 1)^2 + max(0, 2 - 4.9 + 1)^2 = "
            "0 + 1 + 0 = 1");
  EXPECT_EQ(worked_softmax(s.columns[0], sq, 3),
            "exp: 24.533, 164.022, 0.183; normalize: 0.13, 0.869, 0.001; -log10(0.13) = 0.886");
  EXPECT_EQ(format_rounded(-0.001), "0");
  EXPECT_EQ(format_rounded(2.8999999999999995), "2.9");
  EXPECT_EQ(format_rounded(164.0), "164");
}

TEST(ScoreTableParse, TabsWithHeaderAndNames) {
  const ParsedTable p = parse_score_table(
      "\tcat image\tcar image\tfrog image\n"
      "cat\t3.2\t1.3\t2.2\n"
      "car\t5.1\t4.9\t2.5\r\n"
      "frog\t-1.7\t2.0\t-3.1\n\n");
  const ScoreTable want = cat_car_frog_table();
  EXPECT_EQ(p.table.scores, want.scores);
  EXPECT_EQ(p.table.class_names, want.class_names);
  EXPECT_EQ(p.table.example_names, want.example_names);
  EXPECT_EQ(p.table.labels, want.labels);
  EXPECT_EQ(p.labels_from_header, 3);
  EXPECT_NEAR(evaluate(p.table, ScoreOptions{}).totals.ww, 15.8 / 3.0, 1e-12);
}

TEST(ScoreTableParse, CommasNumbersOnlyAndMarkdown) {
  const ParsedTable bare = parse_score_table("3.2, 1.3, 2.2\n5.1, 4.9, 2.5\n-1.7, 2.0, -3.1");
  EXPECT_EQ(bare.table.scores, cat_car_frog_table().scores);
  EXPECT_EQ(bare.table.class_names, (std::vector<std::string>{"class 1", "class 2", "class 3"}));
  EXPECT_EQ(bare.table.labels, (std::vector<int>{0, 0, 0}));
  EXPECT_EQ(bare.labels_from_header, 0);
  EXPECT_TRUE(bare.table.example_names.empty());
  // The header without a corner cell, names in the first column.
  const ParsedTable nocorner = parse_score_table(
      "cat image,car image,frog image\ncat,3.2,1.3,2.2\ncar,5.1,4.9,2.5\n"
      "frog,-1.7,2.0,-3.1\n");
  EXPECT_EQ(nocorner.table.labels, (std::vector<int>{0, 1, 2}));
  // One column with a header and no names.
  const ParsedTable column = parse_score_table("image 1\n3.2\n5.1\n-1.7\n");
  EXPECT_EQ(column.table.examples(), 1);
  EXPECT_EQ(column.table.classes(), 3);
  EXPECT_EQ(column.table.example_names[0], "image 1");
  // lectures.md's Markdown table.
  const ParsedTable md = parse_score_table(
      "| class | cat image | car image | frog image |\n|---|---|---|---|\n"
      "| cat | 3.2 | 1.3 | 2.2 |\n| car | 5.1 | 4.9 | 2.5 |\n| frog | -1.7 | 2.0 | -3.1 |\n");
  EXPECT_EQ(md.table.scores, cat_car_frog_table().scores);
  EXPECT_EQ(md.table.labels, (std::vector<int>{0, 1, 2}));
}

TEST(ScoreTableParse, Errors) {
  auto error = [](std::string_view text, int max = kMaxLabExamples) {
    try {
      parse_score_table(text, max);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error(""), "the pasted table is empty");
  EXPECT_EQ(error(" \n\t\n"), "the pasted table is empty");
  EXPECT_EQ(error("1,2,3\n4,5\n"), "line 2 has 2 cells; line 1 has 3");
  EXPECT_EQ(error("cat,1,2\ncar,x,3\n"), "row 2, column 2: not a number: 'x'");
  EXPECT_EQ(error("cat,1,2\ncar,inf,3\n"), "row 2, column 2: not a finite number: 'inf'");
  EXPECT_EQ(error("cat,1,2\ncar,1e999,3\n"), "row 2, column 2: out of range: '1e999'");
  EXPECT_EQ(error("1,2,3\n"), "a score table needs 2 to 10 classes (rows); the pasted table has 1");
  EXPECT_EQ(error("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n"),
            "a score table needs 2 to 10 classes (rows); the pasted table has 11");
  EXPECT_EQ(error("1,2,3\n4,5,6\n", 2),
            "a score table holds at most 2 examples (columns); the pasted table has 3");
  EXPECT_EQ(error("cat\ncar\n"), "the pasted table has class names but no scores");
  EXPECT_EQ(error("a,b,c,d,e\ncat,1,2\ncar,3,4\n"), "the header line has 5 cells; the rows have 3");
}

}  // namespace
}  // namespace ll::lab
