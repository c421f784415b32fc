// AsyncWriter: one worker thread, a bounded queue, the first failure kept.
#include "ledger/import/async_writer.h"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

namespace sunlight::ledger {

AsyncWriter::AsyncWriter(size_t max_queued, size_t max_queued_behind_builds)
    : max_queued_(max_queued == 0 ? 1 : max_queued),
      max_queued_behind_builds_(std::max(max_queued_, max_queued_behind_builds)),
      thread_([this] { Run(); }) {}

AsyncWriter::~AsyncWriter() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    queue_.clear();
    queued_with_data_ = 0;
    builds_ = 0;
  }
  changed_.notify_all();
  thread_.join();
}

Status AsyncWriter::Submit(std::function<Status()> job, Holds holds) {
  const bool holds_data = holds == Holds::kData;
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this, holds_data] {
    const size_t bound = builds_ > 0 ? max_queued_behind_builds_ : max_queued_;
    return !holds_data || queued_with_data_ < bound || !failure_.ok();
  });
  if (!failure_.ok()) return failure_;
  queue_.push_back({std::move(job), holds_data});
  if (holds_data) {
    ++queued_with_data_;
  } else {
    ++builds_;
  }
  lock.unlock();
  changed_.notify_all();
  return Status::Ok();
}

Status AsyncWriter::Drain() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return (queue_.empty() && !busy_) || !failure_.ok(); });
  if (!failure_.ok()) {
    // Wait for a running job to return even so: the connection must be free when we do.
    changed_.wait(lock, [this] { return !busy_; });
  }
  return failure_;
}

void AsyncWriter::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return !queue_.empty() || stopping_; });
    if (stopping_) return;
    Job job = std::move(queue_.front());
    queue_.pop_front();
    if (job.holds_data) --queued_with_data_;
    busy_ = true;
    lock.unlock();
    changed_.notify_all();  // a slot is free for Submit
    Status status;
    // A job must not take the process down from another thread; an exception is a failure.
    try {
      status = job.run();
    } catch (const std::exception& e) {
      status =
          InternalError(std::string("写入数据库时出现内部错误：") + e.what(), "internal_exception");
    }
    lock.lock();
    busy_ = false;
    if (!job.holds_data && builds_ > 0) --builds_;
    if (!status.ok() && failure_.ok()) {
      failure_ = std::move(status);
      queue_.clear();
      queued_with_data_ = 0;
      builds_ = 0;
    }
    changed_.notify_all();
  }
}

}  // namespace sunlight::ledger
