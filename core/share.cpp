#include "core/share.h"

#include <zlib.h>

#include <array>
#include <nlohmann/json.hpp>

#include "core/scene_io.h"

namespace ll {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string_view trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

std::string compress(const std::string& bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uLong>(bytes.size()),
                Z_BEST_COMPRESSION) != Z_OK)
    throw std::runtime_error("setup text: compressing failed");
  out.resize(size);
  return out;
}

// Inflates a zlib stream, refusing more than `limit` bytes of output (a zip bomb stops there).
std::string inflate_limited(const std::string& in, std::size_t limit) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) throw ShareError("setup text: zlib could not start");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  std::array<char, 1 << 16> buf{};
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf.data(), buf.size() - z.avail_out);
    if (out.size() > limit) {
      inflateEnd(&z);
      throw ShareError("setup text: the scene is over " + std::to_string(limit >> 20) +
                       " MiB uncompressed (the scene files' limit)");
    }
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
      rc = Z_BUF_ERROR;  // input ended before the stream did
      break;
    }
  }
  const bool trailing = rc == Z_STREAM_END && z.avail_in != 0;
  inflateEnd(&z);
  if (rc != Z_STREAM_END)
    throw ShareError("setup text: bad compressed data (not a zlib stream, or cut short)");
  if (trailing) throw ShareError("setup text: bad compressed data (bytes after its end)");
  return out;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool base64_decode(std::string_view text, std::string& out) {
  out.clear();
  if (text.size() % 4 != 0) return false;
  out.reserve(text.size() / 4 * 3);
  const auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    int pad = 0;
    if (last && text[i + 3] == '=') pad = text[i + 2] == '=' ? 2 : 1;
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      const int d = k >= 4 - pad ? 0 : value(text[i + static_cast<std::size_t>(k)]);
      if (d < 0) return false;
      v = (v << 6) | static_cast<unsigned>(d);
    }
    out += static_cast<char>((v >> 16) & 255);
    if (pad < 2) out += static_cast<char>((v >> 8) & 255);
    if (pad < 1) out += static_cast<char>(v & 255);
  }
  return true;
}

bool looks_like_share_text(std::string_view text) { return trim(text).starts_with(kSharePrefix); }

std::string encode_share(const Scene& scene, const std::string& view_json) {
  std::string payload = scene_to_json(scene);
  if (!view_json.empty()) {
    payload += '\0';
    payload += view_json;
  }
  return std::string(kSharePrefix) + base64_encode(compress(payload));
}

SharedSetup decode_share(std::string_view text, std::size_t max_payload) {
  text = trim(text);
  if (!text.starts_with(kSharePrefix))
    throw ShareError("setup text: it must start with \"losslab:\"");
  text.remove_prefix(kSharePrefix.size());
  if (text.size() > kMaxShareTextBytes)
    throw ShareError("setup text: over " + std::to_string(kMaxShareTextBytes >> 20) +
                     " MiB (too long to be a setup)");
  if (text.empty()) throw ShareError("setup text: nothing after \"losslab:\"");
  std::string packed;
  if (!base64_decode(text, packed))
    throw ShareError(
        "setup text: bad base64 (only A-Z a-z 0-9 + / and = padding, length a "
        "multiple of 4)");
  const std::string payload = inflate_limited(packed, max_payload);
  const std::size_t nul = payload.find('\0');
  const std::string_view scene_text = std::string_view(payload).substr(0, nul);
  SharedSetup out;
  try {
    LoadResult r = parse_scene_json(scene_text, "setup text");
    out.scene = std::move(r.scene);
    out.warnings = std::move(r.warnings);
  } catch (const LoadError& e) {
    throw ShareError(e.what());
  }
  if (nul != std::string::npos) {
    out.view_json = payload.substr(nul + 1);
    if (out.view_json.size() > kMaxShareViewBytes)
      throw ShareError("setup text: the view is over 64 KiB");
    const nlohmann::json v = nlohmann::json::parse(out.view_json, nullptr, false);
    if (v.is_discarded() || !v.is_object())
      throw ShareError("setup text: the view is not a JSON object");
  }
  return out;
}

}  // namespace ll
