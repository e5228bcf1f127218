#pragma once
// The "Score table" tab: the slides' table of scores (one column per example, one row per
// class), editable and pasteable, with each column's hinge terms and softmax pipeline written
// out, the totals, and toggles for the slides' questions (j = y included, mean vs sum, squared
// hinge, margin Δ, W vs 2W, a nudged score, zero or small random scores, log base). Every
// number comes from core/lab/score_table (evaluate, worked_*); this file only edits and shows.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/lab/loss_lab.h"
#include "app/style/style.h"
#include "core/lab/score_table.h"
#include "core/scene.h"

namespace ll::lab {

// The tab's state without a window: the table as typed (scores before the scale), the options,
// a nudged score, and the one-line message of the last paste or button.
struct ScoreTableModel {
  struct Nudge {
    bool on = false;
    int column = 0, row = 0;
    double amount = 0.5;
  };
  ScoreTable table;  // always valid: K in 2..10, N in 1..20, one name per class and example
  ScoreOptions options;
  Nudge nudge;
  std::string message;
  bool message_is_error = false;

  ScoreTableModel();  // the cat / car / frog table
  // Replaces the table (a preset or a parsed paste); missing names are filled in. False (and
  // the table kept) when core's validate refuses it.
  bool load(ScoreTable t);
  void set_score(int row, int column, double v);  // non-finite values are ignored
  void set_label(int column, int row);
  void set_class_name(int row, std::string name);
  void set_class_count(int K);    // clamped to 2..10: new rows score 0; labels kept in range
  void set_example_count(int N);  // clamped to 1..20: new columns score 0, label 0
  // Parses `text` (core's parse_score_table). On success the table is replaced and the message
  // says what was read; on failure the table stays and the message holds the one-line reason.
  bool paste(std::string_view text);
  void zero_scores();
  void small_random_scores(unsigned long long seed, double sigma = 0.01);

  // The table with the nudge applied (when on).
  ScoreTable effective() const;
  // evaluate(effective(), options): per column, totals, bounds, zero-score values.
  TableResult evaluate() const;
  // Column `column` of effective() without the nudge (to show what the nudge changed).
  ColumnResult column_without_nudge(int column) const;

  // A classifier scene whose Worked tab shows column `column`: K classes named as the rows,
  // W = 0, b = the column's (scaled, nudged) scores, one point at the origin labelled with the
  // column's correct class; loss Δ and squared from the options, the loss kind `base`'s when
  // it is one of the table's four (else Weston-Watkins), the rest of `base` (or the default
  // scene) kept. nullopt with `why` set when the classifier cannot hold it (K > kMaxClasses,
  // a score beyond kParamBound).
  std::optional<Scene> column_scene(int column, const Scene* base, std::string& why) const;
};

class ScoreTablePanel {
 public:
  // Draws the tab; returns a request when a column's "→ classifier" button was pressed.
  // `classifier`: the current classifier scene (its loss and settings are kept), may be null.
  std::optional<LabRequest> draw(const Style& style, const Scene* classifier);

  ScoreTableModel& model() { return model_; }
  const ScoreTableModel& model() const { return model_; }

  // Where the last draw put the Weston-Watkins loss of each column (screen pixels, ImGui's
  // coordinates): the render tests read the pixels there.
  struct Rect {
    ImVec2 min, max;
  };
  const std::vector<Rect>& ww_cells() const { return ww_cells_; }
  const std::vector<Rect>& send_buttons() const { return send_buttons_; }  // "→ classifier"

 private:
  struct Widths {
    float name, cell, total, table;  // the score table's columns, and all of it
  };
  Widths widths() const;
  void controls();
  std::optional<LabRequest> table(const Style& style, const TableResult& r,
                                  const Scene* classifier);
  void worked(const TableResult& r);
  void totals(const TableResult& r);

  ScoreTableModel model_;
  int preset_ = 0;
  unsigned long long seed_ = 1;  // small random scores: a new draw each press, reproducible
  std::vector<Rect> ww_cells_, send_buttons_;
};

}  // namespace ll::lab
