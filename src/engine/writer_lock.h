// WriterLock: one writer per database at a time. An ingest holds it from before it reads its
// first record until its last commit, so two ingests into one database run one after the other
// (the second continues from the first's stories, as a sequential run would) instead of
// interleaving batches against story states loaded before the other's commits.
#ifndef DEPECHE_ENGINE_WRITER_LOCK_H_
#define DEPECHE_ENGINE_WRITER_LOCK_H_

#include <string>
#include <utility>

#include "depeche/status.h"

namespace depeche::engine {

// An advisory lock (flock) on "<db_path>-writer.lock", released (and the file removed) by the
// destructor; the system releases it when the process dies, so a killed ingest never leaves a
// stale lock (only, at worst, an unlocked file that the next writer reuses). Not copyable.
class WriterLock {
 public:
  // Takes the lock for `db_path`, waiting while another process holds it; `waiting` (may be
  // null) is called once before waiting. ":memory:", "" and PostgreSQL (URI) databases need no
  // lock. Errors: Unavailable (the lock file cannot be created or locked).
  static Result<WriterLock> Acquire(const std::string& db_path, void (*waiting)(void*) = nullptr,
                                    void* context = nullptr);
  WriterLock(WriterLock&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) {
    other.fd_ = -1;
  }
  WriterLock& operator=(WriterLock&& other) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  ~WriterLock();

 private:
  WriterLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  void Release();
  int fd_ = -1;
  std::string path_;
};

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_WRITER_LOCK_H_
