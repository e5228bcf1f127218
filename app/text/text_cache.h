#pragma once
// Typeset images cached by (markup, style): a renderer (the window's GL textures) turns each
// new image into a handle once, and draws the handle every frame after that. Pango runs only on
// a miss. Entries not used for `max_idle_frames` frames are released. Backend-free: the
// upload/release functions are the renderer's; counts of hits and misses are for tests and
// benchmarks. One cache per window (not shared between threads).
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "app/text/typeset.h"

namespace ll::text {

class TextCache {
 public:
  using Handle = std::uintptr_t;
  // What a drawn entry needs: the handle and the image's geometry (no pixels kept).
  struct Entry {
    Handle handle = 0;
    int width = 0, height = 0;
    int origin_x = 0, origin_y = 0;
    TextMetrics metrics;
    std::uint64_t last_used = 0;  // frame
  };
  using Upload = std::function<Handle(const TextImage&)>;
  using Release = std::function<void(Handle)>;

  TextCache(Upload upload, Release release, std::uint64_t max_idle_frames = 300);
  ~TextCache();  // releases every handle
  TextCache(const TextCache&) = delete;
  TextCache& operator=(const TextCache&) = delete;

  // The entry of (markup, style), typeset and uploaded on a miss.
  const Entry& get(std::string_view markup, const TextStyle& style);
  // Ends a frame: entries unused for max_idle_frames frames are released.
  void end_frame();
  void clear();  // releases everything (e.g. before the renderer's context goes)

  std::size_t size() const { return entries_.size(); }
  std::uint64_t hits() const { return hits_; }
  std::uint64_t misses() const { return misses_; }  // = typeset (Pango) runs
  std::uint64_t frame() const { return frame_; }

 private:
  using Key = std::tuple<std::string, std::int64_t, std::uint32_t, bool, int>;
  static Key key_of(std::string_view markup, const TextStyle& style);
  Upload upload_;
  Release release_;
  std::uint64_t max_idle_;
  std::map<Key, Entry, std::less<>> entries_;
  std::uint64_t frame_ = 0, hits_ = 0, misses_ = 0;
};

}  // namespace ll::text
