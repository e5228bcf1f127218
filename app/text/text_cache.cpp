#include "app/text/text_cache.h"

#include <cmath>
#include <utility>

namespace ll::text {

TextCache::TextCache(Upload upload, Release release, std::uint64_t max_idle_frames)
    : upload_(std::move(upload)), release_(std::move(release)), max_idle_(max_idle_frames) {}

TextCache::~TextCache() { clear(); }

TextCache::Key TextCache::key_of(std::string_view markup, const TextStyle& style) {
  // Sizes to 1/64 px: the same font size always hits, whatever float arithmetic made it.
  return {std::string(markup), std::llround(style.px * 64.0), style.rgba, style.bold,
          style.wrap_width};
}

const TextCache::Entry& TextCache::get(std::string_view markup, const TextStyle& style) {
  Key key = key_of(markup, style);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    ++hits_;
    it->second.last_used = frame_;
    return it->second;
  }
  ++misses_;
  const TextImage img = typeset(markup, style);
  Entry e;
  e.handle = upload_ ? upload_(img) : 0;
  e.width = img.width;
  e.height = img.height;
  e.origin_x = img.origin_x;
  e.origin_y = img.origin_y;
  e.metrics = img.metrics;
  e.last_used = frame_;
  return entries_.emplace(std::move(key), e).first->second;
}

void TextCache::end_frame() {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (frame_ - it->second.last_used >= max_idle_) {
      if (release_) release_(it->second.handle);
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
  ++frame_;
}

void TextCache::clear() {
  if (release_)
    for (auto& [key, e] : entries_) release_(e.handle);
  entries_.clear();
}

}  // namespace ll::text
