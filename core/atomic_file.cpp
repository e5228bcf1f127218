#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <random>
#include <stdexcept>

namespace ll {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const std::string& what) {
  throw std::runtime_error(path.string() + ": " + what);
}

const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

constexpr std::size_t kTempSuffixLength = 6;
constexpr long kStaleSeconds = 2;  // a temporary file this fresh may be a save just starting

// The temporary files of a target are ".NAME.tmp-XXXXXX" beside it. A save holds an exclusive
// flock on its temporary file from just after creating it until it has been renamed, so one that
// is not locked, belongs to this user and has not been written for a few seconds was left by a
// save that was killed: it is removed. Best effort: any doubt keeps the file.
void remove_stale_temporaries(const fs::path& dir, const std::string& prefix) {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (name.size() != prefix.size() + kTempSuffixLength ||
        name.compare(0, prefix.size(), prefix) != 0) {
      continue;
    }
    const int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st {};
    struct stat again {};
    const bool stale = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
                       st.st_mtim.tv_sec + kStaleSeconds < now.tv_sec &&
                       ::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::lstat(p.c_str(), &again) == 0 &&
                       again.st_ino == st.st_ino && again.st_dev == st.st_dev;
    if (stale) ::unlink(p.c_str());
    ::close(fd);  // releases the lock
  }
}

// Creates and locks a new ".NAME.tmp-XXXXXX" in `dir`; returns its descriptor and sets `tmp`.
int create_temporary(const fs::path& dir, const std::string& prefix, const fs::path& target,
                     fs::path& tmp) {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device rd;
  std::uniform_int_distribution<std::size_t> pick(0, sizeof(kChars) - 2);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = prefix;
    for (std::size_t i = 0; i < kTempSuffixLength; ++i) name += kChars[pick(rd)];
    tmp = dir / name;
    // 0666: a new file gets the usual permissions, less the umask.
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::flock(fd, LOCK_EX);  // see remove_stale_temporaries
      return fd;
    }
    if (errno != EEXIST) fail(target, std::string("cannot write: ") + std::strerror(errno));
  }
  fail(target, "cannot write: no free temporary file name");
}

}  // namespace

AtomicFile::AtomicFile(const fs::path& requested) : requested_(requested) {
  if (requested.empty()) throw std::runtime_error("empty output path");
  // Write through a symbolic link to its target (replacing the link would break it), and never
  // replace anything that is not a regular file (a folder, a device such as /dev/full).
  std::error_code ec;
  path_ = requested;
  if (fs::is_symlink(fs::symlink_status(requested, ec))) {
    path_ = fs::weakly_canonical(requested, ec);
    if (ec) fail(requested, "cannot resolve the link: " + ec.message());
  }
  struct stat old {};
  const bool exists = ::stat(path_.c_str(), &old) == 0;  // "not found" is fine: a new file
  if (exists && !S_ISREG(old.st_mode)) {
    fail(requested, S_ISDIR(old.st_mode)
                        ? std::string("is a folder")
                        : std::string("is not a regular file (") + file_kind(old.st_mode) + ")");
  }
  const fs::path dir = path_.has_parent_path() ? path_.parent_path() : fs::path(".");
  const std::string prefix = "." + path_.filename().string() + ".tmp-";
  remove_stale_temporaries(dir, prefix);
  fd_ = create_temporary(dir, prefix, path_, tmp_);
  // Replacing a file keeps its permission bits; a new file has the umask's.
  if (exists && ::fchmod(fd_, old.st_mode & 07777) != 0) abandon("cannot set permissions: ", errno);
}

AtomicFile::~AtomicFile() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(tmp_.c_str());
}

void AtomicFile::abandon(const char* what, int err) {
  ::close(fd_);
  fd_ = -1;
  ::unlink(tmp_.c_str());
  fail(path_, what + std::string(std::strerror(err)));
}

void AtomicFile::commit() {
  if (fd_ < 0) fail(path_, "already written");
  // fsync of any descriptor of the file flushes what every writer of it wrote.
  if (::fsync(fd_) != 0) abandon("flush failed: ", errno);
  // Renamed while still locked, so that no other save takes it for a leftover.
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) abandon("cannot replace: ", errno);
  ::close(fd_);  // after fsync, close has nothing left to write
  fd_ = -1;
}

void write_file_atomic(const fs::path& requested, std::string_view content) {
  AtomicFile file(requested);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(file.fd(), content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      fail(file.target(), std::string("write failed: ") + std::strerror(err));
    }
    done += static_cast<std::size_t>(n);
  }
  file.commit();
}

std::string read_file(const fs::path& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO (or a terminal) must not wait for a writer. Anything that is not a
  // regular file is refused before a byte is read; for regular files the flag changes nothing.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {  // a socket: ENXIO
      fail(path, std::string("is not a regular file (") + file_kind(st.st_mode) + ")");
    }
    fail(path, std::string("cannot open: ") + std::strerror(err));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(path, std::string("cannot read: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) {
    fail(path, std::string("is not a regular file (") + file_kind(st.st_mode) + ")");
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes) {
    fail(path,
         "file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(max_bytes));
  }
  // Reads to the end, up to one byte past the limit: the file may have grown since fstat.
  std::string data(size + 1, '\0');
  std::size_t done = 0;
  while (true) {
    if (done == data.size()) {
      if (done > max_bytes) {
        fail(path, "file grew past the limit of " + std::to_string(max_bytes) + " bytes");
      }
      data.resize(std::min(max_bytes + 1, 2 * data.size()));
    }
    const ssize_t n = ::read(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, std::string("read failed: ") + std::strerror(errno));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  data.resize(done);
  return data;
}

}  // namespace ll
