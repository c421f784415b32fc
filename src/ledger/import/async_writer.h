// AsyncWriter: runs the store side of an import — bulk inserts, index builds — on a thread of
// its own, so that reading and checking the next rows (one core) overlaps with SQLite or
// PostgreSQL writing the previous ones (the other). On a 2-core machine that is most of the
// difference between one core busy and two.
//
// The connection has one user at a time. While jobs are queued or running it belongs to the
// writer; the importer calls Drain() before it uses the connection itself (a lookup in the
// store, a statement of its own, the commit), and submits nothing while it does.
//
//   AsyncWriter writer;
//   SUNLIGHT_RETURN_IF_ERROR(writer.Submit([&conn, rows = std::move(chunk)] { ... }));
//   SUNLIGHT_RETURN_IF_ERROR(writer.Drain());   // the connection is the caller's again
//
// The first job that fails stops the writer: later jobs are dropped, and Submit and Drain
// return that job's status from then on. Destruction drops what is queued and joins.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "core/status.h"

namespace sunlight::ledger {

class AsyncWriter {
 public:
  // At most `max_queued` jobs holding data wait at a time; Submit blocks beyond that, so the
  // rows in flight stay a few chunks however large the file. While a job holding nothing (an
  // index build, seconds long) waits or runs, up to `max_queued_behind_builds` may: the reading
  // thread then goes on with the next table on the core the build leaves idle, within a bound
  // that still does not grow with the file.
  explicit AsyncWriter(size_t max_queued = 2, size_t max_queued_behind_builds = 2);
  ~AsyncWriter();
  AsyncWriter(const AsyncWriter&) = delete;
  AsyncWriter& operator=(const AsyncWriter&) = delete;

  // Queues `job`; the status of an earlier failed job if there was one (and `job` is dropped).
  // A job holding data (a chunk of rows) is `bounded`: it waits while max_queued such jobs
  // wait. One that holds next to nothing (an index build) is not, and never waits, so the
  // caller can go on to the next table while the builds run.
  enum class Holds { kData, kNothing };
  Status Submit(std::function<Status()> job, Holds holds = Holds::kData);
  // Waits until every queued job has run; the first failure, if any.
  Status Drain();

 private:
  void Run();

  const size_t max_queued_;
  const size_t max_queued_behind_builds_;
  std::mutex mutex_;
  std::condition_variable changed_;
  struct Job {
    std::function<Status()> run;
    bool holds_data = true;
  };
  std::deque<Job> queue_;
  size_t queued_with_data_ = 0;
  size_t builds_ = 0;  // jobs holding nothing, queued or running
  bool busy_ = false;  // a job is running
  bool stopping_ = false;
  Status failure_;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace sunlight::ledger
