#include "engine/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/database.h"

namespace depeche::engine {
namespace {

int LockBlocking(int fd) {
  int rc;
  do {
    rc = ::flock(fd, LOCK_EX);
  } while (rc != 0 && errno == EINTR);
  return rc;
}

}  // namespace

// The lock file is removed on release, so that a database folder keeps only the database. That
// is safe with the usual protocol: after locking, the holder checks that the path still names
// the file it locked (a previous holder may have removed it meanwhile), and retries otherwise.
Result<WriterLock> WriterLock::Acquire(const std::string& db_path, void (*waiting)(void*),
                                       void* context) {
  // A PostgreSQL database is shared by many writers by design (its own locks order them); a
  // lock file beside a URI would name no folder.
  if (db_path.empty() || db_path == ":memory:" || store::IsPostgresLocation(db_path)) {
    return WriterLock(-1, "");
  }
  const std::string path = db_path + "-writer.lock";
  bool told = false;
  while (true) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      return UnavailableError("cannot create the writer lock " + path + ": " +
                              std::strerror(errno));
    }
    int rc = ::flock(fd, LOCK_EX | LOCK_NB);
    if (rc != 0 && errno == EWOULDBLOCK) {
      if (waiting != nullptr && !told) waiting(context);
      told = true;
      rc = LockBlocking(fd);
    }
    if (rc != 0) {
      const int err = errno;
      ::close(fd);
      return UnavailableError("cannot lock " + path + ": " + std::strerror(err));
    }
    struct stat held, named;
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      return WriterLock(fd, path);
    }
    ::close(fd);  // the previous holder removed it: lock the new one
  }
}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
  if (this != &other) {
    Release();
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

void WriterLock::Release() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still held: see Acquire
  ::close(fd_);             // closing the descriptor releases the flock
  fd_ = -1;
}

WriterLock::~WriterLock() { Release(); }

}  // namespace depeche::engine
