#include "app/lab/distributions_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "app/lab/lab_colors.h"
#include "core/lab/number_text.h"

namespace ll::lab {

namespace {

const ImVec4 kDistErrorColor(0.86f, 0.2f, 0.2f, 1.0f);
constexpr ImU32 kEntropySegment = colors::kEntropy;
constexpr ImU32 kKlSegment = colors::kCrossEntropy;
constexpr int kMaxSampleRows = 20;

// "0.8813 bits", or "∞" (the reason is shown next to it).
std::string info_text(const InfoValue& v, LogBase b) {
  if (v.infinite()) return "∞";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f %s", v.value, unit_name(b));
  return buf;
}

std::string short_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

}  // namespace

void set_keeping_sum(std::vector<double>& d, int i, double v) {
  const int n = static_cast<int>(d.size());
  if (i < 0 || i >= n || !std::isfinite(v)) return;
  v = std::clamp(v, 0.0, 1.0);
  double rest = 0.0;
  for (int j = 0; j < n; ++j)
    if (j != i) rest += d[static_cast<std::size_t>(j)];
  for (int j = 0; j < n; ++j) {
    if (j == i) continue;
    double& x = d[static_cast<std::size_t>(j)];
    x = rest > 0.0 ? x * (1.0 - v) / rest : (1.0 - v) / (n - 1);
  }
  d[static_cast<std::size_t>(i)] = v;
}

// --- the model ---------------------------------------------------------------------------

DistributionsModel::DistributionsModel()
    : p(peaked_distribution(3, 0, 0.7)),
      q(uniform_distribution(3)),
      samples(same_accuracy_model_a()) {}

void DistributionsModel::set_outcomes(int n) {
  n = std::clamp(n, kMinOutcomes, kMaxOutcomes);
  for (std::vector<double>* d : {&p, &q}) {
    if (static_cast<int>(d->size()) == n) continue;
    d->resize(static_cast<std::size_t>(n), 1.0 / n);
    *d = normalized(*d);
  }
}

bool DistributionsModel::set_distribution(int which, const std::vector<double>& d,
                                          std::string& why) {
  const int n = static_cast<int>(d.size());
  if (n < kMinOutcomes || n > kMaxOutcomes) {
    why = "a distribution needs 2 to 10 outcomes; got " + std::to_string(n);
    return false;
  }
  try {
    std::vector<double> v = normalized(d);
    set_outcomes(n);
    dist(which) = std::move(v);
    return true;
  } catch (const std::invalid_argument& e) {
    why = e.what();
    return false;
  }
}

void DistributionsModel::set_sample_classes(int K) {
  K = std::clamp(K, kMinOutcomes, kMaxOutcomes);
  const int old = sample_classes();
  if (K == old) return;
  samples.probs.conservativeResize(Eigen::NoChange, K);
  for (int k = old; k < K; ++k) samples.probs.col(k).setZero();
  for (int i = 0; i < sample_rows(); ++i) {
    const double s = samples.probs.row(i).sum();
    if (s > 0.0)
      samples.probs.row(i) /= s;
    else
      samples.probs.row(i).setConstant(1.0 / K);
    samples.labels(i) = std::min(samples.labels(i), K - 1);
  }
}

void DistributionsModel::set_sample_rows(int N) {
  N = std::clamp(N, 1, kMaxSampleRows);
  const int old = sample_rows();
  if (N == old) return;
  const int K = sample_classes();
  samples.probs.conservativeResize(N, Eigen::NoChange);
  samples.labels.conservativeResize(N);
  for (int i = old; i < N; ++i) {
    samples.probs.row(i).setConstant(1.0 / K);
    samples.labels(i) = 0;
  }
}

void DistributionsModel::set_sample_prob(int row, int k, double v) {
  if (row < 0 || row >= sample_rows()) return;
  std::vector<double> r(static_cast<std::size_t>(sample_classes()));
  for (int j = 0; j < sample_classes(); ++j) r[static_cast<std::size_t>(j)] = samples.probs(row, j);
  set_keeping_sum(r, k, v);
  for (int j = 0; j < sample_classes(); ++j) samples.probs(row, j) = r[static_cast<std::size_t>(j)];
}

void DistributionsModel::set_sample_label(int row, int k) {
  if (row < 0 || row >= sample_rows()) return;
  samples.labels(row) = std::clamp(k, 0, sample_classes() - 1);
}

// --- the panel ---------------------------------------------------------------------------

ImU32 DistributionsPanel::bar_color(int which) {
  return which == 0 ? colors::kModelA : colors::kModelB;
}

void DistributionsPanel::draw() {
  ImGui::BeginChild("##dist_tab", ImVec2(0, 0), false);
  controls();
  const DistributionReport r = model_.report();
  const float fs = ImGui::GetFontSize();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  const float third = std::floor((avail.x - 2 * sp) / 3);
  const float hc = std::clamp(avail.y * 0.42f, fs * 11, fs * 22);
  bars(0, third, hc);
  ImGui::SameLine();
  bars(1, third, hc);
  ImGui::SameLine();
  numbers(r, third);
  avail = ImGui::GetContentRegionAvail();
  const float half = std::floor((avail.x - sp) * 0.45f);
  identity(r, half, std::max(avail.y, fs * 12));
  ImGui::SameLine();
  ImGui::BeginChild("##per_sample", ImVec2(0, std::max(avail.y, fs * 12)), true,
                    ImGuiWindowFlags_HorizontalScrollbar);
  per_sample_section();
  ImGui::EndChild();
  ImGui::EndChild();
}

void DistributionsPanel::controls() {
  const float fs = ImGui::GetFontSize();
  int n = model_.outcomes();
  ImGui::SetNextItemWidth(fs * 5.5f);
  if (ImGui::InputInt("outcomes", &n)) model_.set_outcomes(n);
  ImGui::SameLine();
  ImGui::TextUnformatted("   units");
  const LogBase bases[3] = {LogBase::Two, LogBase::E, LogBase::Ten};
  const char* names[3] = {"bits", "nats", "log10"};
  for (int b = 0; b < 3; ++b) {
    ImGui::SameLine();
    if (ImGui::RadioButton(names[b], model_.base == bases[b])) model_.base = bases[b];
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("      presets: mass on outcome");
  ImGui::SameLine();
  int k = outcome_ + 1;
  ImGui::SetNextItemWidth(fs * 5.5f);
  if (ImGui::InputInt("##outcome", &k)) outcome_ = std::clamp(k - 1, 0, kMaxOutcomes - 1);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 4.5f);
  ImGui::SliderFloat("peak", &peak_, 0.0f, 1.0f, "%.2f");
  // The softmax preset's scores: on this line when it fits.
  const float scores_w = fs * 9;
  const float label_w = ImGui::CalcTextSize("scores (softmax)").x;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < scores_w + label_w + 2 * ImGui::GetStyle().ItemSpacing.x)
    ImGui::NewLine();
  ImGui::SetNextItemWidth(scores_w);
  ImGui::InputText("scores (softmax)", &scores_);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "Drag a bar: the others rescale so each distribution sums to 1. H(p, q) = H(p) + "
      "D_KL(p‖q): cross-entropy is the entropy plus the price of coding p with q.");
  ImGui::PopStyleColor();
  if (!message_.empty()) ImGui::TextColored(kDistErrorColor, "%s", message_.c_str());
}

void DistributionsPanel::preset_menu(int which) {
  const float fs = ImGui::GetFontSize();
  ImGui::PushID(which);
  ImGui::SetNextItemWidth(fs * 9);
  if (ImGui::BeginCombo("##preset", "preset…")) {
    const int n = model_.outcomes();
    const int k = std::min(outcome_, n - 1);
    std::vector<double> chosen;
    if (ImGui::Selectable("uniform")) chosen = uniform_distribution(n);
    if (ImGui::Selectable("one-hot")) chosen = one_hot_distribution(n, k);
    if (ImGui::Selectable("peaked")) chosen = peaked_distribution(n, k, double(peak_));
    if (ImGui::Selectable("softmax of the scores")) {
      std::vector<double> s;
      if (std::string err = parse_number_list(scores_, ',', s); !err.empty()) {
        message_ = "scores: " + err;
      } else {
        try {
          chosen = softmax_distribution(s);
        } catch (const std::invalid_argument& e) {
          message_ = std::string("scores: ") + e.what();
        }
      }
    }
    ImGui::Separator();
    for (const NamedDistribution& d : lecture_distributions())
      if (ImGui::Selectable(d.name.c_str())) chosen = d.p;
    if (!chosen.empty()) {
      std::string why;
      if (model_.set_distribution(which, chosen, why))
        message_.clear();
      else
        message_ = why;
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
}

void DistributionsPanel::bars(int which, float w, float h) {
  std::vector<double>& d = model_.dist(which);
  const int n = static_cast<int>(d.size());
  const float fs = ImGui::GetFontSize();
  ImGui::PushID(which);
  ImGui::BeginGroup();
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(bar_color(which)), "%s",
                     which == 0 ? "p (drag the bars)" : "q (drag the bars)");
  ImGui::SameLine();
  preset_menu(which);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float bh = std::max(h - ImGui::GetFrameHeightWithSpacing(), fs * 6);
  ImGui::InvisibleButton("##bars", ImVec2(w, bh));
  const bool active = ImGui::IsItemActive();
  const float x0 = o.x + fs * 2.4f, x1 = o.x + w - 2, y0 = o.y + fs * 1.3f,
              y1 = o.y + bh - fs * 1.4f;
  charts_[which] = {x0, y0, x1, y1};
  const float slot = (x1 - x0) / float(n);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (ImGui::IsItemActivated())
    dragging_[which] = std::clamp(int(std::floor((mouse.x - x0) / slot)), 0, n - 1);
  if (!active) dragging_[which] = -1;
  if (active && dragging_[which] >= 0 && dragging_[which] < n)
    model_.set_bar(which, dragging_[which], double((y1 - mouse.y) / (y1 - y0)));

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), ImGui::GetColorU32(ImGuiCol_FrameBg));
  for (int g = 0; g <= 4; ++g) {
    const float y = y1 - (y1 - y0) * float(g) / 4.0f;
    dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), colors::ink(0.15f));
    char label[16];
    std::snprintf(label, sizeof label, "%.2g", g / 4.0);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    dl->AddText(ImVec2(x0 - ts.x - 4, y - ts.y / 2), colors::ink(0.7f), label);
  }
  for (int i = 0; i < n; ++i) {
    const double v = d[static_cast<std::size_t>(i)];
    const float cx = x0 + slot * (float(i) + 0.5f);
    const float bw = slot * 0.35f;
    const float top = y1 - (y1 - y0) * float(v);
    const bool held = dragging_[which] == i;
    dl->AddRectFilled(ImVec2(cx - bw, top), ImVec2(cx + bw, y1),
                      held ? colors::faded(bar_color(which), 200) : bar_color(which));
    // The value above the bar: "0.25", ".25" where bars are narrow, none where even that
    // would touch the next label (the tooltip has it).
    char label[16];
    std::snprintf(label, sizeof label, "%.2f", v);
    const char* shown = label;
    ImVec2 ts = ImGui::CalcTextSize(shown);
    if (ts.x > slot - 3 && label[0] == '0') ts = ImGui::CalcTextSize(++shown);
    if (ts.x <= slot - 3) dl->AddText(ImVec2(cx - ts.x / 2, top - ts.y - 1), colors::ink(), shown);
    std::snprintf(label, sizeof label, "%d", i + 1);
    ts = ImGui::CalcTextSize(label);
    dl->AddText(ImVec2(cx - ts.x / 2, y1 + 2), colors::ink(0.8f), label);
  }
  if (ImGui::IsItemHovered() && !active) {
    const int i = std::clamp(int(std::floor((mouse.x - x0) / slot)), 0, n - 1);
    ImGui::SetTooltip("%s_%d = %.6f", which == 0 ? "p" : "q", i + 1,
                      d[static_cast<std::size_t>(i)]);
  }
  ImGui::EndGroup();
  ImGui::PopID();
}

void DistributionsPanel::numbers(const DistributionReport& r, float w) {
  ImGui::BeginGroup();
  const LogBase b = model_.base;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##info", 2, flags, ImVec2(w, 0))) {
    ImGui::TableSetupColumn("quantity", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    const struct {
      const char* name;
      const InfoValue* v;
    } rows[6] = {{"H(p)", &r.entropy_p},        {"H(q)", &r.entropy_q},
                 {"H(p, q)", &r.cross_entropy}, {"H(q, p)", &r.cross_entropy_reverse},
                 {"D_KL(p‖q)", &r.kl},          {"D_KL(q‖p)", &r.kl_reverse}};
    for (const auto& row : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(row.name);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(info_text(*row.v, b).c_str());
      if (row.v->infinite()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(kDistErrorColor, "%s", row.v->reason.c_str());
        ImGui::PopTextWrapPos();
      }
    }
    ImGui::EndTable();
  }
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
  if (!r.cross_entropy.infinite())
    ImGui::Text("H(p) + D_KL(p‖q) = %s + %s = %s = H(p, q)",
                short_number(r.entropy_p.value).c_str(), short_number(r.kl.value).c_str(),
                short_number(r.entropy_p.value + r.kl.value).c_str());
  else
    ImGui::TextUnformatted("H(p, q) = H(p) + D_KL(p‖q) = ∞: q misses an outcome p can have.");
  ImGui::TextDisabled("Cross-entropy and KL are not symmetric: compare the two directions.");
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

void DistributionsPanel::identity(const DistributionReport& r, float w, float h) {
  const float fs = ImGui::GetFontSize();
  ImGui::BeginChild("##identity", ImVec2(w, h), true);
  ImGui::TextUnformatted("H(p, q) = H(p) + D_KL(p‖q), as stacked bars");
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kEntropySegment), "■ entropy");
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kKlSegment), "■ KL divergence");
  const struct {
    const char* name;
    const InfoValue *h, *kl, *total;
  } rows[2] = {{"H(p, q)", &r.entropy_p, &r.kl, &r.cross_entropy},
               {"H(q, p)", &r.entropy_q, &r.kl_reverse, &r.cross_entropy_reverse}};
  double top = 0.0;
  for (const auto& row : rows)
    top = std::max(top, row.total->infinite() ? row.h->value : row.total->value);
  top = std::max(top * 1.15, 1e-9);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float label_w = fs * 4.5f, bar_h = fs * 1.6f;
  const float width = ImGui::GetContentRegionAvail().x;
  for (const auto& row : rows) {
    ImGui::Spacing();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, bar_h));
    const float x0 = o.x + label_w, x1 = o.x + width - fs * 5.5f;
    auto x_of = [&](double v) { return x0 + float(std::min(v / top, 1.0)) * (x1 - x0); };
    dl->AddText(ImVec2(o.x, o.y + (bar_h - fs) / 2), colors::ink(), row.name);
    const float xh = x_of(row.h->value);
    dl->AddRectFilled(ImVec2(x0, o.y), ImVec2(xh, o.y + bar_h), kEntropySegment);
    const float xk = row.kl->infinite() ? x1 : x_of(row.h->value + row.kl->value);
    dl->AddRectFilled(ImVec2(xh, o.y), ImVec2(xk, o.y + bar_h), kKlSegment);
    const std::string total = row.total->infinite() ? "∞" : short_number(row.total->value);
    dl->AddText(ImVec2(xk + 4, o.y + (bar_h - fs) / 2), colors::ink(), total.c_str());
    if (row.kl->infinite()) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextColored(kDistErrorColor, "%s = ∞: %s", row.name, row.kl->reason.c_str());
      ImGui::PopTextWrapPos();
    } else {
      ImGui::TextDisabled("%s + %s", short_number(row.h->value).c_str(),
                          short_number(row.kl->value).c_str());
    }
  }
  ImGui::EndChild();
}

void DistributionsPanel::per_sample_section() {
  DistributionsModel& m = model_;
  const float fs = ImGui::GetFontSize();
  ImGui::TextUnformatted("Per sample: predicted q per row, one-hot target y, loss −log q_y");
  if (ImGui::Button("Model A")) m.samples = same_accuracy_model_a();
  ImGui::SameLine();
  if (ImGui::Button("Model B")) m.samples = same_accuracy_model_b();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The same error rate as model A, a different cross-entropy");
  ImGui::SameLine();
  int rows = m.sample_rows(), K = m.sample_classes();
  ImGui::SetNextItemWidth(fs * 5.5f);
  if (ImGui::InputInt("rows", &rows)) m.set_sample_rows(rows);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 5.5f);
  if (ImGui::InputInt("classes", &K)) m.set_sample_classes(K);
  K = m.sample_classes();

  PerSampleResult res;
  std::string error;
  try {
    res = m.per_sample_result();
  } catch (const std::invalid_argument& e) {
    error = e.what();
  }
  const std::string loss_head = std::string("−log q_y (") + unit_name(m.base) + ")";
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("##samples", K + 4, flags)) {
    ImGui::TableSetupColumn("#");
    for (int k = 0; k < K; ++k) {
      const std::string name = "q_" + std::to_string(k + 1);
      ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthFixed, fs * 3.2f);
    }
    ImGui::TableSetupColumn("target y", ImGuiTableColumnFlags_WidthFixed, fs * 3.4f);
    ImGui::TableSetupColumn("one-hot");
    ImGui::TableSetupColumn(loss_head.c_str());
    ImGui::TableHeadersRow();
    std::vector<std::string> labels;
    for (int k = 0; k < K; ++k) labels.push_back(std::to_string(k + 1));
    std::vector<const char*> label_ptrs;
    for (const std::string& s : labels) label_ptrs.push_back(s.c_str());
    for (int i = 0; i < m.sample_rows(); ++i) {
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%d", i + 1);
      for (int k = 0; k < K; ++k) {
        ImGui::TableSetColumnIndex(k + 1);
        ImGui::PushID(k);
        const bool target = m.samples.labels(i) == k;
        const bool predicted = error.empty() && res.predictions(i) == k;
        if (target) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(255, 200, 0, 80));
        double v = m.samples.probs(i, k);
        const double lo = 0.0, hi = 1.0;
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::DragScalar("##q", ImGuiDataType_Double, &v, 0.005f, &lo, &hi,
                              predicted ? "%.2f*" : "%.2f", ImGuiSliderFlags_AlwaysClamp))
          m.set_sample_prob(i, k, v);
        ImGui::PopID();
      }
      ImGui::TableSetColumnIndex(K + 1);
      int y = m.samples.labels(i);
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (ImGui::Combo("##y", &y, label_ptrs.data(), K)) m.set_sample_label(i, y);
      ImGui::TableSetColumnIndex(K + 2);
      std::string hot;
      for (int k = 0; k < K; ++k)
        hot += (k ? " " : "") + std::string(m.samples.labels(i) == k ? "1" : "0");
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(hot.c_str());
      ImGui::TableSetColumnIndex(K + 3);
      if (error.empty()) {
        const double l = res.losses(i);
        ImGui::AlignTextToFramePadding();
        if (std::isinf(l))
          ImGui::TextColored(kDistErrorColor, "∞ (q_y = 0)");
        else
          ImGui::Text("%.4f", l);
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!error.empty()) {
    ImGui::TextColored(kDistErrorColor, "%s", error.c_str());
    return;
  }
  const std::string sum = std::isinf(res.sum) ? "∞" : short_number(res.sum);
  const std::string mean = std::isinf(res.mean) ? "∞" : short_number(res.mean);
  ImGui::Text("sum %s   mean %s %s   error rate %.2f", sum.c_str(), mean.c_str(), unit_name(m.base),
              res.error_rate);
  ImGui::TextDisabled("* the predicted class (argmax); the target is highlighted.");
}

}  // namespace ll::lab
