// The score-table tab's state without a window: edits, paste, toggles, and the scene that
// "→ classifier" builds, evaluated by core exactly as the classifier evaluates it.
#include "app/lab/score_table_panel.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/document.h"
#include "core/lab/score_presets.h"
#include "core/losses.h"

namespace {

using ll::lab::ScoreTableModel;

TEST(ScoreTableModel, StartsWithTheSlidesTableAndItsLosses) {
  const ScoreTableModel m;
  ASSERT_EQ(m.table.classes(), 3);
  ASSERT_EQ(m.table.examples(), 3);
  const ll::lab::TableResult r = m.evaluate();
  EXPECT_NEAR(r.columns[0].ww, 2.9, 1e-12);
  EXPECT_NEAR(r.columns[1].ww, 0.0, 1e-12);
  EXPECT_NEAR(r.columns[2].ww, 12.9, 1e-12);
  EXPECT_NEAR(r.totals.ww, 15.8 / 3, 1e-12);
  EXPECT_NEAR(r.columns[0].softmax, 2.0404, 1e-4);
  EXPECT_EQ(m.table.example_names[0], "cat image");
}

TEST(ScoreTableModel, EditingACellUpdatesTheColumnAndTheTotals) {
  ScoreTableModel m;
  m.set_score(1, 0, 4.0);  // the cat image's car score 5.1 -> 4.0
  const ll::lab::TableResult r = m.evaluate();
  EXPECT_NEAR(r.columns[0].ww, 4.0 - 3.2 + 1.0, 1e-12);  // frog term stays 0
  EXPECT_NEAR(r.totals.ww, (1.8 + 0.0 + 12.9) / 3, 1e-12);
  m.options.sum = true;
  EXPECT_NEAR(m.evaluate().totals.ww, 14.7, 1e-12);
  m.set_score(0, 0, std::nan(""));  // refused: the table stays finite
  EXPECT_DOUBLE_EQ(m.table.scores(0, 0), 3.2);
  m.set_label(0, 1);  // the cat image now labelled car: 3.2 - 4.0 + 1 = 0.2, -1.7 - 4 + 1 < 0
  EXPECT_NEAR(m.evaluate().columns[0].ww, 0.2, 1e-12);
}

TEST(ScoreTableModel, TogglesAnswerTheSlidesQuestions) {
  ScoreTableModel m;
  m.options.squared = true;
  ll::lab::TableResult r = m.evaluate();
  EXPECT_NEAR(r.columns[0].ww, 8.41, 1e-12);
  EXPECT_NEAR(r.columns[2].ww, 83.25, 1e-9);
  m.options.squared = false;
  m.options.include_correct = true;  // every loss grows by Delta = 1
  r = m.evaluate();
  EXPECT_NEAR(r.columns[0].ww, 3.9, 1e-12);
  EXPECT_NEAR(r.columns[1].ww, 1.0, 1e-12);
  m.options.include_correct = false;
  m.options.scale = 2.0;  // 2W: the car image's zero loss stays zero
  EXPECT_EQ(m.evaluate().columns[1].ww, 0.0);
  m.options.scale = 1.0;
  m.options.log = ll::lab::LogBase::Ten;
  EXPECT_NEAR(m.evaluate().columns[0].softmax, 0.8861, 1e-4);
  m.zero_scores();
  m.options.log = ll::lab::LogBase::E;
  r = m.evaluate();
  EXPECT_NEAR(r.totals.ww, 2.0, 1e-12);  // C - 1
  EXPECT_NEAR(r.totals.softmax, std::log(3.0), 1e-12);
  m.small_random_scores(7);
  EXPECT_LT(m.table.scores.cwiseAbs().maxCoeff(), 0.1);
  EXPECT_GT(m.table.scores.cwiseAbs().maxCoeff(), 0.0);
  EXPECT_NEAR(m.evaluate().totals.ww, 2.0, 0.2);
}

TEST(ScoreTableModel, NudgingTheCarScoreLeavesTheCarImagesLossAtZero) {
  ScoreTableModel m;
  m.nudge = {true, 1, 1, 0.5};  // car image, car score 4.9 -> 5.4
  const ll::lab::TableResult r = m.evaluate();
  EXPECT_EQ(r.columns[1].ww, 0.0);
  EXPECT_EQ(m.column_without_nudge(1).ww, 0.0);
  EXPECT_NEAR(r.columns[1].scores(1), 5.4, 1e-12);
  EXPECT_DOUBLE_EQ(m.table.scores(1, 1), 4.9);  // the typed table is untouched
  m.nudge = {true, 1, 0, 3.0};                  // the car image's cat score 1.3 -> 4.3
  EXPECT_NEAR(m.evaluate().columns[1].ww, 4.3 - 4.9 + 1.0, 1e-12);
}

TEST(ScoreTableModel, ResizingKeepsTheTableValid) {
  ScoreTableModel m;
  m.set_class_count(11);
  EXPECT_EQ(m.table.classes(), 10);
  EXPECT_EQ(m.table.class_names[9], "class 10");
  EXPECT_EQ(m.table.scores(9, 0), 0.0);
  m.set_class_count(2);  // the frog image's label 2 no longer exists
  EXPECT_EQ(m.table.labels[2], 1);
  m.set_example_count(25);
  EXPECT_EQ(m.table.examples(), 20);
  EXPECT_EQ(m.table.example_names[19], "example 20");
  EXPECT_TRUE(ll::lab::validate(m.table).empty()) << ll::lab::validate(m.table);
  m.set_example_count(0);
  EXPECT_EQ(m.table.examples(), 1);
  EXPECT_NO_THROW(m.evaluate());
}

TEST(ScoreTableModel, PasteReadsATableAndLabelsFromTheHeader) {
  ScoreTableModel m;
  ASSERT_TRUE(m.paste("class\tdog image\tcat image\ncat\t1\t4\ndog\t3\t2\n")) << m.message;
  EXPECT_FALSE(m.message_is_error);
  ASSERT_EQ(m.table.classes(), 2);
  ASSERT_EQ(m.table.examples(), 2);
  EXPECT_EQ(m.table.labels[0], 1);
  EXPECT_EQ(m.table.labels[1], 0);
  const ll::lab::TableResult r = m.evaluate();
  EXPECT_NEAR(r.columns[0].ww, 0.0, 1e-12);  // dog 3 vs cat 1: margin 2 > 1
  EXPECT_NEAR(r.columns[1].ww, 0.0, 1e-12);
  ASSERT_TRUE(m.paste("| class | a | b |\n|---|---|---|\n| x | 1 | 2 |\n| y | 0.5 | 3 |\n"));
  EXPECT_EQ(m.table.class_names[1], "y");
  EXPECT_EQ(m.table.labels[1], 0);  // no header match: the first row
}

TEST(ScoreTableModel, APasteErrorKeepsTheTableAndSaysWhyInOneLine) {
  ScoreTableModel m;
  const ll::lab::ScoreTable before = m.table;
  EXPECT_FALSE(m.paste("cat\t1\t2\ncar\tx\t3\n"));
  EXPECT_TRUE(m.message_is_error);
  EXPECT_NE(m.message.find("row 2"), std::string::npos) << m.message;
  EXPECT_EQ(m.message.find('\n'), std::string::npos);
  EXPECT_EQ(m.table.scores, before.scores);
  EXPECT_EQ(m.table.class_names, before.class_names);
  EXPECT_EQ(m.table.labels, before.labels);
  std::string eleven;
  for (int k = 0; k < 11; ++k) eleven += "1,2\n";
  EXPECT_FALSE(m.paste(eleven));
  EXPECT_NE(m.message.find("2 to 10 classes"), std::string::npos) << m.message;
  EXPECT_FALSE(m.paste(""));
  EXPECT_EQ(m.table.scores, before.scores);
}

// The scene "→ classifier" builds: evaluating it in core gives the column's loss.
TEST(ScoreTableModel, SendToClassifierBuildsASceneWithTheColumnsLoss) {
  ScoreTableModel m;
  const ll::Scene base = ll::default_scene();
  std::string why;
  const std::optional<ll::Scene> s = m.column_scene(0, &base, why);
  ASSERT_TRUE(s) << why;
  ASSERT_EQ(s->classes(), 3);
  EXPECT_EQ(s->class_names, (std::vector<std::string>{"cat", "car", "frog"}));
  EXPECT_TRUE(s->params.W.isZero());
  EXPECT_DOUBLE_EQ(s->params.b(1), 5.1);
  ASSERT_EQ(s->points.size(), 1u);
  EXPECT_EQ(s->points[0], (ll::Point{0.0, 0.0, 0}));
  EXPECT_EQ(s->loss.kind, ll::LossKind::WestonWatkins);
  const ll::Evaluation e = ll::evaluate(s->points, s->params, s->loss);
  EXPECT_NEAR(e.data_loss, 2.9, 1e-12);
  EXPECT_NEAR(e.total_loss, 2.9, 1e-12);  // W = 0: no regularization

  // The classifier's loss kind is kept, options carried over: softmax, 2W, squared hinge.
  ll::Scene soft = base;
  soft.loss.kind = ll::LossKind::Softmax;
  m.options.scale = 2.0;
  const std::optional<ll::Scene> s2 = m.column_scene(2, &soft, why);
  ASSERT_TRUE(s2) << why;
  EXPECT_EQ(s2->points[0].label, 2);
  EXPECT_NEAR(ll::evaluate(s2->points, s2->params, s2->loss).data_loss,
              m.evaluate().columns[2].softmax, 1e-12);
  m.options.scale = 1.0;
  m.options.squared = true;
  m.options.delta = 0.5;
  const std::optional<ll::Scene> s3 = m.column_scene(0, nullptr, why);
  ASSERT_TRUE(s3) << why;
  EXPECT_NEAR(ll::evaluate(s3->points, s3->params, s3->loss).data_loss, m.evaluate().columns[0].ww,
              1e-12);
  EXPECT_NEAR(m.evaluate().columns[0].ww, 2.4 * 2.4, 1e-12);

  // The scene is one undoable edit of the document.
  ll::Document doc;
  const ll::Scene original = doc.scene();
  const std::size_t steps = doc.undo_size();
  doc.replace(*s);
  EXPECT_EQ(doc.undo_size(), steps + 1);
  EXPECT_EQ(doc.scene().classes(), 3);
  EXPECT_NEAR(ll::evaluate(doc.scene().points, doc.scene().params, doc.scene().loss).data_loss, 2.9,
              1e-12);
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.scene(), original);
}

TEST(ScoreTableModel, SendRefusesTablesTheClassifierCannotHold) {
  ScoreTableModel m;
  ASSERT_TRUE(m.load(ll::lab::cifar10_table()));
  std::string why;
  const std::optional<ll::Scene> s = m.column_scene(0, nullptr, why);
  if (10 > ll::kMaxClasses) {
    EXPECT_FALSE(s);
    EXPECT_NE(why.find("at most"), std::string::npos) << why;
  } else {
    ASSERT_TRUE(s) << why;
    EXPECT_NEAR(ll::evaluate(s->points, s->params, s->loss).data_loss, m.evaluate().columns[0].ww,
                1e-12);
  }
  ASSERT_TRUE(m.load(ll::lab::four_pixel_cat_column()));
  m.options.scale = 100.0;  // 437.9 * 100 is still inside the classifier's bound
  EXPECT_TRUE(m.column_scene(0, nullptr, why)) << why;
  EXPECT_FALSE(m.column_scene(1, nullptr, why));  // no such column
}

}  // namespace
