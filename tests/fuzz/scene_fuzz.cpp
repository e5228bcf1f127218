// libFuzzer target for the scene loaders (JSON scenes and CSV point tables). Any input must
// either load or throw LoadError; anything else (a crash, another exception, a sanitizer report)
// is a bug. A loaded scene must survive a save/load round trip unchanged.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/scene_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool csv : {false, true}) {
    ll::LoadResult r;
    try {
      r = csv ? ll::parse_points_csv(text, "fuzz.csv") : ll::parse_scene_json(text, "fuzz.json");
    } catch (const ll::LoadError&) {
      continue;
    }
    const ll::Scene back = ll::parse_scene_json(ll::scene_to_json(r.scene), "roundtrip").scene;
    if (!(back == r.scene)) std::abort();
  }
  return 0;
}
