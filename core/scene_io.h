#pragma once
// Scene files (JSON) and point tables (CSV x,y,label). Loading validates everything and either
// returns a whole scene or throws LoadError naming the source, the field or line, and the fault.
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/scene.h"

namespace ll {

inline constexpr std::size_t kMaxFileBytes = 256u << 20;  // 256 MiB
// At most this many nested arrays/objects, the top-level object counting as one: 16 loads, 17 not.
inline constexpr int kMaxJsonDepth = 16;

class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LoadResult {
  Scene scene;
  std::vector<std::string> warnings;  // unknown fields that were ignored, one line per kind
};

// `source` names the input in messages (usually the file name). Streams the text (linear time,
// no document tree); a missing field is the demo's (default_scene()), points included, so "{}"
// is the demo scene and "points": [] none. Duplicate keys and more than kMaxPoints points are
// errors, the latter as soon as the count passes.
// A point has "x", "y" and either "label": k or, for a multi-label point, "labels": [k, ...]
// (non-empty, no label twice, each below K; one label is the same as "label"). Only the
// sigmoid loss accepts multi-label points: under another "loss" such a file is refused, naming
// the first one. Multi-label points save as "labels", the others as "label".
// `progress`, when given, is called with the fraction of the text read (in (0, 1], about every
// MiB); it may throw to abandon the load (a cancelled job), and that exception passes through.
using LoadProgress = std::function<void(double fraction)>;
LoadResult parse_scene_json(std::string_view text, const std::string& source,
                            const LoadProgress& progress = {});
// True when the top-level "points" array of `text` holds more than kMaxPoints objects: a byte
// scan of strings and nesting only, several times faster than parsing, which parse_scene_json runs
// first so that an oversized file is refused without parsing its first million points. Exact for
// valid JSON; for other text it may miss (the parser then finds the fault) but never counts
// objects that are not there. Texts too short to hold that many points are not scanned.
bool too_many_json_points(std::string_view text);
// Rows "x,y,label"; an optional header row; blank lines and '#' comments are skipped.
// Settings and weights are the demo's (K = max(label) + 1, at least 2).
LoadResult parse_points_csv(std::string_view text, const std::string& source);
// By extension: .csv is a point table, anything else a JSON scene. Only regular files are read
// (FIFOs, devices, sockets and folders are refused without blocking).
LoadResult load_scene(const std::filesystem::path& path, const LoadProgress& progress = {});

std::string scene_to_json(const Scene& scene);
// Atomic: a temporary file then rename. Throws std::runtime_error.
void save_scene(const Scene& scene, const std::filesystem::path& path);

}  // namespace ll
