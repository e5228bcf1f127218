#include "app/classifier/model/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ll::gui {

std::string num(double v, int decimals) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "∞" : "−∞";
  char buf[64];
  if (std::abs(v) >= 1e6) {  // diverging training: keep the width bounded
    std::snprintf(buf, sizeof buf, "%.*e", std::min(decimals, 3), std::abs(v));
    return (v < 0 ? std::string("−") : std::string()) + buf;
  }
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
  const double shown = std::strtod(buf, nullptr);
  return (v < 0 && shown != 0.0) ? std::string("−") + buf : std::string(buf);
}

std::string num_paren(double v, int decimals) {
  const std::string s = num(v, decimals);
  return s.rfind("−", 0) == 0 ? "(" + s + ")" : s;
}

std::string class_name(const Scene& scene, int k) {
  const auto& names = scene.class_names;
  if (k >= 0 && k < static_cast<int>(names.size()) && !names[static_cast<std::size_t>(k)].empty())
    return names[static_cast<std::size_t>(k)];
  return std::to_string(k);
}

std::string class_label(const Scene& scene, int k) {
  const std::string n = class_name(scene, k);
  return n == std::to_string(k) ? n : std::to_string(k) + " (" + n + ")";
}

}  // namespace ll::gui
