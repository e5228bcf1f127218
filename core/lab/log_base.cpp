#include "core/lab/log_base.h"

#include <numbers>

namespace ll::lab {

double ln_of(LogBase b) {
  switch (b) {
    case LogBase::E:
      return 1.0;
    case LogBase::Two:
      return std::numbers::ln2;
    case LogBase::Ten:
      return std::numbers::ln10;
  }
  return 1.0;
}

double from_nats(double nats, LogBase b) { return b == LogBase::E ? nats : nats / ln_of(b); }

const char* to_string(LogBase b) {
  switch (b) {
    case LogBase::E:
      return "e";
    case LogBase::Two:
      return "2";
    case LogBase::Ten:
      return "10";
  }
  return "e";
}

bool parse(const std::string& s, LogBase& out) {
  if (s == "e") {
    out = LogBase::E;
  } else if (s == "2") {
    out = LogBase::Two;
  } else if (s == "10") {
    out = LogBase::Ten;
  } else {
    return false;
  }
  return true;
}

const char* unit_name(LogBase b) {
  switch (b) {
    case LogBase::E:
      return "nats";
    case LogBase::Two:
      return "bits";
    case LogBase::Ten:
      return "log10 units";
  }
  return "nats";
}

}  // namespace ll::lab
