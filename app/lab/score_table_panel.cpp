#include "app/lab/score_table_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <stdexcept>

#include "app/lab/lab_colors.h"
#include "core/lab/score_presets.h"

namespace ll::lab {

namespace {

const ImVec4 kScoreErrorColor(0.86f, 0.2f, 0.2f, 1.0f);
constexpr ImU32 kCorrectCellBg = IM_COL32(255, 200, 0, 80);
constexpr ImU32 kNudgedCellBg = IM_COL32(214, 39, 40, 90);

std::string class_default_name(int k) { return "class " + std::to_string(k + 1); }
std::string example_default_name(int i) { return "example " + std::to_string(i + 1); }

// Names for every row and column (pasted tables and presets may leave some out).
void fill_names(ScoreTable& t) {
  t.class_names.resize(static_cast<std::size_t>(t.classes()));
  for (int k = 0; k < t.classes(); ++k)
    if (t.class_names[static_cast<std::size_t>(k)].empty())
      t.class_names[static_cast<std::size_t>(k)] = class_default_name(k);
  t.example_names.resize(static_cast<std::size_t>(t.examples()));
  for (int i = 0; i < t.examples(); ++i)
    if (t.example_names[static_cast<std::size_t>(i)].empty())
      t.example_names[static_cast<std::size_t>(i)] = example_default_name(i);
}

// A number as core's worked lines write it, with ∞ for infinity.
std::string score_number(double v) {
  if (std::isinf(v)) return v > 0 ? "∞" : "−∞";
  return format_rounded(v, 2);
}

bool is_table_loss(LossKind k) {
  return k == LossKind::WestonWatkins || k == LossKind::OneVsAll || k == LossKind::Structured ||
         k == LossKind::Softmax;
}

void score_wrapped(const std::string& s) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(s.c_str());
  ImGui::PopTextWrapPos();
}

// `s` wrapped at the right edge of the cell or window, broken only at spaces outside
// parentheses ("max(0, 5.1 - 3.2 + 1)" stays whole, numbers are never split), except inside
// a piece wider than the whole line.
void score_terms(const std::string& s, bool disabled = false) {
  const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
  std::vector<std::string> pieces;
  std::string piece;
  int depth = 0;
  for (char ch : s) {
    if (ch == '(') ++depth;
    if (ch == ')') --depth;
    if (ch == ' ' && depth <= 0) {
      if (!piece.empty()) pieces.push_back(piece);
      piece.clear();
    } else {
      piece += ch;
    }
  }
  if (!piece.empty()) pieces.push_back(piece);
  std::vector<std::string> words;  // pieces too wide for a line, split at every space
  for (const std::string& pc : pieces) {
    if (ImGui::CalcTextSize(pc.c_str()).x <= width) {
      words.push_back(pc);
      continue;
    }
    std::size_t start = 0;
    while (start <= pc.size()) {
      const std::size_t stop = pc.find(' ', start);
      words.push_back(pc.substr(start, stop == std::string::npos ? stop : stop - start));
      if (stop == std::string::npos) break;
      start = stop + 1;
    }
  }
  if (disabled)
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  std::string line;
  for (const std::string& w : words) {
    const std::string next = line.empty() ? w : line + " " + w;
    if (!line.empty() && ImGui::CalcTextSize(next.c_str()).x > width) {
      ImGui::TextUnformatted(line.c_str());
      line = w;
    } else {
      line = next;
    }
  }
  ImGui::TextUnformatted(line.c_str());
  if (disabled) ImGui::PopStyleColor();
}

const char* log_text(LogBase b) {
  return b == LogBase::E ? "ln" : b == LogBase::Two ? "log2" : "log10";
}

}  // namespace

// --- the model ---------------------------------------------------------------------------

ScoreTableModel::ScoreTableModel() { load(cat_car_frog_table()); }

bool ScoreTableModel::load(ScoreTable t) {
  fill_names(t);
  if (std::string err = validate(t); !err.empty()) {
    message = err;
    message_is_error = true;
    return false;
  }
  table = std::move(t);
  nudge.column = std::clamp(nudge.column, 0, table.examples() - 1);
  nudge.row = std::clamp(nudge.row, 0, table.classes() - 1);
  return true;
}

void ScoreTableModel::set_score(int row, int column, double v) {
  if (row < 0 || row >= table.classes() || column < 0 || column >= table.examples()) return;
  if (!std::isfinite(v)) return;
  table.scores(row, column) = v;
}

void ScoreTableModel::set_label(int column, int row) {
  if (column < 0 || column >= table.examples()) return;
  table.labels[static_cast<std::size_t>(column)] = std::clamp(row, 0, table.classes() - 1);
}

void ScoreTableModel::set_class_name(int row, std::string name) {
  if (row < 0 || row >= table.classes()) return;
  table.class_names[static_cast<std::size_t>(row)] = std::move(name);
}

void ScoreTableModel::set_class_count(int K) {
  K = std::clamp(K, kMinTableClasses, kMaxTableClasses);
  const int old = table.classes();
  if (K == old) return;
  table.scores.conservativeResize(K, Eigen::NoChange);
  for (int k = old; k < K; ++k) table.scores.row(k).setZero();
  table.class_names.resize(static_cast<std::size_t>(K));
  for (int k = old; k < K; ++k)
    table.class_names[static_cast<std::size_t>(k)] = class_default_name(k);
  for (int& y : table.labels) y = std::min(y, K - 1);
  nudge.row = std::min(nudge.row, K - 1);
}

void ScoreTableModel::set_example_count(int N) {
  N = std::clamp(N, 1, kMaxLabExamples);
  const int old = table.examples();
  if (N == old) return;
  table.scores.conservativeResize(Eigen::NoChange, N);
  for (int i = old; i < N; ++i) table.scores.col(i).setZero();
  table.labels.resize(static_cast<std::size_t>(N), 0);
  table.example_names.resize(static_cast<std::size_t>(N));
  for (int i = old; i < N; ++i)
    table.example_names[static_cast<std::size_t>(i)] = example_default_name(i);
  nudge.column = std::min(nudge.column, N - 1);
}

bool ScoreTableModel::paste(std::string_view text) {
  try {
    ParsedTable p = parse_score_table(text);
    const int K = p.table.classes(), N = p.table.examples();
    if (!load(std::move(p.table))) return false;
    message = "Pasted " + std::to_string(K) + " classes × " + std::to_string(N) + " examples";
    if (p.labels_from_header > 0)
      message +=
          " (" + std::to_string(p.labels_from_header) + " correct classes read from the header)";
    else
      message += " (correct class: the first row; choose it per column)";
    message_is_error = false;
    return true;
  } catch (const std::invalid_argument& e) {
    message = std::string("Paste: ") + e.what() + " (the table is unchanged)";
    message_is_error = true;
    return false;
  }
}

void ScoreTableModel::zero_scores() { table.scores.setZero(); }

void ScoreTableModel::small_random_scores(unsigned long long seed, double sigma) {
  table.scores = lab::small_random_scores(table, sigma, seed).scores;
}

ScoreTable ScoreTableModel::effective() const {
  ScoreTable t = table;
  if (nudge.on && nudge.row >= 0 && nudge.row < t.classes() && nudge.column >= 0 &&
      nudge.column < t.examples())
    t.scores(nudge.row, nudge.column) += nudge.amount;
  return t;
}

TableResult ScoreTableModel::evaluate() const { return lab::evaluate(effective(), options); }

ColumnResult ScoreTableModel::column_without_nudge(int column) const {
  return evaluate_column(table.scores.col(column), table.labels[static_cast<std::size_t>(column)],
                         options);
}

std::optional<Scene> ScoreTableModel::column_scene(int column, const Scene* base,
                                                   std::string& why) const {
  const ScoreTable t = effective();
  const int K = t.classes();
  if (column < 0 || column >= t.examples()) {
    why = "no column " + std::to_string(column + 1);
    return std::nullopt;
  }
  if (K > kMaxClasses) {
    why = "the classifier holds at most " + std::to_string(kMaxClasses) +
          " classes; this table has " + std::to_string(K);
    return std::nullopt;
  }
  const int y = t.labels[static_cast<std::size_t>(column)];
  ColumnResult c;
  try {
    c = evaluate_column(t.scores.col(column), y, options);  // the scaled scores
  } catch (const std::invalid_argument& e) {
    why = e.what();
    return std::nullopt;
  }
  if (c.scores.cwiseAbs().maxCoeff() > kParamBound) {
    why = "a score beyond ±1e8 (the classifier's parameter bound)";
    return std::nullopt;
  }
  Scene s = base ? *base : default_scene();
  s.points = {Point{0.0, 0.0, y}};
  s.params.W = WeightMatrix::Zero(K, 2);
  s.params.b = c.scores;
  s.class_names = t.class_names;
  s.loss.delta = options.delta;
  s.loss.squared = options.squared;
  if (!is_table_loss(s.loss.kind)) s.loss.kind = LossKind::WestonWatkins;
  s.loss.class_weights.clear();  // one per class: the old ones do not fit K
  return s;
}

// --- the panel ---------------------------------------------------------------------------

std::optional<LabRequest> ScoreTablePanel::draw(const Style& style, const Scene* classifier) {
  std::optional<LabRequest> request;
  ImGui::BeginChild("##score_tab", ImVec2(0, 0), false);
  controls();
  TableResult r;
  std::string error;
  try {
    r = model_.evaluate();
  } catch (const std::invalid_argument& e) {
    error = e.what();
  }
  ScoreTableModel::Nudge& n = model_.nudge;
  if (n.on && error.empty()) {
    // Does the loss change? The nudged column before and after, under WW and softmax.
    const ColumnResult before = model_.column_without_nudge(n.column);
    const ColumnResult& after = r.columns[static_cast<std::size_t>(n.column)];
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("hinge %s → %s%s,  softmax %s → %s", score_number(before.ww).c_str(),
                score_number(after.ww).c_str(), before.ww == after.ww ? " (unchanged)" : "",
                score_number(before.softmax).c_str(), score_number(after.softmax).c_str());
  }
  if (!model_.message.empty()) {
    if (model_.message_is_error)
      ImGui::TextColored(kScoreErrorColor, "%s", model_.message.c_str());
    else
      ImGui::TextDisabled("%s", model_.message.c_str());
  }
  if (!error.empty()) ImGui::TextColored(kScoreErrorColor, "%s", error.c_str());
  // The totals go beside the table when it leaves room, else beside the worked column.
  const float fs = ImGui::GetFontSize();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  const float room = ImGui::GetContentRegionAvail().x - widths().table - sp;
  const bool beside = !r.columns.empty() && room >= fs * 26;
  if (beside) {
    ImGui::BeginGroup();
    request = table(style, r, classifier);
    ImGui::EndGroup();
    const float table_h = ImGui::GetItemRectSize().y;
    ImGui::SameLine();
    ImGui::BeginChild("##totals", ImVec2(std::min(room, fs * 46), std::max(table_h, fs * 15)),
                      true);
    totals(r);
    ImGui::EndChild();
  } else {
    request = table(style, r, classifier);
  }
  if (!r.columns.empty()) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float h = std::max(avail.y, fs * 10);
    const float right = beside ? 0.0f : std::clamp(std::floor(avail.x * 0.4f), fs * 22, fs * 36);
    ImGui::BeginChild("##worked", ImVec2(beside ? 0.0f : avail.x - right - sp, h), true);
    worked(r);
    ImGui::EndChild();
    if (!beside) {
      ImGui::SameLine();
      ImGui::BeginChild("##totals", ImVec2(0, h), true);
      totals(r);
      ImGui::EndChild();
    }
  }
  ImGui::EndChild();
  return request;
}

void ScoreTablePanel::controls() {
  ScoreTableModel& m = model_;
  ScoreOptions& o = m.options;
  const float fs = ImGui::GetFontSize();
  const std::vector<ScorePreset> presets = score_presets();
  preset_ = std::clamp(preset_, 0, static_cast<int>(presets.size()) - 1);
  float preset_w = fs * 8;
  for (const ScorePreset& p : presets)
    preset_w = std::max(preset_w, ImGui::CalcTextSize(p.name.c_str()).x);
  ImGui::SetNextItemWidth(preset_w + ImGui::GetFrameHeight() +
                          2 * ImGui::GetStyle().FramePadding.x);
  if (ImGui::BeginCombo("##score_preset",
                        presets[static_cast<std::size_t>(preset_)].name.c_str())) {
    for (int i = 0; i < static_cast<int>(presets.size()); ++i)
      if (ImGui::Selectable(presets[static_cast<std::size_t>(i)].name.c_str(), i == preset_)) {
        preset_ = i;
        if (m.load(presets[static_cast<std::size_t>(i)].table)) {
          m.message = "Preset: " + presets[static_cast<std::size_t>(i)].name;
          m.message_is_error = false;
        }
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("Paste")) {
    const char* clip = ImGui::GetClipboardText();
    m.paste(clip ? clip : "");
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Paste a table from the clipboard: one row per class, one column per example, tab or\n"
        "comma separated (a Markdown table also reads). An optional header row names the\n"
        "examples and an optional first column the classes; a header such as \"cat image\"\n"
        "makes cat that column's correct class.");
  ImGui::SameLine();
  int K = m.table.classes(), N = m.table.examples();
  ImGui::SetNextItemWidth(fs * 5.5f);
  if (ImGui::InputInt("classes", &K)) m.set_class_count(K);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 5.5f);
  if (ImGui::InputInt("examples", &N)) m.set_example_count(N);
  ImGui::SameLine();
  if (ImGui::Button("All scores 0")) {
    m.zero_scores();
    m.message = "All scores 0: the hinge loss is (C − 1)·Δ per example, softmax's log C";
    m.message_is_error = false;
  }
  ImGui::SameLine();
  if (ImGui::Button("Small random")) {
    m.small_random_scores(seed_++);
    m.message = "Small random scores (σ = 0.01), as a small W at initialization gives";
    m.message_is_error = false;
  }

  ImGui::Checkbox("include j = y", &o.include_correct);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The Weston-Watkins sum over all classes: every loss grows by h(Δ)");
  ImGui::SameLine();
  ImGui::Checkbox("squared hinge", &o.squared);
  ImGui::SameLine();
  if (ImGui::RadioButton("mean", !o.sum)) o.sum = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("sum", o.sum)) o.sum = true;
  ImGui::SameLine();
  const double d_lo = 0.0, d_hi = 10.0, s_lo = -100.0, s_hi = 100.0;
  ImGui::SetNextItemWidth(fs * 4.5f);
  ImGui::DragScalar("margin Δ", ImGuiDataType_Double, &o.delta, 0.01f, &d_lo, &d_hi, "%.2f",
                    ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 4.5f);
  ImGui::DragScalar("× scores", ImGuiDataType_Double, &o.scale, 0.01f, &s_lo, &s_hi, "%.2f",
                    ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Every score multiplied by this factor: W → 2W doubles every score");
  ImGui::SameLine();
  if (ImGui::SmallButton("W")) o.scale = 1.0;
  ImGui::SameLine();
  if (ImGui::SmallButton("2W")) o.scale = 2.0;
  ImGui::SameLine();
  ImGui::TextUnformatted("  log base");
  const LogBase bases[3] = {LogBase::E, LogBase::Two, LogBase::Ten};
  const char* base_names[3] = {"e", "2", "10"};
  for (int b = 0; b < 3; ++b) {
    ImGui::SameLine();
    ImGui::PushID(b);
    if (ImGui::RadioButton(base_names[b], o.log == bases[b])) o.log = bases[b];
    ImGui::PopID();
  }

  ScoreTableModel::Nudge& nd = m.nudge;
  ImGui::Checkbox("nudge", &nd.on);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Add a small amount to one score: does the loss change?");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 8);
  if (ImGui::BeginCombo("##nudge_col",
                        m.table.example_names[static_cast<std::size_t>(nd.column)].c_str())) {
    for (int i = 0; i < m.table.examples(); ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(m.table.example_names[static_cast<std::size_t>(i)].c_str(),
                            i == nd.column))
        nd.column = i;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 7);
  if (ImGui::BeginCombo("##nudge_row",
                        m.table.class_names[static_cast<std::size_t>(nd.row)].c_str())) {
    for (int k = 0; k < m.table.classes(); ++k) {
      ImGui::PushID(k);
      if (ImGui::Selectable(m.table.class_names[static_cast<std::size_t>(k)].c_str(), k == nd.row))
        nd.row = k;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  const double n_lo = -5.0, n_hi = 5.0;
  ImGui::SetNextItemWidth(fs * 4.5f);
  ImGui::DragScalar("##nudge_by", ImGuiDataType_Double, &nd.amount, 0.01f, &n_lo, &n_hi, "%+.2f",
                    ImGuiSliderFlags_AlwaysClamp);
}

ScoreTablePanel::Widths ScoreTablePanel::widths() const {
  const ScoreTable& t = model_.table;
  const float fs = ImGui::GetFontSize();
  const ImGuiStyle& gs = ImGui::GetStyle();
  Widths w;
  w.name = fs * 6, w.cell = fs * 4.5f, w.total = fs * 4.5f;
  // The row labels: the longest is the softmax row's.
  w.name = std::max(w.name, ImGui::CalcTextSize("softmax −log10 p").x);
  for (const std::string& s : t.class_names) {
    const float text = ImGui::CalcTextSize(s.c_str()).x;
    w.name = std::max(w.name, text + 2 * gs.FramePadding.x + ImGui::GetTreeNodeToLabelSpacing());
    w.cell = std::max(w.cell, text + ImGui::GetFrameHeight() + 2 * gs.FramePadding.x);
  }
  for (const std::string& s : t.example_names)
    w.cell = std::max(w.cell, ImGui::CalcTextSize(s.c_str()).x + 2 * gs.CellPadding.x);
  w.name = std::min(w.name, fs * 11), w.cell = std::min(w.cell, fs * 9);
  const int N = t.examples();
  w.table = w.name + N * w.cell + w.total + (N + 2) * (2 * gs.CellPadding.x + 1) + 1;
  return w;
}

std::optional<LabRequest> ScoreTablePanel::table(const Style& style, const TableResult& r,
                                                 const Scene* classifier) {
  std::optional<LabRequest> request;
  ScoreTableModel& m = model_;
  const ScoreTable& t = m.table;
  const int K = t.classes(), N = t.examples();
  const bool evaluated = static_cast<int>(r.columns.size()) == N;
  const ImGuiStyle& gs = ImGui::GetStyle();

  const Widths wd = widths();
  const float name_w = wd.name, cell_w = wd.cell, total_w = wd.total, want_w = wd.table;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool scroll = want_w > avail.x;
  const int rows = K + 7;  // header, K classes, correct class, four losses, send
  const float row_h = ImGui::GetFontSize() + 2 + 2 * gs.CellPadding.y + 1;  // frame padding 1
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  flags |= scroll ? ImGuiTableFlags_ScrollX : ImGuiTableFlags_NoHostExtendX;
  const ImVec2 size = scroll ? ImVec2(avail.x, rows * row_h + gs.ScrollbarSize + 4) : ImVec2(0, 0);
  ww_cells_.assign(static_cast<std::size_t>(N), Rect{});
  send_buttons_.assign(static_cast<std::size_t>(N), Rect{});
  if (!ImGui::BeginTable("##scores", N + 2, flags, size)) return request;
  // Compact rows: ten classes and the loss rows fit a 768-pixel-high window.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(gs.FramePadding.x, 1.0f));
  ImGui::TableSetupColumn("class", ImGuiTableColumnFlags_WidthFixed, name_w);
  for (int i = 0; i < N; ++i) {
    const std::string label =
        t.example_names[static_cast<std::size_t>(i)] + "##col" + std::to_string(i);
    ImGui::TableSetupColumn(label.c_str(), ImGuiTableColumnFlags_WidthFixed, cell_w);
  }
  ImGui::TableSetupColumn(m.options.sum ? "sum" : "mean", ImGuiTableColumnFlags_WidthFixed,
                          total_w);
  if (scroll) ImGui::TableSetupScrollFreeze(1, 0);
  ImGui::TableHeadersRow();

  for (int k = 0; k < K; ++k) {
    ImGui::PushID(k);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    std::string name = t.class_names[static_cast<std::size_t>(k)];
    ImGui::PushStyleColor(ImGuiCol_Text, colors::class_color(style, k));
    ImGui::Bullet();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText("##name", &name)) m.set_class_name(k, name);
    for (int i = 0; i < N; ++i) {
      ImGui::TableSetColumnIndex(i + 1);
      const bool nudged = m.nudge.on && m.nudge.row == k && m.nudge.column == i;
      if (t.labels[static_cast<std::size_t>(i)] == k)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kCorrectCellBg);
      if (nudged) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kNudgedCellBg);
      ImGui::PushID(i);
      double v = t.scores(k, i);
      ImGui::SetNextItemWidth(-FLT_MIN);
      // A nudged cell reads "4.9 +0.5": the typed score and the nudge the losses add to it.
      const std::string format = nudged ? "%.6g " + std::string(m.nudge.amount >= 0 ? "+" : "") +
                                              format_rounded(m.nudge.amount, 2)
                                        : "%.6g";
      if (ImGui::DragScalar("##s", ImGuiDataType_Double, &v, 0.05f, nullptr, nullptr,
                            format.c_str()))
        m.set_score(k, i, v);
      if (nudged && ImGui::IsItemHovered())
        ImGui::SetTooltip("nudged: %s %+.2f (the losses use the nudged score)",
                          format_rounded(t.scores(k, i), 4).c_str(), m.nudge.amount);
      ImGui::PopID();
    }
    ImGui::PopID();
  }

  // The correct class of each column.
  std::vector<const char*> names;
  for (const std::string& s : t.class_names) names.push_back(s.c_str());
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("correct class");
  for (int i = 0; i < N; ++i) {
    ImGui::TableSetColumnIndex(i + 1);
    ImGui::PushID(i);
    int y = t.labels[static_cast<std::size_t>(i)];
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::Combo("##label", &y, names.data(), K)) m.set_label(i, y);
    ImGui::PopID();
  }

  // The four losses of each column and their totals.
  const char* loss_names[4] = {"hinge (WW)", "one-vs-all", "structured", ""};
  const std::string softmax_name = std::string("softmax −") + log_text(m.options.log) + " p";
  loss_names[3] = softmax_name.c_str();
  for (int l = 0; l < 4; ++l) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(loss_names[l]);
    if (!evaluated) continue;
    auto value = [l](const PerLoss& p) {
      return l == 0 ? p.ww : l == 1 ? p.ova : l == 2 ? p.structured : p.softmax;
    };
    for (int i = 0; i < N; ++i) {
      const ColumnResult& c = r.columns[static_cast<std::size_t>(i)];
      const PerLoss p{c.ww, c.ova, c.structured, c.softmax};
      ImGui::TableSetColumnIndex(i + 1);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(score_number(value(p)).c_str());
      if (l == 0)
        ww_cells_[static_cast<std::size_t>(i)] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    }
    ImGui::TableSetColumnIndex(N + 1);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(score_number(value(r.totals)).c_str());
  }

  // Send a column to the classifier.
  const bool fits = K <= kMaxClasses;
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  const std::string send_label =
      fits ? std::string("to classifier") : "K > " + std::to_string(kMaxClasses) + ": no";
  ImGui::TextUnformatted(send_label.c_str());
  for (int i = 0; i < N; ++i) {
    ImGui::TableSetColumnIndex(i + 1);
    ImGui::PushID(i);
    ImGui::BeginDisabled(!fits || !evaluated);
    if (ImGui::Button("→ classifier", ImVec2(-FLT_MIN, 0))) {
      std::string why;
      if (std::optional<Scene> s = m.column_scene(i, classifier, why)) {
        request = LabRequest{std::move(*s),
                             "Score table: " + t.example_names[static_cast<std::size_t>(i)] +
                                 " sent to the classifier"};
        m.message = request->status + " (one undo step)";
        m.message_is_error = false;
      } else {
        m.message = "Cannot send: " + why;
        m.message_is_error = true;
      }
    }
    ImGui::EndDisabled();
    send_buttons_[static_cast<std::size_t>(i)] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      if (fits)
        ImGui::SetTooltip(
            "Show this column in the classifier: W = 0, b = its scores, one point at the "
            "origin\n(the Worked tab then shows these numbers; one undo step)");
      else
        ImGui::SetTooltip("The classifier holds at most %d classes", kMaxClasses);
    }
    ImGui::PopID();
  }
  ImGui::PopStyleVar();
  ImGui::EndTable();
  return request;
}

void ScoreTablePanel::worked(const TableResult& r) {
  const ScoreTable& t = model_.table;
  const ScoreOptions& o = model_.options;
  const float fs = ImGui::GetFontSize();
  if (!ImGui::BeginTabBar("##worked_columns", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  for (int i = 0; i < static_cast<int>(r.columns.size()); ++i) {
    const std::string label =
        t.example_names[static_cast<std::size_t>(i)] + "##worked" + std::to_string(i);
    if (!ImGui::BeginTabItem(label.c_str())) continue;
    const ColumnResult& c = r.columns[static_cast<std::size_t>(i)];
    const std::string& y_name = t.class_names[static_cast<std::size_t>(c.label)];
    ImGui::Text("Correct class y = %s; the highest score is %s's.", y_name.c_str(),
                t.class_names[static_cast<std::size_t>(c.prediction)].c_str());
    const bool two = ImGui::GetContentRegionAvail().x > fs * 40;
    const bool open =
        two ? ImGui::BeginTable("##worked_layout", 2, ImGuiTableFlags_SizingStretchSame) : true;
    if (two) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
    }
    const char* sq = o.squared ? "²" : "";
    score_terms(std::string("Weston-Watkins SVM: L_i = Σ_") +
                    (o.include_correct ? "j (j = y too)" : "j≠y") + " max(0, s_j − s_y + Δ)" + sq,
                true);
    score_terms(worked_ww(c, o));
    ImGui::Spacing();
    score_terms(std::string("One-vs-all: L_i = Σ_j max(0, Δ − t_j s_j)") + sq, true);
    score_terms(worked_ova(c, o));
    ImGui::Spacing();
    score_terms(std::string("Structured SVM: L_i = max(0, max_j≠y s_j − s_y + Δ)") + sq, true);
    score_terms(worked_structured(c, o));
    if (two) {
      ImGui::TableSetColumnIndex(1);
    } else {
      ImGui::Spacing();
    }
    score_terms(std::string("Softmax: scores → exp → normalize → −") + log_text(o.log) + " p_y",
                true);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##softmax", 4, flags)) {
      ImGui::TableSetupColumn("class");
      ImGui::TableSetupColumn("score s");
      ImGui::TableSetupColumn("exp → e^s");
      ImGui::TableSetupColumn("normalize → p");
      ImGui::TableHeadersRow();
      for (int k = 0; k < t.classes(); ++k) {
        ImGui::TableNextRow();
        if (k == c.label) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, kCorrectCellBg);
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(t.class_names[static_cast<std::size_t>(k)].c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(score_number(c.scores(k)).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(score_number(c.exps(k)).c_str());
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(score_number(c.probabilities(k)).c_str());
      }
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted("Σ");
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(score_number(c.exp_sum).c_str());
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(score_number(c.probabilities.sum()).c_str());
      ImGui::EndTable();
    }
    // core's own last step: "-ln(0.13) = 2.04", with p_y to two significant digits when small
    // (-ln(0.0057) = 5.17, where 0.01 would not explain the value).
    const double py = c.probabilities(c.label);
    const int digits = py > 0.0 && py < 0.1 ? std::min(12, int(std::ceil(-std::log10(py))) + 1) : 2;
    const std::string s = worked_softmax(c, o, digits);
    ImGui::Text("L_i = %s %s", s.substr(s.rfind("; ") + 2).c_str(), unit_name(o.log));
    if (two && open) ImGui::EndTable();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

void ScoreTablePanel::totals(const TableResult& r) {
  const ScoreTable& t = model_.table;
  const ScoreOptions& o = model_.options;
  const int N = t.examples();
  ImGui::Text("Totals: the %s over %d example%s", o.sum ? "sum" : "mean", N, N == 1 ? "" : "s");
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "A small W at initialization makes every score ≈ 0: then the hinge loss is about C − 1\n"
        "(Δ = 1) and softmax's ln C (press \"All scores 0\" or \"Small random\").\n"
        "A W with zero hinge loss is not unique: 2W scores twice as high and still has zero "
        "loss.");
  const char* rows[4] = {"WW hinge", "one-vs-all", "structured", "softmax"};
  const char* zero_hint[4] = {o.include_correct ? "C·h(Δ)" : "(C − 1)·h(Δ)", "C·h(Δ)", "h(Δ)",
                              "log C"};
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##totals_table", 4, flags)) {
    ImGui::TableSetupColumn("loss", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("one-vs-all").x);
    ImGui::TableSetupColumn("L", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("bounds", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("all s = 0", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableHeadersRow();
    for (int l = 0; l < 4; ++l) {
      auto value = [l](const PerLoss& p) {
        return l == 0 ? p.ww : l == 1 ? p.ova : l == 2 ? p.structured : p.softmax;
      };
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(rows[l]);
      ImGui::TableSetColumnIndex(1);
      // Every column's loss, or the first three and the last of a long table.
      std::string terms;
      for (int i = 0; i < N; ++i) {
        if (N > 6 && i >= 3 && i < N - 1) {
          if (i == 3) terms += " + …";
          continue;
        }
        const ColumnResult& c = r.columns[static_cast<std::size_t>(i)];
        terms += (i ? " + " : "") + score_number(value({c.ww, c.ova, c.structured, c.softmax}));
      }
      const std::string total = score_number(value(r.totals));
      std::string formula = N == 1  ? total
                            : o.sum ? terms + " = " + total
                                    : "(" + terms + ") / " + std::to_string(N) + " = " + total;
      score_terms(formula);
      ImGui::TableSetColumnIndex(2);
      const std::string lo = l == 3 ? "→ 0" : score_number(value(r.min));
      ImGui::Text("%s … %s", lo.c_str(), score_number(value(r.max)).c_str());
      if (l == 3 && ImGui::IsItemHovered())
        ImGui::SetTooltip("softmax only approaches 0 (p_y → 1), it never reaches it");
      ImGui::TableSetColumnIndex(3);
      score_terms(score_number(value(r.at_zero)) + " = " + (o.sum ? "N·" : "") + zero_hint[l]);
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::TextDisabled("Softmax in %s (log base %s).", unit_name(o.log), to_string(o.log));
  if (o.include_correct)
    score_wrapped(
        "With j = y included every hinge loss grows by h(Δ); the classifier's Weston-Watkins "
        "loss has no j = y term, so a column sent there shows h(Δ) less.");
}

}  // namespace ll::lab
