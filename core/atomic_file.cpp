#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace ll {

namespace {
[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw std::runtime_error(path.string() + ": " + what);
}
}  // namespace

void write_file_atomic(const std::filesystem::path& requested, std::string_view content) {
  namespace fs = std::filesystem;
  if (requested.empty()) throw std::runtime_error("empty output path");
  // Write through a symbolic link to its target (replacing the link would break it), and never
  // replace anything that is not a regular file (a folder, a device such as /dev/full).
  std::error_code ec;  // "not found" is fine here: a new file
  fs::path path = requested;
  if (fs::is_symlink(fs::symlink_status(requested, ec))) {
    path = fs::weakly_canonical(requested, ec);
    if (ec) fail(requested, "cannot resolve the link: " + ec.message());
  }
  const fs::file_status st = fs::status(path, ec);
  if (fs::exists(st) && !fs::is_regular_file(st)) {
    fail(requested, fs::is_directory(st) ? "is a folder" : "is not a regular file");
  }
  const fs::path tmp = path.string() + ".tmp." + std::to_string(static_cast<long>(::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, std::string("cannot write: ") + std::strerror(errno));
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      fail(path, std::string("write failed: ") + std::strerror(err));
    }
    done += static_cast<std::size_t>(n);
  }
  const int synced = ::fsync(fd);
  const int sync_err = errno;
  const int closed = ::close(fd);  // always closed, even when fsync failed
  if (synced != 0 || closed != 0) {
    const int err = synced != 0 ? sync_err : errno;
    ::unlink(tmp.c_str());
    fail(path, std::string("flush failed: ") + std::strerror(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail(path, std::string("cannot replace: ") + std::strerror(err));
  }
}

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail(path, "is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, std::string("cannot open: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) fail(path, "cannot read");
  if (static_cast<std::size_t>(size) > max_bytes) {
    fail(path, "file is " + std::to_string(size) + " bytes; the limit is " +
                   std::to_string(max_bytes));
  }
  std::string data(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  in.read(data.data(), size);
  if (!in) fail(path, "read failed");
  return data;
}

}  // namespace ll
