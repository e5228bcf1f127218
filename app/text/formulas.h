#pragma once
// The formulas as the slides write them: Pango markup with real subscripts and superscripts
// (`L<sub>i</sub> = Σ<sub>j≠y</sub> max(0, s<sub>j</sub> − s<sub>y</sub> + Δ)`), variables in
// italics, Greek and operators in Unicode. One source for the window (typeset into cached
// textures) and the exports (typeset onto the cairo surface); plain_text() gives the same
// formula as one line of plain text (`L_i = Σ_{j≠y} max(0, s_j − s_y + Δ)`) for tooltips,
// the command line and tests. Backend-free: strings only.
#include <string>
#include <string_view>

#include "core/scene.h"

namespace ll::text {

// The per-point loss L_i of the loss settings (kind, squared hinge).
std::string loss_formula_markup(const LossSettings& s);
// The regularizer R(W).
std::string reg_formula_markup(RegKind r);
// The total loss: L = (1/N) Σ_i L_i + R(W).
std::string total_loss_markup();
// The class-weighted data loss: Σ_i w_{y_i} L_i / Σ_i w_{y_i}.
std::string class_weights_markup();
// The scores: s_j = W_j · x + b_j.
std::string scores_markup();
// Pieces of the Worked tab's lines (the numbers between them are the window's plain text):
// s_k for class k (an upright digit), L_i, the hidden "L_i" that indents a continuation line
// under the first, ∂L_i/∂s, e^{s_j} (or e^{s_j − max s}), p_j, max_{j≠y} s_j, Σ_j e^{s_j}.
std::string score_markup(int k);
std::string point_loss_markup();
std::string point_loss_indent_markup();
std::string gradient_markup();
std::string exp_score_markup(char index, bool shifted = false);
std::string prob_markup(char index);
// An italic variable with an italic index: var_markup("s", "j") is s_j.
std::string var_markup(std::string_view name, std::string_view index);
std::string max_other_score_markup();
std::string exp_sum_markup();

// The name of input axis `axis` (0 or 1): x₁, x₂ (x<sub>1</sub>, x<sub>2</sub>).
std::string axis_markup(int axis);

// Markup as one line of plain text: a subscript becomes _x (or _{xy} when longer than one
// character), a superscript ^x (^{xy}; ² for a lone 2), other tags are dropped and the
// entities &lt; &gt; &amp; &quot; &apos; decoded.
std::string plain_text(std::string_view markup);

inline std::string loss_formula_plain(const LossSettings& s) {
  return plain_text(loss_formula_markup(s));
}
inline std::string reg_formula_plain(RegKind r) { return plain_text(reg_formula_markup(r)); }

}  // namespace ll::text
