#include "engine/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace depeche::engine {

Result<WriterLock> WriterLock::Acquire(const std::string& db_path, void (*waiting)(void*),
                                       void* context) {
  if (db_path.empty() || db_path == ":memory:") return WriterLock(-1);
  const std::string path = db_path + "-writer.lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return UnavailableError("cannot create the writer lock " + path + ": " + std::strerror(errno));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      const int err = errno;
      ::close(fd);
      return UnavailableError("cannot lock " + path + ": " + std::strerror(err));
    }
    if (waiting != nullptr) waiting(context);
    int rc;
    do {
      rc = ::flock(fd, LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
      const int err = errno;
      ::close(fd);
      return UnavailableError("cannot lock " + path + ": " + std::strerror(err));
    }
  }
  return WriterLock(fd);
}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace depeche::engine
