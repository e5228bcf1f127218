#pragma once
// Crash-safe file writes: the content goes to a temporary file in the same folder, is flushed
// to disk, then renamed over the target. A crash leaves either the old file or the new one.
#include <filesystem>
#include <string>
#include <string_view>

namespace ll {

// Throws std::runtime_error("PATH: reason") on failure; the target is untouched then. The
// temporary file is ".NAME.tmp-XXXXXX" beside the target, flock'ed while it exists; unlocked ones
// of the same target more than 2 s old (left by a killed save) are removed first. Replacing a
// file keeps its permission bits; a new file gets 0666 less the umask.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Reads a whole regular file, refusing files larger than max_bytes and, without blocking, FIFOs,
// devices, sockets and folders ("PATH: is not a regular file (a FIFO)"). Throws
// std::runtime_error.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace ll
