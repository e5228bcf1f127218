#pragma once
// A whole setup as one line of text to paste anywhere: "losslab:" followed by the base64
// (RFC 4648, standard alphabet, padded) of the zlib-compressed bytes
//   SCENE_JSON [ '\0' VIEW_JSON ]
// where SCENE_JSON is the scene exactly as a scene file holds it (scene_to_json) and VIEW_JSON,
// optional, is the window's view (a JSON object the app defines; core only checks that it is
// one). Decoding runs the scene files' own validation (parse_scene_json) on SCENE_JSON, so a
// setup text is accepted exactly when the same scene file would be. Every fault is one line:
// a bad prefix, bad base64, bad zlib data, a text or scene over the size limits, or the
// loader's message about the scene.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/scene.h"
#include "core/scene_io.h"

namespace ll {

inline constexpr std::string_view kSharePrefix = "losslab:";
// The longest setup text accepted (a million-point scene compresses to about a third of its
// 70 MB JSON); the inflated payload may be at most kMaxFileBytes (256 MiB), like a file.
inline constexpr std::size_t kMaxShareTextBytes = 128u << 20;

inline constexpr std::size_t kMaxShareViewBytes = 64u << 10;

class ShareError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SharedSetup {
  Scene scene;
  std::string view_json;              // "" when the text carries no view
  std::vector<std::string> warnings;  // the scene loader's (unknown fields)
};

// True when `text` (leading and trailing white space ignored) starts with the prefix: the
// command line then takes it as a setup text rather than a file name.
bool looks_like_share_text(std::string_view text);

std::string encode_share(const Scene& scene, const std::string& view_json = {});
// Throws ShareError with one line (no newline) naming the fault.
// `max_payload`: the inflated limit (the files' kMaxFileBytes; smaller in tests).
SharedSetup decode_share(std::string_view text, std::size_t max_payload = kMaxFileBytes);

// The two codecs on their own (tested separately).
std::string base64_encode(std::string_view bytes);
// False on a character outside the alphabet, a bad length or bad padding.
bool base64_decode(std::string_view text, std::string& out);

}  // namespace ll
