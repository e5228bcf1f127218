#include "app/text/formulas.h"

#include <cstddef>
#include <utility>

namespace ll::text {

namespace {

// Markup pieces: an italic variable, a subscript, a superscript.
std::string fv(std::string_view name) { return "<i>" + std::string(name) + "</i>"; }
std::string fsub(std::string_view m) { return "<sub>" + std::string(m) + "</sub>"; }
std::string fsup(std::string_view m) { return "<sup>" + std::string(m) + "</sup>"; }
// An italic variable with an italic subscript: s_j.
std::string fvs(std::string_view name, std::string_view index) {
  return fv(name) + fsub(fv(index));
}

const std::string kLi = fvs("L", "i");
const std::string kNeY = fv("j") + "≠" + fv("y");  // j ≠ y, as an index

std::string squared_if(bool squared) { return squared ? fsup("2") : std::string(); }

// The number of code points in UTF-8 text.
std::size_t fcodepoints(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Plain text of markup[pos, ...) up to the closing tag `until` (or the end); pos ends after it.
std::string fplain_until(std::string_view m, std::size_t& pos, std::string_view until) {
  std::string out;
  while (pos < m.size()) {
    const char c = m[pos];
    if (c == '<') {
      const std::size_t close = m.find('>', pos);
      if (close == std::string_view::npos) {  // not markup: keep the rest as it is
        out += m.substr(pos);
        pos = m.size();
        break;
      }
      const std::string_view tag = m.substr(pos + 1, close - pos - 1);
      pos = close + 1;
      if (!until.empty() && tag == until) break;
      if (tag == "sub" || tag == "sup") {
        const std::string inner = fplain_until(m, pos, tag == "sub" ? "/sub" : "/sup");
        const char* mark = tag == "sub" ? "_" : "^";
        if (tag == "sup" && inner == "2")
          out += "²";
        else if (fcodepoints(inner) == 1)
          out += mark + inner;
        else
          out += std::string(mark) + "{" + inner + "}";
      }
      continue;  // any other tag (i, b, span, ...) carries no text
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool matched = false;
      for (const auto& [name, ch] : kEntities)
        if (m.substr(pos, name.size()) == name) {
          out += ch;
          pos += name.size();
          matched = true;
          break;
        }
      if (matched) continue;
    }
    out += c;
    ++pos;
  }
  return out;
}

}  // namespace

std::string loss_formula_markup(const LossSettings& s) {
  const std::string sj = fvs("s", "j"), sy = fvs("s", "y"), tj = fvs("t", "j");
  switch (s.kind) {
    case LossKind::WestonWatkins:
      return kLi + " = Σ" + fsub(kNeY) + " max(0, " + sj + " − " + sy + " + Δ)" +
             squared_if(s.squared);
    case LossKind::OneVsAll:
      return kLi + " = Σ" + fsub(fv("j")) + " max(0, Δ − " + tj + "·" + sj + ")" +
             squared_if(s.squared) + ",  " + tj + " = +1 if " + fv("j") + " = " + fv("y") +
             " else −1";
    case LossKind::Structured:
      return kLi + " = max(0, max" + fsub(kNeY) + " " + sj + " − " + sy + " + Δ)" +
             squared_if(s.squared);
    case LossKind::Softmax:
      return kLi + " = −ln(" + fv("e") + fsup(sy) + " / Σ" + fsub(fv("j")) + " " + fv("e") +
             fsup(sj) + ")";
    case LossKind::Sigmoid:
      return kLi + " = Σ" + fsub(fv("j")) + " softplus(" + sj + ") − " + tj + "·" + sj + ",  " +
             tj + " = 1 if " + fv("j") + " = " + fv("y") + " else 0";
    case LossKind::Focal: {
      const std::string py = fvs("p", "y");
      return kLi + " = −α (1 − " + py + ")" + fsup("γ") + " ln " + py + ",  " + fv("p") +
             " = softmax(" + fv("s") + ")";
    }
  }
  return "";
}

std::string reg_formula_markup(RegKind r) {
  const std::string sum = "R(" + fv("W") + ") = λ Σ" + fsub(fv("k") + "," + fv("l")) + " ";
  const std::string w = fv("W") + fsub(fv("kl"));
  switch (r) {
    case RegKind::L2:
      return sum + w + fsup("2");
    case RegKind::L1:
      return sum + "|" + w + "|";
    case RegKind::Elastic:
      return sum + "(β " + w + fsup("2") + " + |" + w + "|)";
  }
  return "";
}

std::string total_loss_markup() {
  return fv("L") + " = (1/" + fv("N") + ") Σ" + fsub(fv("i")) + " " + kLi + " + R(" + fv("W") + ")";
}

std::string class_weights_markup() {
  const std::string wyi = fv("w") + fsub(fvs("y", "i"));
  return "data loss = Σ" + fsub(fv("i")) + " " + wyi + " " + kLi + " / Σ" + fsub(fv("i")) + " " +
         wyi;
}

std::string scores_markup() {
  return fvs("s", "j") + " = " + fvs("W", "j") + " · " + fv("x") + " + " + fvs("b", "j");
}

std::string score_markup(int k) { return fv("s") + fsub(std::to_string(k)); }
std::string point_loss_markup() { return kLi; }
std::string point_loss_indent_markup() { return "<span alpha=\"1\">" + kLi + "</span>"; }
std::string gradient_markup() { return "∂" + kLi + "/∂" + fv("s"); }
std::string exp_score_markup(char index, bool shifted) {
  return fv("e") +
         fsup(fvs("s", std::string(1, index)) + (shifted ? " − max " + fv("s") : std::string()));
}
std::string var_markup(std::string_view name, std::string_view index) { return fvs(name, index); }
std::string prob_markup(char index) { return fvs("p", std::string(1, index)); }
std::string max_other_score_markup() { return "max" + fsub(kNeY) + " " + fvs("s", "j"); }
std::string exp_sum_markup() { return "Σ" + fsub(fv("j")) + " " + exp_score_markup('j'); }

std::string axis_markup(int axis) { return fv("x") + fsub(axis == 0 ? "1" : "2"); }

std::string plain_text(std::string_view markup) {
  std::size_t pos = 0;
  return fplain_until(markup, pos, "");
}

}  // namespace ll::text
