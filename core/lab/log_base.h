#pragma once
// The base of a logarithm shown in the labs: nats (e), bits (2) or log10 (the slides' -log(0.13)
// = 0.89 is log10; in nats it is 2.04). Every lab quantity is computed in nats and converted
// here, once.
#include <string>

namespace ll::lab {

enum class LogBase { E, Two, Ten };

// ln of the base: 1, ln 2, ln 10.
double ln_of(LogBase b);
// A value in nats expressed in base b (exact for b = e).
double from_nats(double nats, LogBase b);
// "e", "2", "10" (as on the command line) and back; parse returns false on anything else.
const char* to_string(LogBase b);
bool parse(const std::string& s, LogBase& out);
// "nats", "bits", "log10 units".
const char* unit_name(LogBase b);

}  // namespace ll::lab
