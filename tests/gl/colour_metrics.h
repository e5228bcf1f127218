#pragma once
// Colour measures for the palette tests (test-only): WCAG 2 relative luminance and contrast
// ratio, colour-vision-deficiency simulation (Machado, Oliveira and Fernandes 2009, severity
// 1.0, applied to linear RGB) and CIEDE2000 colour differences (CIELAB, D65 white).
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace ll::test {

struct Srgb {
  double r = 0, g = 0, b = 0;  // 0..255
};

inline double srgb_to_linear(double c) {
  c /= 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
inline double linear_to_srgb(double v) {
  v = std::clamp(v, 0.0, 1.0);
  return 255.0 * (v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055);
}

inline double luminance(const Srgb& c) {
  return 0.2126 * srgb_to_linear(c.r) + 0.7152 * srgb_to_linear(c.g) + 0.0722 * srgb_to_linear(c.b);
}
// WCAG 2 contrast ratio, >= 1.
inline double contrast(const Srgb& a, const Srgb& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

enum class Deficiency { Protanopia, Deuteranopia };
inline Srgb simulate(const Srgb& c, Deficiency d) {
  static constexpr double kProt[3][3] = {{0.152286, 1.052583, -0.204868},
                                         {0.114503, 0.786281, 0.099216},
                                         {-0.003882, -0.048116, 1.051998}};
  static constexpr double kDeut[3][3] = {{0.367322, 0.860646, -0.227968},
                                         {0.280085, 0.672501, 0.047413},
                                         {-0.011820, 0.042940, 0.968881}};
  const auto& m = d == Deficiency::Protanopia ? kProt : kDeut;
  const double l[3] = {srgb_to_linear(c.r), srgb_to_linear(c.g), srgb_to_linear(c.b)};
  double o[3];
  for (int i = 0; i < 3; ++i) o[i] = m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2];
  return {linear_to_srgb(o[0]), linear_to_srgb(o[1]), linear_to_srgb(o[2])};
}

struct Lab {
  double L, a, b;
};
inline Lab to_lab(const Srgb& c) {
  const double r = srgb_to_linear(c.r), g = srgb_to_linear(c.g), b = srgb_to_linear(c.b);
  const double X = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const double Y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  const double Z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
  auto f = [](double t) {
    return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
  };
  const double fx = f(X / 0.95047), fy = f(Y), fz = f(Z / 1.08883);
  return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

// CIEDE2000 (Sharma, Wu and Dalal 2005), kL = kC = kH = 1.
inline double ciede2000(const Lab& p, const Lab& q) {
  auto deg = [](double r) { return r * 180.0 / std::numbers::pi; };
  auto rad = [](double d) { return d * std::numbers::pi / 180.0; };
  const double C1 = std::hypot(p.a, p.b), C2 = std::hypot(q.a, q.b), Cb = 0.5 * (C1 + C2);
  const double Cb7 = std::pow(Cb, 7.0),
               G = 0.5 * (1.0 - std::sqrt(Cb7 / (Cb7 + std::pow(25.0, 7.0))));
  const double a1 = (1.0 + G) * p.a, a2 = (1.0 + G) * q.a;
  const double C1p = std::hypot(a1, p.b), C2p = std::hypot(a2, q.b);
  auto hue = [&](double b, double a) {
    if (a == 0.0 && b == 0.0) return 0.0;
    double h = deg(std::atan2(b, a));
    return h < 0.0 ? h + 360.0 : h;
  };
  const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
  const double dL = q.L - p.L, dC = C2p - C1p;
  double dh = 0.0;
  if (C1p * C2p != 0.0) {
    dh = h2 - h1;
    if (dh > 180.0) dh -= 360.0;
    if (dh < -180.0) dh += 360.0;
  }
  const double dH = 2.0 * std::sqrt(C1p * C2p) * std::sin(rad(dh / 2.0));
  const double Lb = 0.5 * (p.L + q.L), Cbp = 0.5 * (C1p + C2p);
  double hb = h1 + h2;
  if (C1p * C2p != 0.0) {
    if (std::abs(h1 - h2) <= 180.0)
      hb = 0.5 * (h1 + h2);
    else
      hb = h1 + h2 < 360.0 ? 0.5 * (h1 + h2 + 360.0) : 0.5 * (h1 + h2 - 360.0);
  }
  const double T = 1.0 - 0.17 * std::cos(rad(hb - 30.0)) + 0.24 * std::cos(rad(2.0 * hb)) +
                   0.32 * std::cos(rad(3.0 * hb + 6.0)) - 0.20 * std::cos(rad(4.0 * hb - 63.0));
  const double dth = 30.0 * std::exp(-std::pow((hb - 275.0) / 25.0, 2.0));
  const double Cbp7 = std::pow(Cbp, 7.0);
  const double RC = 2.0 * std::sqrt(Cbp7 / (Cbp7 + std::pow(25.0, 7.0)));
  const double SL =
      1.0 + 0.015 * (Lb - 50.0) * (Lb - 50.0) / std::sqrt(20.0 + (Lb - 50.0) * (Lb - 50.0));
  const double SC = 1.0 + 0.045 * Cbp, SH = 1.0 + 0.015 * Cbp * T;
  const double RT = -std::sin(rad(2.0 * dth)) * RC;
  return std::sqrt((dL / SL) * (dL / SL) + (dC / SC) * (dC / SC) + (dH / SH) * (dH / SH) +
                   RT * (dC / SC) * (dH / SH));
}

inline double cvd_difference(const Srgb& a, const Srgb& b, Deficiency d) {
  return ciede2000(to_lab(simulate(a, d)), to_lab(simulate(b, d)));
}

}  // namespace ll::test
