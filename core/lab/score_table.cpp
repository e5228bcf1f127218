#include "core/lab/score_table.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "core/lab/number_text.h"
#include "core/losses.h"
#include "core/rng.h"

namespace ll::lab {

namespace {

LossSettings settings(LossKind kind, const ScoreOptions& o) {
  LossSettings s;
  s.kind = kind;
  s.delta = o.delta;
  s.squared = o.squared;
  return s;
}

// core's point_loss on the K scores (K <= kMaxTableClasses; point_loss runs on any K).
double core_loss(LossKind kind, const ScoreOptions& o, const Eigen::VectorXd& s, int y) {
  std::array<double, kMaxTableClasses> ds{};
  return point_loss(settings(kind, o), s.data(), static_cast<int>(s.size()), y, ds.data());
}

// One hinge term, by core's definition: the Weston-Watkins loss of the two classes
// {correct, other} is exactly h(s_other - s_correct + Delta).
HingeTerm pair_term(const ScoreOptions& o, int j, double s_correct, double s_other) {
  const std::array<double, 2> sc{s_correct, s_other};
  std::array<double, 2> ds{};
  HingeTerm t;
  t.j = j;
  t.margin = s_other - s_correct + o.delta;
  t.value = point_loss(settings(LossKind::WestonWatkins, o), sc.data(), 2, 0, ds.data());
  return t;
}

std::string count_text(int n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

std::string validate(const ScoreOptions& o) {
  if (!std::isfinite(o.scale)) return "the score scale must be a finite number";
  if (!std::isfinite(o.delta) || o.delta < 0.0) return "the margin Delta must be finite and >= 0";
  return {};
}

std::string validate(const ScoreTable& t, int max_examples) {
  const int K = t.classes(), N = t.examples();
  if (K < kMinTableClasses || K > kMaxTableClasses)
    return "a score table needs 2 to 10 classes; got " + std::to_string(K);
  if (N < 1) return "a score table needs at least one example";
  if (N > max_examples)
    return "a score table holds at most " + count_text(max_examples, "example") + "; got " +
           std::to_string(N);
  if (static_cast<int>(t.labels.size()) != N)
    return count_text(static_cast<int>(t.labels.size()), "label") + " for " +
           count_text(N, "example") + " (need one per example)";
  for (int i = 0; i < N; ++i) {
    const int y = t.labels[static_cast<std::size_t>(i)];
    if (y < 0 || y >= K)
      return "example " + std::to_string(i + 1) + ": label " + std::to_string(y) +
             " is outside [0, " + std::to_string(K) + ")";
  }
  if (!t.class_names.empty() && static_cast<int>(t.class_names.size()) != K)
    return count_text(static_cast<int>(t.class_names.size()), "class name") + " for " +
           count_text(K, "class");
  if (!t.example_names.empty() && static_cast<int>(t.example_names.size()) != N)
    return count_text(static_cast<int>(t.example_names.size()), "example name") + " for " +
           count_text(N, "example");
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < K; ++j)
      if (!std::isfinite(t.scores(j, i)))
        return "example " + std::to_string(i + 1) + ", class " + std::to_string(j + 1) +
               ": the score is not a finite number";
  return {};
}

ColumnResult evaluate_column(const Eigen::VectorXd& raw, int y, const ScoreOptions& o) {
  const int K = static_cast<int>(raw.size());
  if (K < kMinTableClasses || K > kMaxTableClasses || y < 0 || y >= K)
    throw std::invalid_argument("a score column needs 2 to 10 classes and a label in [0, K)");
  if (std::string err = validate(o); !err.empty()) throw std::invalid_argument(err);
  ColumnResult c;
  c.scores = raw * o.scale;
  if (!c.scores.allFinite())
    throw std::invalid_argument("the scores times the scale are not all finite numbers");
  const Eigen::VectorXd& s = c.scores;
  c.label = y;
  c.prediction = argmax(s.data(), K);

  for (int j = 0; j < K; ++j)
    if (j != y || o.include_correct) c.ww_terms.push_back(pair_term(o, j, s(y), s(j)));
  c.ww = core_loss(LossKind::WestonWatkins, o, s, y);
  if (o.include_correct) c.ww += pair_term(o, y, s(y), s(y)).value;  // h(Delta)

  // One-vs-all term j: h(Delta - t_j s_j) = h(s_j - 0 + Delta) for j != y and
  // h(0 - s_y + Delta) for j = y.
  for (int j = 0; j < K; ++j) {
    HingeTerm t = j == y ? pair_term(o, j, s(j), 0.0) : pair_term(o, j, 0.0, s(j));
    c.ova_terms.push_back(t);
  }
  c.ova = core_loss(LossKind::OneVsAll, o, s, y);

  int rival = -1;
  for (int j = 0; j < K; ++j)
    if (j != y && (rival < 0 || s(j) > s(rival))) rival = j;
  c.structured_term = pair_term(o, rival, s(y), s(rival));
  c.structured = core_loss(LossKind::Structured, o, s, y);

  c.exps = s.array().exp();
  c.exp_sum = c.exps.sum();
  c.probabilities.resize(K);
  softmax(s.data(), K, c.probabilities.data());
  c.softmax = from_nats(core_loss(LossKind::Softmax, o, s, y), o.log);
  return c;
}

TableResult evaluate(const ScoreTable& t, const ScoreOptions& o, int max_examples) {
  if (std::string err = validate(t, max_examples); !err.empty()) throw std::invalid_argument(err);
  if (std::string err = validate(o); !err.empty()) throw std::invalid_argument(err);
  const int K = t.classes(), N = t.examples();
  TableResult r;
  r.columns.reserve(static_cast<std::size_t>(N));
  for (int i = 0; i < N; ++i) {
    try {
      r.columns.push_back(
          evaluate_column(t.scores.col(i), t.labels[static_cast<std::size_t>(i)], o));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("example " + std::to_string(i + 1) + ": " + e.what());
    }
    const ColumnResult& c = r.columns.back();
    r.totals.ww += c.ww;
    r.totals.ova += c.ova;
    r.totals.structured += c.structured;
    r.totals.softmax += c.softmax;
  }
  const double n = static_cast<double>(N);
  if (!o.sum) {
    r.totals.ww /= n;
    r.totals.ova /= n;
    r.totals.structured /= n;
    r.totals.softmax /= n;
  }
  // Every column's minimum: 0, except the Weston-Watkins term j = y, which is always h(Delta).
  const double h_delta = pair_term(o, 0, 0.0, 0.0).value;
  const double columns = o.sum ? n : 1.0;  // how many columns a total adds up
  r.min.ww = o.include_correct ? columns * h_delta : 0.0;
  constexpr double inf = std::numeric_limits<double>::infinity();
  r.max = {inf, inf, inf, inf};
  r.softmax_min_attained = false;
  const ColumnResult zero = evaluate_column(Eigen::VectorXd::Zero(K), 0, o);
  r.at_zero = {columns * zero.ww, columns * zero.ova, columns * zero.structured,
               columns * zero.softmax};
  return r;
}

std::string format_rounded(double v, int decimals) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 17), v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

namespace {

std::string hinge_text(const std::string& inside, const ScoreOptions& o) {
  return "max(0, " + inside + ")" + (o.squared ? "^2" : "");
}

// A number that follows an operator: parenthesized when negative.
std::string operand_text(double v, int d) {
  const std::string s = format_rounded(v, d);
  return s.front() == '-' ? "(" + s + ")" : s;
}

// "a - b + Delta".
std::string difference_text(double a, double b, const ScoreOptions& o, int d) {
  return format_rounded(a, d) + " - " + operand_text(b, d) + " + " + format_rounded(o.delta, d);
}

std::string sum_text(const std::vector<std::string>& hinges, const std::vector<double>& values,
                     double total, int d) {
  std::string lhs, rhs;
  for (std::size_t i = 0; i < hinges.size(); ++i) {
    lhs += (i ? " + " : "") + hinges[i];
    rhs += (i ? " + " : "") + format_rounded(values[i], d);
  }
  if (hinges.empty()) return "0";  // no terms (not reachable for K >= 2)
  if (hinges.size() == 1) return lhs + " = " + format_rounded(total, d);
  return lhs + " = " + rhs + " = " + format_rounded(total, d);
}

}  // namespace

std::string worked_ww(const ColumnResult& c, const ScoreOptions& o, int d) {
  std::vector<std::string> hinges;
  std::vector<double> values;
  for (const HingeTerm& t : c.ww_terms) {
    hinges.push_back(hinge_text(difference_text(c.scores(t.j), c.scores(c.label), o, d), o));
    values.push_back(t.value);
  }
  return sum_text(hinges, values, c.ww, d);
}

std::string worked_ova(const ColumnResult& c, const ScoreOptions& o, int d) {
  std::vector<std::string> hinges;
  std::vector<double> values;
  for (const HingeTerm& t : c.ova_terms) {
    hinges.push_back(hinge_text(format_rounded(o.delta, d) + (t.j == c.label ? " - " : " + ") +
                                    operand_text(c.scores(t.j), d),
                                o));
    values.push_back(t.value);
  }
  return sum_text(hinges, values, c.ova, d);
}

std::string worked_structured(const ColumnResult& c, const ScoreOptions& o, int d) {
  const HingeTerm& t = c.structured_term;
  return sum_text({hinge_text(difference_text(c.scores(t.j), c.scores(c.label), o, d), o)},
                  {t.value}, c.structured, d);
}

std::string worked_softmax(const ColumnResult& c, const ScoreOptions& o, int d) {
  std::string exps, probs;
  for (Eigen::Index j = 0; j < c.exps.size(); ++j) {
    exps += (j ? ", " : "") + format_rounded(c.exps(j), d);
    probs += (j ? ", " : "") + format_rounded(c.probabilities(j), d);
  }
  const char* log = o.log == LogBase::E ? "-ln(" : o.log == LogBase::Two ? "-log2(" : "-log10(";
  return "exp: " + exps + "; normalize: " + probs + "; " + log +
         format_rounded(c.probabilities(c.label), d) + ") = " + format_rounded(c.softmax, d);
}

ScoreTable small_random_scores(const ScoreTable& t, double sigma, unsigned long long seed) {
  ScoreTable out = t;
  Rng rng(seed);
  for (Eigen::Index i = 0; i < out.scores.cols(); ++i)
    for (Eigen::Index j = 0; j < out.scores.rows(); ++j) out.scores(j, i) = sigma * rng.normal();
  return out;
}

namespace {

std::vector<std::string> split_cells(std::string_view line, char sep, bool markdown) {
  std::string_view l = trim(line);
  if (markdown) {
    if (!l.empty() && l.front() == '|') l.remove_prefix(1);
    if (!l.empty() && l.back() == '|') l.remove_suffix(1);
  }
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t stop = l.find(sep, start);
    cells.emplace_back(
        trim(l.substr(start, stop == std::string_view::npos ? l.npos : stop - start)));
    if (stop == std::string_view::npos) break;
    start = stop + 1;
  }
  return cells;
}

bool is_number(const std::string& cell) {
  double d = 0.0;
  return parse_number(cell, d).empty();
}

// |---|:--:| lines of a Markdown table.
bool is_rule(const std::vector<std::string>& cells) {
  for (const std::string& c : cells)
    if (c.empty() || c.find_first_not_of("-: ") != std::string::npos) return false;
  return true;
}

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string where(int row, int col) {
  return "row " + std::to_string(row) + ", column " + std::to_string(col);
}

}  // namespace

ParsedTable parse_score_table(std::string_view text, int max_examples) {
  struct TableLine {
    int number;  // 1-based line of the text
    std::vector<std::string> cells;
  };
  std::vector<std::string_view> raw;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t stop = text.find('\n', start);
    raw.push_back(text.substr(start, stop == text.npos ? text.npos : stop - start));
    if (stop == text.npos) break;
    start = stop + 1;
  }
  bool tabs = false, markdown = false, first = true;
  for (std::string_view l : raw) {
    if (l.find('\t') != l.npos) tabs = true;
    if (first && !trim(l).empty()) {
      markdown = trim(l).front() == '|';
      first = false;
    }
  }
  const char sep = tabs ? '\t' : markdown ? '|' : ',';
  std::vector<TableLine> lines;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (trim(raw[i]).empty()) continue;
    TableLine l{static_cast<int>(i) + 1, split_cells(raw[i], sep, markdown && !tabs)};
    if (markdown && !tabs && is_rule(l.cells)) continue;
    lines.push_back(std::move(l));
  }
  if (lines.empty()) throw std::invalid_argument("the pasted table is empty");

  // A header row has a non-number after its first cell, or starts with text when no other row
  // does (a table without a name column).
  bool header = false;
  for (std::size_t c = 1; c < lines[0].cells.size(); ++c)
    if (!is_number(lines[0].cells[c])) header = true;
  if (!header && lines.size() > 1 && !is_number(lines[0].cells[0])) {
    header = true;
    for (std::size_t r = 1; r < lines.size(); ++r)
      if (!is_number(lines[r].cells[0])) header = false;
  }
  const std::size_t first_data = header ? 1 : 0;
  if (first_data >= lines.size()) throw std::invalid_argument("the pasted table has no score rows");

  // A name column when any data row starts with a non-number.
  bool names = false;
  for (std::size_t r = first_data; r < lines.size(); ++r)
    if (!is_number(lines[r].cells[0])) names = true;
  const std::size_t width = lines[first_data].cells.size();
  for (std::size_t r = first_data; r < lines.size(); ++r)
    if (lines[r].cells.size() != width)
      throw std::invalid_argument("line " + std::to_string(lines[r].number) + " has " +
                                  std::to_string(lines[r].cells.size()) + " cells; line " +
                                  std::to_string(lines[first_data].number) + " has " +
                                  std::to_string(width));
  const int K = static_cast<int>(lines.size() - first_data);
  const int N = static_cast<int>(width) - (names ? 1 : 0);
  if (N < 1) throw std::invalid_argument("the pasted table has class names but no scores");
  if (header) {
    const std::size_t hw = lines[0].cells.size();
    if (hw != width && !(names && hw == width - 1))
      throw std::invalid_argument("the header line has " + std::to_string(hw) +
                                  " cells; the rows have " + std::to_string(width));
  }
  if (K < kMinTableClasses || K > kMaxTableClasses)
    throw std::invalid_argument(
        "a score table needs 2 to 10 classes (rows); the pasted table has " + std::to_string(K));
  if (N > max_examples)
    throw std::invalid_argument("a score table holds at most " + std::to_string(max_examples) +
                                " examples (columns); the pasted table has " + std::to_string(N));

  ParsedTable out;
  ScoreTable& t = out.table;
  t.scores.resize(K, N);
  for (int j = 0; j < K; ++j) {
    const TableLine& l = lines[first_data + static_cast<std::size_t>(j)];
    t.class_names.push_back(names ? l.cells[0] : "class " + std::to_string(j + 1));
    for (int i = 0; i < N; ++i) {
      const std::size_t c = static_cast<std::size_t>(i) + (names ? 1 : 0);
      double d = 0.0;
      if (std::string err = parse_number(l.cells[c], d); !err.empty())
        throw std::invalid_argument(where(l.number, static_cast<int>(c) + 1) + ": " + err);
      t.scores(j, i) = d;
    }
  }
  t.labels.assign(static_cast<std::size_t>(N), 0);
  if (header) {
    const std::vector<std::string>& h = lines[0].cells;
    const std::size_t offset = h.size() == width ? width - static_cast<std::size_t>(N) : 0;
    for (int i = 0; i < N; ++i) {
      const std::string& name = h[offset + static_cast<std::size_t>(i)];
      t.example_names.push_back(name);
      const std::string word = lower(name.substr(0, name.find(' ')));
      for (int j = 0; j < K; ++j) {
        if (!word.empty() && lower(t.class_names[static_cast<std::size_t>(j)]) == word) {
          t.labels[static_cast<std::size_t>(i)] = j;
          ++out.labels_from_header;
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace ll::lab
