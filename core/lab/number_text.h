#pragma once
// Reading numbers typed or pasted by a user (table cells, "0.5,0.25,0.25" lists): the whole text
// must be one finite decimal number, surrounding spaces allowed.
#include <string>
#include <string_view>
#include <vector>

namespace ll::lab {

// Empty string on success (d set), else the one-line reason ("not a number: 'x'", "not a finite
// number: 'inf'", "out of range: '1e999'").
std::string parse_number(std::string_view text, double& d);

// `text` split at `sep` into finite numbers; empty string on success, else the reason naming the
// 1-based position ("entry 3: not a number: 'x'"). An empty text or an empty entry is an error.
std::string parse_number_list(std::string_view text, char sep, std::vector<double>& out);

// `text` without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view trim(std::string_view text);

}  // namespace ll::lab
