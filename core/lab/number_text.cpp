#include "core/lab/number_text.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace ll::lab {

std::string_view trim(std::string_view t) {
  constexpr std::string_view space = " \t\r\n";
  const auto first = t.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return t.substr(first, t.find_last_not_of(space) - first + 1);
}

std::string parse_number(std::string_view text, double& d) {
  const std::string s(trim(text));
  const std::string quoted = "'" + std::string(text) + "'";
  if (s.empty()) return "not a number: " + quoted;
  // Decimal numbers only: strtod would also read hexadecimal floats and "nan(...)".
  if (s.find_first_of("xX(") != std::string::npos) return "not a number: " + quoted;
  char* end = nullptr;
  errno = 0;
  d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return "not a number: " + quoted;
  if (std::isinf(d) && errno == ERANGE) return "out of range: " + quoted;
  if (!std::isfinite(d)) return "not a finite number: " + quoted;
  return {};
}

std::string parse_number_list(std::string_view text, char sep, std::vector<double>& out) {
  out.clear();
  if (trim(text).empty()) return "no numbers given";
  std::size_t start = 0;
  for (int index = 1;; ++index) {
    const std::size_t stop = text.find(sep, start);
    const std::string_view cell =
        text.substr(start, stop == std::string_view::npos ? std::string_view::npos : stop - start);
    double d = 0.0;
    if (std::string err = parse_number(cell, d); !err.empty())
      return "entry " + std::to_string(index) + ": " + err;
    out.push_back(d);
    if (stop == std::string_view::npos) break;
    start = stop + 1;
  }
  return {};
}

}  // namespace ll::lab
