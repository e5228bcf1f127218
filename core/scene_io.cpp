#include "core/scene_io.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/atomic_file.h"
#include "core/limits.h"

namespace ll {

using nlohmann::json;

namespace {

class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw LoadError(source_ + ": " + (where.empty() ? "" : where + ": ") + what);
  }

  double number(const json& v, const std::string& where) const {
    if (!v.is_number()) fail(where, "expected a number, got " + type_name(v));
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail(where, "number is not finite");
    return d;
  }

  double number_in(const json& v, const std::string& where, double lo, double hi) const {
    const double d = number(v, where);
    if (d < lo || d > hi) {
      fail(where, format(d) + " is out of range [" + format(lo) + ", " + format(hi) + "]");
    }
    return d;
  }
  double number_in(const json& v, const std::string& where, limits::Range r) const {
    return number_in(v, where, r.lo, r.hi);
  }

  long long integer(const json& v, const std::string& where, long long lo, long long hi) const {
    if (!v.is_number_integer()) fail(where, "expected an integer, got " + type_name(v));
    if (v.is_number_unsigned() &&
        v.get<unsigned long long>() > static_cast<unsigned long long>(hi)) {
      fail(where,
           v.dump() + " is out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    }
    const long long i = v.get<long long>();
    if (i < lo || i > hi) {
      fail(where, std::to_string(i) + " is out of range [" + std::to_string(lo) + ", " +
                      std::to_string(hi) + "]");
    }
    return i;
  }

  std::string string(const json& v, const std::string& where) const {
    if (!v.is_string()) fail(where, "expected a string, got " + type_name(v));
    return v.get<std::string>();
  }

  static std::string type_name(const json& v) {
    if (v.is_number()) return "a number";
    return std::string(v.is_null()      ? "null"
                       : v.is_object()  ? "an object"
                       : v.is_array()   ? "an array"
                       : v.is_string()  ? "a string"
                       : v.is_boolean() ? "a boolean"
                                        : v.type_name());
  }

  static std::string format(double d) {
    std::ostringstream os;
    os << d;
    return os.str();
  }

 private:
  const std::string& source_;
};

template <class E>
E enum_field(const Reader& r, const json& v, const std::string& where, const char* choices) {
  const std::string s = r.string(v, where);
  E out{};
  if (!parse(s, out)) r.fail(where, "unknown value \"" + s + "\" (expected " + choices + ")");
  return out;
}

}  // namespace

// ---- JSON scenes: a SAX handler that validates as it reads ----
//
// Points go straight into the scene's vector; the few small top-level settings (W, b, loss, ...)
// are collected as small json values (at most kMaxSmallValues values each) and checked at the
// end; unknown fields are skipped without being stored. Nesting depth counts every array and
// object, the top-level object included.

namespace {

constexpr std::size_t kMaxSmallValues = 1000;  // W: 10 rows of 2 is 31 values

enum class Field {
  Points,
  W,
  b,
  loss,
  reg,
  reg_kind,
  delta,
  squared,
  elastic_beta,
  lr,
  optimizer,
  batch,
  momentum,
  beta1,
  beta2,
  epsilon,
  seed,
  class_names,
  version,
  gamma,
  alpha,
  class_weights,
  max_norm,
  Unknown
};
constexpr const char* kFieldNames[] = {"points",
                                       "W",
                                       "b",
                                       "loss",
                                       "reg",
                                       "reg_kind",
                                       "delta",
                                       "squared",
                                       "elastic_beta",
                                       "lr",
                                       "optimizer",
                                       "batch",
                                       "momentum",
                                       "beta1",
                                       "beta2",
                                       "epsilon",
                                       "seed",
                                       "class_names",
                                       "version",
                                       "gamma",
                                       "alpha",
                                       "class_weights",
                                       "max_norm"};
constexpr std::size_t kSmallFields = std::size(kFieldNames);

Field field_of(const std::string& key) {
  for (std::size_t i = 0; i < kSmallFields; ++i) {
    if (key == kFieldNames[i]) return static_cast<Field>(i);
  }
  return Field::Unknown;
}

// Up to three names in quotes: "a", "b", "c".
std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", \"" : "\"") + names[i] + "\"";
  return out;
}

class SceneSax {
 public:
  SceneSax(const Reader& r, Scene& s) : r_(r), s_(s) {}

  // nlohmann's SAX interface. Every fault throws LoadError; nothing returns false.
  bool null() { return scalar(json(nullptr)); }
  bool boolean(bool v) { return scalar(json(v)); }
  bool number_integer(json::number_integer_t v) { return scalar(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(json(v)); }
  bool number_float(json::number_float_t v, const std::string&) { return scalar(json(v)); }
  bool string(std::string& v) { return scalar(json(std::move(v))); }
  bool binary(json::binary_t&) { return scalar(json()); }  // never produced by JSON text
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k);
  [[noreturn]] bool parse_error(std::size_t, const std::string&,
                                const nlohmann::detail::exception& e) {
    // e.what() reads "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
    std::string msg = e.what();
    const auto pos = msg.find("] ");
    if (pos != std::string::npos) msg = msg.substr(pos + 2);
    r_.fail("", "invalid JSON: " + msg);
  }

  // What the file gave, for the checks that need all of it.
  bool has(Field f) const { return small_given_[static_cast<std::size_t>(f)]; }
  const json& small(Field f) const { return small_[static_cast<std::size_t>(f)]; }
  bool points_given() const { return points_given_; }
  int classes_from_w() const { return w_rows_; }  // 0 until W has been read
  std::vector<std::string> warnings(const std::string& source) const;

 private:
  enum class Frame : unsigned char { Top, Points, Point, Labels, Small, Skip };

  std::string point_where() const { return "points[" + std::to_string(s_.points.size()) + "]"; }
  static const char* point_field_name(int f) {
    return f == 0 ? "x" : f == 1 ? "y" : f == 2 ? "label" : "labels";
  }

  bool scalar(json v);
  bool open(bool object);
  bool close();
  void small_value(json v);  // adds v to the small value being collected
  void small_done();         // the small value of field_ is complete
  void point_value(const json& v);
  void label_value(const json& v);  // one entry of a point's "labels"

  const Reader& r_;
  Scene& s_;
  Frame stack_[kMaxJsonDepth] = {};
  int depth_ = 0;

  // Top level.
  std::unordered_set<std::string> seen_;
  Field field_ = Field::Unknown;  // of the key just read at the top level
  bool points_given_ = false;
  std::size_t unknown_count_ = 0;
  std::vector<std::string> unknown_first_;  // the first three unknown top-level names

  // Small values being collected: the value, the open containers in it, the key in an object.
  std::array<json, kSmallFields> small_;
  std::array<bool, kSmallFields> small_given_ = {};
  json small_root_;
  std::vector<json*> small_stack_;
  std::string small_key_;
  std::size_t small_values_ = 0;
  int w_rows_ = 0;

  // The point being read.
  Point point_;
  unsigned point_seen_ = 0;    // bits: x, y, label, labels
  int point_field_ = -1;       // 0 x, 1 y, 2 label, 3 labels, -1 unknown
  unsigned point_labels_ = 0;  // the "labels" read so far: bit k for label k
  int point_label_count_ = 0;  // entries of "labels" read so far
  int max_label_ = kMaxClasses - 1;

  // Unknown point fields over the whole file: how many points had each, and the last one that
  // did (a second time in the same point is a duplicate); the first three names in file order.
  struct Seen {
    std::size_t points = 0;
    std::size_t last = 0;
  };
  std::unordered_map<std::string, Seen> point_unknown_;
  std::vector<std::string> point_unknown_first_;
};

bool SceneSax::key(std::string& k) {
  const Frame f = stack_[depth_ - 1];
  if (f == Frame::Top) {
    if (!seen_.insert(k).second) r_.fail("", "duplicate field \"" + k + "\"");
    field_ = field_of(k);
    if (field_ == Field::Unknown) {
      if (unknown_first_.size() < 3) unknown_first_.push_back(k);
      ++unknown_count_;
    }
  } else if (f == Frame::Point) {
    point_field_ = k == "x" ? 0 : k == "y" ? 1 : k == "label" ? 2 : k == "labels" ? 3 : -1;
    if (point_field_ >= 0) {
      if (point_seen_ & (1u << point_field_))
        r_.fail(point_where(), "duplicate field \"" + k + "\"");
      point_seen_ |= 1u << point_field_;
    } else {
      const std::size_t index = s_.points.size();
      auto [it, added] = point_unknown_.try_emplace(k);
      if (added) {
        if (point_unknown_first_.size() < 3) point_unknown_first_.push_back(k);
      } else if (it->second.last == index) {
        r_.fail(point_where(), "duplicate field \"" + k + "\"");
      }
      ++it->second.points;
      it->second.last = index;
    }
  } else if (f == Frame::Small) {
    small_key_ = std::move(k);
  }
  return true;
}

bool SceneSax::scalar(json v) {
  if (depth_ == 0) r_.fail("", "expected a JSON object at the top level");
  switch (stack_[depth_ - 1]) {
    case Frame::Top:
      if (field_ == Field::Points) {
        r_.fail("points", "expected an array, got " + Reader::type_name(v));
      } else if (field_ != Field::Unknown) {
        small_root_ = std::move(v);
        small_done();
      }
      break;
    case Frame::Points:
      r_.fail(point_where(), "expected an object {\"x\", \"y\", \"label\"}");
    case Frame::Point:
      point_value(v);
      break;
    case Frame::Labels:
      label_value(v);
      break;
    case Frame::Small:
      small_value(std::move(v));
      break;
    case Frame::Skip:
      break;
  }
  return true;
}

void SceneSax::point_value(const json& v) {
  // The common case without building "points[i].x"; anything else gets the full message.
  if (point_field_ == 0 || point_field_ == 1) {
    double& out = point_field_ == 0 ? point_.x0 : point_.x1;
    if (v.is_number() && std::abs(v.get<double>()) <= kMaxCoordinate) {
      out = v.get<double>();
    } else {
      out = r_.number_in(v, point_where() + "." + point_field_name(point_field_), -kMaxCoordinate,
                         kMaxCoordinate);
    }
  } else if (point_field_ == 2) {
    if (v.is_number_unsigned() &&
        v.get<std::uint64_t>() <= static_cast<std::uint64_t>(max_label_)) {
      point_.label = static_cast<int>(v.get<std::uint64_t>());
    } else {
      point_.label = static_cast<int>(r_.integer(v, point_where() + ".label", 0, max_label_));
    }
  } else if (point_field_ == 3) {
    r_.fail(point_where() + ".labels",
            "expected an array of labels such as [0, 2], got " + Reader::type_name(v));
  }  // unknown fields: counted in key(), the value is ignored
}

void SceneSax::label_value(const json& v) {
  const std::string where = point_where() + ".labels[" + std::to_string(point_label_count_) + "]";
  const int k = static_cast<int>(r_.integer(v, where, 0, max_label_));
  if (point_labels_ & (1u << k)) r_.fail(where, "label " + std::to_string(k) + " is listed twice");
  point_labels_ |= 1u << k;
  ++point_label_count_;
}

bool SceneSax::open(bool object) {
  if (depth_ == 0) {
    if (!object) r_.fail("", "expected a JSON object at the top level");
    stack_[depth_++] = Frame::Top;
    return true;
  }
  if (depth_ >= kMaxJsonDepth) {
    r_.fail("", "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  const char* kind = object ? "an object" : "an array";
  Frame next = Frame::Skip;
  switch (stack_[depth_ - 1]) {
    case Frame::Top:
      if (field_ == Field::Points) {
        if (object) r_.fail("points", std::string("expected an array, got ") + kind);
        points_given_ = true;
        next = Frame::Points;
      } else if (field_ != Field::Unknown) {
        small_root_ = object ? json::object() : json::array();
        small_stack_.assign(1, &small_root_);
        small_values_ = 1;
        next = Frame::Small;
      }
      break;
    case Frame::Points:
      if (!object) r_.fail(point_where(), "expected an object {\"x\", \"y\", \"label\"}");
      if (s_.points.size() >= kMaxPoints) {
        r_.fail(point_where(), "too many points; the limit is " + std::to_string(kMaxPoints));
      }
      point_ = Point{};
      point_seen_ = 0;
      next = Frame::Point;
      break;
    case Frame::Point:
      if (point_field_ == 3 && !object) {
        point_labels_ = 0;
        point_label_count_ = 0;
        next = Frame::Labels;
      } else if (point_field_ == 3) {
        r_.fail(point_where() + ".labels",
                "expected an array of labels such as [0, 2], got " + std::string(kind));
      } else if (point_field_ >= 0) {
        r_.fail(point_where() + "." + point_field_name(point_field_),
                std::string(point_field_ == 2 ? "expected an integer, got "
                                              : "expected a number, got ") +
                    kind);
      }
      break;
    case Frame::Labels:
      r_.fail(point_where() + ".labels[" + std::to_string(point_label_count_) + "]",
              std::string("expected an integer, got ") + kind);
    case Frame::Small: {
      small_value(object ? json::object() : json::array());
      json& parent = *small_stack_.back();
      small_stack_.push_back(parent.is_array() ? &parent.back() : &parent[small_key_]);
      next = Frame::Small;
      break;
    }
    case Frame::Skip:
      break;
  }
  stack_[depth_++] = next;
  return true;
}

bool SceneSax::close() {
  const Frame f = stack_[--depth_];
  if (f == Frame::Point) {
    for (int i = 0; i < 2; ++i) {
      if (!(point_seen_ & (1u << i)))
        r_.fail(point_where(), std::string("missing \"") + point_field_name(i) + "\"");
    }
    if ((point_seen_ & 12u) == 12u)
      r_.fail(point_where(), "has both \"label\" and \"labels\" (give one)");
    if ((point_seen_ & 12u) == 0u)
      r_.fail(point_where(), "missing \"label\" (or \"labels\" for a multi-label point)");
    s_.points.push_back(point_);
  } else if (f == Frame::Labels) {
    if (point_labels_ == 0)
      r_.fail(point_where() + ".labels", "is empty; a point needs at least one label");
    point_.set_label_mask(point_labels_);
  } else if (f == Frame::Small) {
    small_stack_.pop_back();
    if (small_stack_.empty()) small_done();
  }
  return true;
}

void SceneSax::small_value(json v) {
  if (++small_values_ > kMaxSmallValues) {
    r_.fail(kFieldNames[static_cast<std::size_t>(field_)],
            "too large (more than " + std::to_string(kMaxSmallValues) + " values)");
  }
  json& parent = *small_stack_.back();
  if (parent.is_array()) {
    parent.push_back(std::move(v));
  } else {
    parent[small_key_] = std::move(v);
  }
}

// Reads W as soon as it is complete: from then on, labels are checked against its K as they come.
void SceneSax::small_done() {
  const auto i = static_cast<std::size_t>(field_);
  small_[i] = std::move(small_root_);
  small_given_[i] = true;
  if (field_ != Field::W) return;
  const json& w = small_[i];
  if (!w.is_array())
    r_.fail("W", "expected an array of [w0, w1] rows, got " + Reader::type_name(w));
  if (w.size() < static_cast<std::size_t>(kMinClasses) ||
      w.size() > static_cast<std::size_t>(kMaxClasses)) {
    r_.fail("W", "has " + std::to_string(w.size()) + " rows; the number of classes must be 2 to " +
                     std::to_string(kMaxClasses));
  }
  const int K = static_cast<int>(w.size());
  s_.params.W.resize(K, 2);
  for (int k = 0; k < K; ++k) {
    const std::string where = "W[" + std::to_string(k) + "]";
    const json& row = w[static_cast<std::size_t>(k)];
    if (!row.is_array() || row.size() != 2) r_.fail(where, "expected a row of 2 numbers");
    s_.params.W(k, 0) = r_.number_in(row[0], where + "[0]", -kParamBound, kParamBound);
    s_.params.W(k, 1) = r_.number_in(row[1], where + "[1]", -kParamBound, kParamBound);
  }
  w_rows_ = K;
  max_label_ = K - 1;
}

std::vector<std::string> SceneSax::warnings(const std::string& source) const {
  std::vector<std::string> out;
  if (unknown_count_ == 1) {
    out.push_back(source + ": unknown field \"" + unknown_first_[0] + "\" ignored");
  } else if (unknown_count_ > 1) {
    std::string line = source + ": " + std::to_string(unknown_count_) +
                       " unknown fields ignored: " + quoted_list(unknown_first_);
    if (unknown_count_ > unknown_first_.size()) {
      line += " and " + std::to_string(unknown_count_ - unknown_first_.size()) + " more";
    }
    out.push_back(line);
  }
  if (!point_unknown_.empty()) {
    std::string line =
        source + ": points: unknown field" + (point_unknown_.size() > 1 ? "s " : " ");
    for (std::size_t i = 0; i < point_unknown_first_.size(); ++i) {
      const std::string& name = point_unknown_first_[i];
      const std::size_t count = point_unknown_.at(name).points;
      line += (i ? ", \"" : "\"") + name + "\" (in " + std::to_string(count) +
              (count == 1 ? " point)" : " points)");
    }
    if (point_unknown_.size() > 3)
      line += " and " + std::to_string(point_unknown_.size() - 3) + " more";
    out.push_back(line + " ignored");
  }
  return out;
}

}  // namespace

namespace {
// The smallest text a point can take: {"x":0,"y":0,"label":0} and a comma.
constexpr std::size_t kMinPointBytes = 24;

// The bytes the point count looks at: quotes, brackets, braces, commas.
constexpr std::array<bool, 256> kStructural = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : std::string_view("\"{}[],")) t[c] = true;
  return t;
}();
}  // namespace

bool too_many_json_points(std::string_view text) {
  if (text.size() <= kMinPointBytes * kMaxPoints) return false;
  const char* p = text.data();
  const char* const end = p + text.size();
  int depth = 0;
  bool expect_key = false;  // at depth 1, after '{' or ','
  bool points_key = false;  // the last key at depth 1 was "points"
  bool in_points = false;   // inside its array
  std::size_t objects = 0;
  while (p < end) {
    if (!kStructural[static_cast<unsigned char>(*p)]) {
      ++p;
      continue;
    }
    const char c = *p++;
    switch (c) {
      case '"': {
        const char* start = p;
        while (p < end && *p != '"') {
          if (*p == '\\' && end - p < 2) return false;
          p += *p == '\\' ? 2 : 1;
        }
        if (p == end) return false;
        if (depth == 1 && expect_key) {
          points_key = std::string_view(start, static_cast<std::size_t>(p - start)) == "points";
          expect_key = false;
        } else if (depth == 1 && points_key) {
          return false;  // "points" is a string: the parser says so
        }
        ++p;
        break;
      }
      case '{':
      case '[':
        if (depth == 1 && points_key) {
          if (c == '{') return false;
          in_points = true;
          points_key = false;
        } else if (depth == 2 && in_points && c == '{' && ++objects > kMaxPoints) {
          return true;
        }
        ++depth;
        if (depth == 1) expect_key = c == '{';
        break;
      case '}':
      case ']':
        --depth;
        if (depth == 1 && in_points) return false;  // the whole array counted
        if (depth <= 0) return false;
        break;
      case ',':
        if (depth == 1) expect_key = true;
        break;
      default:
        break;
    }
  }
  return false;
}

namespace {

// The parser's input: the text's characters, reporting every MiB how far it has read.
class ProgressIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  static constexpr std::size_t kEvery = std::size_t{1} << 20;

  ProgressIterator(std::string_view text, std::size_t at, const LoadProgress* progress)
      : text_(text), at_(at), progress_(progress) {}
  reference operator*() const { return text_[at_]; }
  ProgressIterator& operator++() {
    if ((++at_ & (kEvery - 1)) == 0 && *progress_)
      (*progress_)(static_cast<double>(at_) / static_cast<double>(text_.size()));
    return *this;
  }
  ProgressIterator operator++(int) {
    ProgressIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const ProgressIterator& o) const { return at_ == o.at_; }

 private:
  std::string_view text_;
  std::size_t at_;
  const LoadProgress* progress_;
};

}  // namespace

LoadResult parse_scene_json(std::string_view text, const std::string& source,
                            const LoadProgress& progress) {
  const Reader r(source);
  if (text.size() > kMaxFileBytes) r.fail("", "input is larger than the 256 MiB limit");

  LoadResult out;
  Scene& s = out.scene;
  s = default_scene();
  s.points.clear();
  if (too_many_json_points(text)) {
    r.fail("points[" + std::to_string(kMaxPoints) + "]",
           "too many points; the limit is " + std::to_string(kMaxPoints));
  }
  SceneSax sax(r, s);
  // Strict: anything after the top-level object is an error. LoadError passes through.
  if (progress) {
    json::sax_parse(ProgressIterator(text, 0, &progress),
                    ProgressIterator(text, text.size(), &progress), &sax);
    progress(1.0);
  } else {
    json::sax_parse(text.begin(), text.end(), &sax);
  }
  out.warnings = sax.warnings(source);
  auto given = [&](Field f) { return sax.has(f); };
  auto value = [&](Field f) -> const json& { return sax.small(f); };

  // W (already read) fixes K; b needs it.
  int K = sax.classes_from_w();
  if (K > 0) {
    if (given(Field::b)) {
      const json& b = value(Field::b);
      if (!b.is_array()) r.fail("b", "expected an array of numbers, got " + Reader::type_name(b));
      if (b.size() != static_cast<std::size_t>(K)) {
        r.fail("b", "has " + std::to_string(b.size()) + " entries but W has " + std::to_string(K) +
                        " rows");
      }
      s.params.b.resize(K);
      for (int k = 0; k < K; ++k) {
        s.params.b(k) = r.number_in(b[static_cast<std::size_t>(k)], "b[" + std::to_string(k) + "]",
                                    -kParamBound, kParamBound);
      }
    } else {
      s.params.b = BiasVector::Zero(K);
    }
  } else if (given(Field::b)) {
    r.fail("b", "given without W");
  }

  if (!sax.points_given()) {  // no "points" at all: the demo's ("points": [] is none)
    s.points = default_scene().points;
    if (K > 0 && K < 3) {
      r.fail("W", "has " + std::to_string(K) +
                      " rows, but the demo's points used when \"points\" is absent have 3 classes "
                      "(write \"points\": [] for none)");
    }
  }
  if (K > 0) {  // points read before W were checked against kMaxClasses only
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const Point& pt = s.points[i];
      if (pt.labels != 0 && (pt.label_mask() >> K) != 0) {
        const int bad = static_cast<int>(std::bit_width(pt.label_mask())) - 1;
        r.fail(
            "points[" + std::to_string(i) + "].labels",
            "label " + std::to_string(bad) + " is out of range [0, " + std::to_string(K - 1) + "]");
      }
      if (pt.label >= K) {
        r.fail("points[" + std::to_string(i) + "].label",
               std::to_string(pt.label) + " is out of range [0, " + std::to_string(K - 1) + "]");
      }
    }
  } else {  // no W: K from the labels, the demo's weights for 3 classes
    int max_label = 0;
    for (const Point& p : s.points)
      max_label = std::max(max_label, static_cast<int>(std::bit_width(p.label_mask())) - 1);
    K = s.points.empty() ? 3 : std::max(max_label + 1, kMinClasses);
    s.params = default_params(K);
  }

  LossSettings& l = s.loss;
  if (given(Field::loss))
    l.kind = enum_field<LossKind>(r, value(Field::loss), "loss",
                                  "ww, ova, structured, softmax, sigmoid or focal");
  if (l.kind != LossKind::Sigmoid) {
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      if (s.points[i].labels == 0) continue;
      r.fail("points[" + std::to_string(i) + "].labels",
             "a multi-label point; only the sigmoid loss accepts them (the scene's \"loss\" is \"" +
                 std::string(to_string(l.kind)) + "\"" +
                 (given(Field::loss) ? "" : ", the default") + "; write \"loss\": \"sigmoid\")");
    }
  }
  if (given(Field::reg)) l.lambda = r.number_in(value(Field::reg), "reg", limits::kReg);
  if (given(Field::reg_kind))
    l.reg = enum_field<RegKind>(r, value(Field::reg_kind), "reg_kind", "l2, l1 or elastic");
  if (given(Field::delta)) l.delta = r.number_in(value(Field::delta), "delta", limits::kDelta);
  if (given(Field::elastic_beta))
    l.elastic_beta = r.number_in(value(Field::elastic_beta), "elastic_beta", limits::kElasticBeta);
  if (given(Field::squared)) {
    if (!value(Field::squared).is_boolean()) r.fail("squared", "expected true or false");
    l.squared = value(Field::squared).get<bool>();
  }
  if (given(Field::gamma)) l.gamma = r.number_in(value(Field::gamma), "gamma", limits::kGamma);
  if (given(Field::alpha)) {
    l.alpha = r.number_in(value(Field::alpha), "alpha", limits::kAlpha);
    if (l.alpha <= 0.0) r.fail("alpha", "the focal scale must be positive");
  }
  if (given(Field::class_weights)) {
    const json& w = value(Field::class_weights);
    if (!w.is_array() || w.size() != static_cast<std::size_t>(K)) {
      r.fail("class_weights",
             "expected an array of " + std::to_string(K) + " numbers (one per class)");
    }
    for (std::size_t k = 0; k < w.size(); ++k) {
      l.class_weights.push_back(
          r.number_in(w[k], "class_weights[" + std::to_string(k) + "]", limits::kClassWeight));
    }
  }

  OptimizerSettings& o = s.optimizer;
  if (given(Field::optimizer))
    o.kind = enum_field<OptimizerKind>(r, value(Field::optimizer), "optimizer",
                                       "gd, sgd, momentum or adam");
  if (given(Field::lr)) {
    o.lr = r.number_in(value(Field::lr), "lr", limits::kLr);
    if (o.lr <= 0.0) r.fail("lr", "the step size must be positive");
  }
  if (given(Field::batch))
    o.batch = static_cast<int>(
        r.integer(value(Field::batch), "batch", limits::kMinBatch, limits::kMaxBatch));
  if (given(Field::momentum))
    o.momentum = r.number_in(value(Field::momentum), "momentum", limits::kMomentum);
  if (given(Field::beta1)) o.beta1 = r.number_in(value(Field::beta1), "beta1", limits::kBeta);
  if (given(Field::beta2)) o.beta2 = r.number_in(value(Field::beta2), "beta2", limits::kBeta);
  if (given(Field::epsilon))
    o.epsilon = r.number_in(value(Field::epsilon), "epsilon", limits::kEpsilon);
  if (given(Field::seed))
    o.seed = static_cast<std::uint64_t>(r.integer(value(Field::seed), "seed", 0, limits::kMaxSeed));
  if (given(Field::max_norm))
    o.max_norm = r.number_in(value(Field::max_norm), "max_norm", limits::kMaxNorm);

  if (given(Field::class_names)) {
    const json& names = value(Field::class_names);
    if (!names.is_array() || names.size() != static_cast<std::size_t>(K)) {
      r.fail("class_names", "expected an array of " + std::to_string(K) + " strings");
    }
    for (std::size_t k = 0; k < names.size(); ++k) {
      const std::string where = "class_names[" + std::to_string(k) + "]";
      std::string name = r.string(names[k], where);
      if (name.size() > kMaxClassNameBytes) {
        r.fail(where, "is " + std::to_string(name.size()) + " bytes long; the limit is " +
                          std::to_string(kMaxClassNameBytes) + " bytes");
      }
      s.class_names.push_back(std::move(name));
    }
  }
  return out;
}

LoadResult parse_points_csv(std::string_view text, const std::string& source) {
  if (text.size() > kMaxFileBytes)
    throw LoadError(source + ": input is larger than the 256 MiB limit");
  LoadResult out;
  Scene& s = out.scene;
  s = default_scene();
  s.points.clear();
  std::size_t line_no = 0;
  std::size_t pos = 0;
  bool first_data_line = true;
  auto fail = [&](const std::string& what) {
    throw LoadError(source + ": line " + std::to_string(line_no) + ": " + what);
  };
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;

    std::string_view fields[3];
    std::size_t count = 0, start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      std::string_view f = line.substr(
          start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      const auto a = f.find_first_not_of(" \t"), b = f.find_last_not_of(" \t");
      f = a == std::string_view::npos ? std::string_view{} : f.substr(a, b - a + 1);
      if (count < 3) fields[count] = f;
      ++count;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    double x = 0, y = 0;
    long label = 0;
    auto num = [](std::string_view f, double& v) {
      if (!f.empty() && f.front() == '+') f.remove_prefix(1);
      auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
      return ec == std::errc() && p == f.data() + f.size() && !f.empty();
    };
    auto integer = [](std::string_view f, long& v) {
      auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
      return ec == std::errc() && p == f.data() + f.size() && !f.empty();
    };
    const bool numeric = count >= 1 && num(fields[0], x);
    double scratch = 0.0;
    const bool header = first_data_line && !numeric && !(count >= 2 && num(fields[1], scratch)) &&
                        !(count >= 3 && num(fields[2], scratch));
    if (header) {  // e.g. "x,y,label": no field is a number
      first_data_line = false;
      continue;
    }
    first_data_line = false;
    if (count != 3) fail("expected 3 fields x,y,label, found " + std::to_string(count));
    if (!numeric) fail("x \"" + std::string(fields[0]) + "\" is not a number");
    if (!num(fields[1], y)) fail("y \"" + std::string(fields[1]) + "\" is not a number");
    if (!std::isfinite(x) || !std::isfinite(y)) fail("coordinates must be finite");
    if (std::abs(x) > kMaxCoordinate || std::abs(y) > kMaxCoordinate) {
      fail("coordinates must be within +-1e6");
    }
    if (!integer(fields[2], label))
      fail("label \"" + std::string(fields[2]) + "\" is not an integer");
    if (label < 0 || label >= kMaxClasses)
      fail("label " + std::to_string(label) + " is out of range [0, 7]");
    if (s.points.size() >= kMaxPoints) fail("more than 1000000 points");
    s.points.push_back({x, y, static_cast<int>(label)});
  }
  int max_label = 0;
  for (const Point& p : s.points) max_label = std::max(max_label, p.label);
  s.params = default_params(std::max(max_label + 1, kMinClasses));
  return out;
}

LoadResult load_scene(const std::filesystem::path& path, const LoadProgress& progress) {
  std::string text;
  try {
    text = read_file(path, kMaxFileBytes);
  } catch (const std::runtime_error& e) {
    throw LoadError(e.what());
  }
  const std::string name = path.string();
  if (path.extension() == ".csv") return parse_points_csv(text, name);
  return parse_scene_json(text, name, progress);
}

std::string scene_to_json(const Scene& s) {
  // Hand-laid-out for people who edit scenes: settings first, one point per line. Every value
  // is written by nlohmann (shortest text that reads back to the same double).
  json w = json::array();
  for (int k = 0; k < s.classes(); ++k) w.push_back({s.params.W(k, 0), s.params.W(k, 1)});
  const json b = std::vector<double>(s.params.b.data(), s.params.b.data() + s.params.b.size());
  const std::pair<const char*, json> fields[] = {
      {"version", 1},
      {"loss", to_string(s.loss.kind)},
      {"delta", s.loss.delta},
      {"squared", s.loss.squared},
      {"reg", s.loss.lambda},
      {"reg_kind", to_string(s.loss.reg)},
      {"elastic_beta", s.loss.elastic_beta},
      {"optimizer", to_string(s.optimizer.kind)},
      {"lr", s.optimizer.lr},
      {"batch", s.optimizer.batch},
      {"momentum", s.optimizer.momentum},
      {"beta1", s.optimizer.beta1},
      {"beta2", s.optimizer.beta2},
      {"epsilon", s.optimizer.epsilon},
      {"seed", s.optimizer.seed},
      {"W", w},
      {"b", b},
  };
  std::string out = "{\n";
  for (const auto& [key, value] : fields) {
    out += "  \"" + std::string(key) + "\": " + value.dump() + ",\n";
  }
  // The newer settings only when they matter, so that older scenes save as they always did.
  const LossSettings defaults;
  if (s.loss.kind == LossKind::Focal || s.loss.gamma != defaults.gamma ||
      s.loss.alpha != defaults.alpha) {
    out += "  \"gamma\": " + json(s.loss.gamma).dump() + ",\n";
    out += "  \"alpha\": " + json(s.loss.alpha).dump() + ",\n";
  }
  if (!s.loss.class_weights.empty())
    out += "  \"class_weights\": " + json(s.loss.class_weights).dump() + ",\n";
  if (s.optimizer.max_norm != 0.0)
    out += "  \"max_norm\": " + json(s.optimizer.max_norm).dump() + ",\n";
  if (!s.class_names.empty()) out += "  \"class_names\": " + json(s.class_names).dump() + ",\n";
  out += "  \"points\": [";
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const Point& p = s.points[i];
    out += (i == 0 ? "\n    " : ",\n    ");
    out += "{\"x\": " + json(p.x0).dump() + ", \"y\": " + json(p.x1).dump();
    if (p.labels == 0) {
      out += ", \"label\": " + std::to_string(p.label) + "}";
    } else {
      out += ", \"labels\": [";
      for (int k = 0, n = 0; k < 16; ++k) {
        if (p.labels & (1u << k)) out += (n++ ? ", " : "") + std::to_string(k);
      }
      out += "]}";
    }
  }
  out += s.points.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

void save_scene(const Scene& scene, const std::filesystem::path& path) {
  write_file_atomic(path, scene_to_json(scene));
}

}  // namespace ll
