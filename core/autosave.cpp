#include "core/autosave.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <limits>

#include "core/atomic_file.h"
#include "core/scene_io.h"

namespace ll {

namespace fs = std::filesystem;

fs::path default_state_dir() {
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return fs::path(x) / "losslab";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local/state/losslab";
  return fs::path(".losslab-state");
}

namespace {

constexpr const char* kSceneName = "autosave.json";
constexpr const char* kCleanName = "clean";
constexpr const char* kLockName = "lock";

// Local time of the file's last change in `format`; empty when unknown.
std::string file_time(const fs::path& path, const char* format) {
  struct stat sb {};
  if (::stat(path.c_str(), &sb) != 0) return {};
  std::tm tm{};
  const std::time_t t = sb.st_mtime;
  if (!::localtime_r(&t, &tm)) return {};
  char buf[64];
  return std::strftime(buf, sizeof buf, format, &tm) ? std::string(buf) : std::string();
}

// The slot's lock, held exclusively; -1 when another open file description holds it.
// Throws on any other failure.
int lock_slot(const fs::path& lock_path) {
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) throw std::runtime_error(lock_path.string() + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return fd;
  const int err = errno;
  ::close(fd);
  if (err == EWOULDBLOCK) return -1;
  throw std::runtime_error(lock_path.string() + ": cannot lock: " + std::strerror(err));
}

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

// The layout before slots kept one dir/autosave.json beside a dir/running.pid: its autosave
// moves into a new slot of its own (no clean marker), so it is offered like any orphan. mkdir
// is atomic, so two windows starting at once cannot take the same slot; the loser's rename
// finds nothing and does nothing.
void adopt_old_layout(const fs::path& dir) {
  std::error_code ec;
  const fs::path old = dir / kSceneName;
  if (fs::is_regular_file(fs::symlink_status(old, ec))) {
    for (int n = 0; n < Autosave::kMaxSlots; ++n) {
      const fs::path sd = dir / ("slot-" + std::to_string(n));
      if (!fs::create_directory(sd, ec)) continue;  // taken (or cannot be made)
      fs::rename(old, sd / kSceneName, ec);
      if (ec) fs::remove(sd, ec);
      break;
    }
  }
  fs::remove(dir / "running.pid", ec);
}

}  // namespace

Autosave::Autosave(fs::path dir, std::chrono::milliseconds quiet,
                   std::chrono::milliseconds max_delay)
    : dir_(std::move(dir)), quiet_(quiet), max_delay_(max_delay) {}

Autosave::~Autosave() {
  for (const OrphanSlot& o : orphans_)
    if (o.lock_fd >= 0) ::close(o.lock_fd);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void Autosave::start(std::uint64_t revision) {
  last_seen_ = saved_revision_ = revision;
  try {
    fs::create_directories(dir_);
    adopt_old_layout(dir_);
    for (int n = 0; n < kMaxSlots; ++n) {
      const fs::path sd = dir_ / ("slot-" + std::to_string(n));
      if (!present(sd)) {
        if (lock_fd_ >= 0) continue;  // no new slot needed; later ones may still be orphans
        fs::create_directory(sd);
      }
      const int fd = lock_slot(sd / kLockName);
      if (fd < 0) continue;  // a running window owns it
      if (present(sd / kSceneName) && !present(sd / kCleanName)) {
        orphans_.push_back(
            {n, sd / kSceneName, file_time(sd / kSceneName, "%Y-%m-%d %H:%M:%S"), fd});
      } else if (lock_fd_ < 0) {
        lock_fd_ = fd;
        slot_ = n;
        slot_dir_ = sd;
      } else {
        ::close(fd);
      }
    }
    if (lock_fd_ < 0) {
      error_ = "autosave is off: all " + std::to_string(kMaxSlots) + " slots in " + dir_.string() +
               " are in use";
      return;
    }
    scene_path_ = slot_dir_ / kSceneName;
    // Running from now on: unclean until finish_clean(). A clean slot's old autosave is stale.
    std::error_code ec;
    fs::remove(slot_dir_ / kCleanName, ec);
    fs::remove(scene_path_, ec);
  } catch (const std::exception& e) {
    if (lock_fd_ >= 0) ::close(lock_fd_);
    lock_fd_ = -1;
    error_ = std::string("autosave is off: ") + e.what();
  }
}

void Autosave::release_orphan(std::size_t i) {
  if (orphans_[i].lock_fd >= 0) ::close(orphans_[i].lock_fd);
  orphans_.erase(orphans_.begin() + static_cast<std::ptrdiff_t>(i));
}

void Autosave::discard_orphan(std::size_t i) {
  if (i >= orphans_.size()) return;
  std::error_code ec;
  fs::remove(orphans_[i].scene_path, ec);
  release_orphan(i);
}

fs::path Autosave::set_aside_orphan(std::size_t i) {
  if (i >= orphans_.size()) return {};
  const fs::path from = orphans_[i].scene_path;
  const std::string stamp = file_time(from, "%Y%m%d-%H%M%S");
  const std::string base =
      "autosave-unreadable-" + (stamp.empty() ? std::string("unknown") : stamp);
  fs::path to = dir_ / (base + ".json");
  for (int k = 2; present(to) && k < 1000; ++k)
    to = dir_ / (base + "-" + std::to_string(k) + ".json");
  std::error_code ec;
  if (present(to))
    ec = std::make_error_code(std::errc::file_exists);
  else
    fs::rename(from, to, ec);
  if (ec) {
    error_ = "cannot move " + from.string() + " aside: " + ec.message();
    return {};
  }
  release_orphan(i);
  return to;
}

void Autosave::observe(std::uint64_t revision, Clock::time_point now) {
  if (revision == last_seen_) return;
  last_seen_ = revision;
  last_change_ = now;
  if (!pending_since_) pending_since_ = now;
}

double Autosave::seconds_until_due(Clock::time_point now) const {
  if (!enabled() || saving_ || !pending_since_) return std::numeric_limits<double>::infinity();
  Clock::time_point at = std::min(last_change_ + quiet_, *pending_since_ + max_delay_);
  if (retry_after_) at = std::max(at, *retry_after_);
  return std::max(0.0, std::chrono::duration<double>(at - now).count());
}

bool Autosave::due(Clock::time_point now) const { return seconds_until_due(now) <= 0.0; }

bool Autosave::poll(const Scene& scene, std::uint64_t revision, Clock::time_point now) {
  observe(revision, now);
  if (!due(now)) return false;
  begin_save(revision);
  std::string err;
  try {
    write(scene);
  } catch (const std::exception& e) {
    err = e.what();
  }
  end_save(revision, err, now);
  return err.empty();
}

void Autosave::begin_save(std::uint64_t revision) {
  saving_ = true;
  // Changes after this copy arm a new deadline (a copy older than the last change seen leaves
  // that change pending).
  if (revision == last_seen_)
    pending_since_.reset();
  else
    pending_since_ = last_change_;
  retry_after_.reset();
}

void Autosave::write(const Scene& scene) const {
  if (scene_path_.empty()) throw std::runtime_error("autosave is off");
  save_scene(scene, scene_path_);
}

void Autosave::end_save(std::uint64_t revision, const std::string& error, Clock::time_point now) {
  saving_ = false;
  if (error.empty()) {
    saved_revision_ = revision;
    return;
  }
  error_ = "autosave failed: " + error;
  // Still unsaved: try again, but not before another max_delay (a full disk is not hammered).
  if (!pending_since_) pending_since_ = now;
  retry_after_ = now + max_delay_;
}

void Autosave::finish_clean() {
  if (lock_fd_ < 0) return;
  try {
    write_file_atomic(slot_dir_ / kCleanName, "");
    std::error_code ec;
    fs::remove(scene_path_, ec);
  } catch (const std::exception& e) {
    error_ = std::string("cannot mark the autosave clean: ") + e.what();
  }
  ::close(lock_fd_);
  lock_fd_ = -1;
}

bool Autosave::finish_unclean(const Scene& scene) {
  if (lock_fd_ < 0) return false;
  bool ok = true;
  try {
    write(scene);
  } catch (const std::exception& e) {
    error_ = std::string("autosave failed: ") + e.what();
    ok = false;
  }
  ::close(lock_fd_);
  lock_fd_ = -1;
  return ok;
}

}  // namespace ll
