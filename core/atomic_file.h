#pragma once
// Crash-safe file writes: the content goes to a temporary file in the same folder, is flushed
// to disk, then renamed over the target. A crash leaves either the old file or the new one.
#include <filesystem>
#include <string>
#include <string_view>

namespace ll {

// Throws std::runtime_error("PATH: reason") on failure; the target is untouched then.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Reads a whole file, refusing files larger than max_bytes. Throws std::runtime_error.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace ll
