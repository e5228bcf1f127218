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

// The same for a writer that opens the file itself by name (a library such as FFmpeg's
// libavformat): the constructor creates the locked temporary beside the target (checks and
// throws like write_file_atomic), the writer writes temp_path(), commit() flushes it to disk and
// renames it over the target. Destroyed without commit() (an error, Cancel), it removes the
// temporary: the target is never left half-written.
class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temp_path() const { return tmp_; }
  int fd() const { return fd_; }                                 // the temporary, open for writing
  const std::filesystem::path& target() const { return path_; }  // symbolic links resolved
  // Throws std::runtime_error("PATH: ...") (the temporary is removed then).
  void commit();

 private:
  [[noreturn]] void abandon(const char* what, int err);
  std::filesystem::path requested_, path_, tmp_;
  int fd_ = -1;
};

// Reads a whole regular file, refusing files larger than max_bytes and, without blocking, FIFOs,
// devices, sockets and folders ("PATH: is not a regular file (a FIFO)"). Throws
// std::runtime_error.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace ll
