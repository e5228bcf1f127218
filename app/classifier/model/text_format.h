#pragma once
// Numbers written as on the slides: two decimals, a true minus sign (U+2212), no "-0.00".
#include <string>

namespace ll::gui {

std::string num(double v, int decimals = 2);
// Number in parentheses when negative, for "a + (−b)" style terms.
std::string num_paren(double v, int decimals = 2);

}  // namespace ll::gui
