#pragma once
// Numbers written as on the slides: two decimals, a true minus sign (U+2212), no "-0.00".
#include <string>

#include "core/scene.h"

namespace ll::gui {

// A class as the scene names it ("frog"), or its number ("2") when it has no name.
std::string class_name(const Scene& scene, int k);
// "2 (frog)", or "2" without a name: where the number matters too (labels, tables).
std::string class_label(const Scene& scene, int k);

std::string num(double v, int decimals = 2);
// Number in parentheses when negative, for "a + (−b)" style terms.
std::string num_paren(double v, int decimals = 2);

}  // namespace ll::gui
