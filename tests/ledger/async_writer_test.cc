// AsyncWriter: the importer's writer thread.
#include "ledger/import/async_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace sunlight::ledger {
namespace {

TEST(AsyncWriterTest, JobsRunInOrderOffTheCallersThreadAndDrainWaitsForThem) {
  AsyncWriter writer;
  std::vector<int> order;  // written only by the writer thread until Drain returns
  std::thread::id ran_on;
  for (int job_idx = 0; job_idx < 100; ++job_idx) {
    ASSERT_TRUE(writer
                    .Submit([&order, &ran_on, job_idx] {
                      // Slow enough that Submit must wait for room in the queue.
                      if (job_idx % 10 == 0)
                        std::this_thread::sleep_for(std::chrono::milliseconds(2));
                      order.push_back(job_idx);
                      ran_on = std::this_thread::get_id();
                      return Status::Ok();
                    })
                    .ok());
  }
  ASSERT_TRUE(writer.Drain().ok());
  ASSERT_EQ(order.size(), 100u);
  for (int job_idx = 0; job_idx < 100; ++job_idx) EXPECT_EQ(order[job_idx], job_idx);
  EXPECT_NE(ran_on, std::this_thread::get_id());
  // Idle: Drain returns at once, and the writer takes more work.
  ASSERT_TRUE(writer.Drain().ok());
  ASSERT_TRUE(writer
                  .Submit([&order] {
                    order.push_back(100);
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(writer.Drain().ok());
  EXPECT_EQ(order.back(), 100);
}

TEST(AsyncWriterTest, TheFirstFailureDropsLaterJobsAndIsReportedFromThenOn) {
  AsyncWriter writer(/*max_queued=*/8);
  std::atomic<int> ran{0};
  ASSERT_TRUE(writer
                  .Submit([&ran] {
                    ++ran;
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(writer
                  .Submit([&ran] {
                    ++ran;
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    return InvalidArgumentError("第 3 块写入失败", "unique_violation");
                  })
                  .ok());
  // Queued behind the failing job: dropped, never run.
  Status third = writer.Submit([&ran] {
    ++ran;
    return Status::Ok();
  });
  Status drained = writer.Drain();
  EXPECT_EQ(drained.reason(), "unique_violation");
  EXPECT_EQ(ran.load(), 2);
  EXPECT_TRUE(third.ok() || third.reason() == "unique_violation");
  EXPECT_EQ(writer
                .Submit([&ran] {
                  ++ran;
                  return Status::Ok();
                })
                .reason(),
            "unique_violation");
  EXPECT_EQ(writer.Drain().reason(), "unique_violation");
  EXPECT_EQ(ran.load(), 2);
}

// Submits `count` data jobs from a second thread, so that the test can see where Submit
// blocks; joined once the writer has moved on.
class Submitter {
 public:
  Submitter(AsyncWriter& writer, int count) {
    thread_ = std::thread([this, &writer, count] {
      for (int job_idx = 0; job_idx < count; ++job_idx) {
        ASSERT_TRUE(writer.Submit([] { return Status::Ok(); }).ok());
        ++submitted_;
      }
    });
  }
  ~Submitter() { thread_.join(); }
  // Waits (up to 10 s, for a loaded machine) until `expected` jobs are in, then a further
  // 100 ms in which more would get in if Submit did not block; how many are in then.
  int SettlesAt(int expected) {
    for (int waited = 0; submitted_ < expected && waited < 10000; ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return submitted_.load();
  }

 private:
  std::atomic<int> submitted_{0};
  std::thread thread_;
};

// A job that runs until `release`.
std::function<Status()> HeldUntil(std::atomic<bool>& release) {
  return [&release] {
    while (!release) std::this_thread::yield();
    return Status::Ok();
  };
}

TEST(AsyncWriterTest, BehindAnIndexBuildMoreChunksMayWait) {
  AsyncWriter writer(/*max_queued=*/2, /*max_queued_behind_builds=*/6);
  std::atomic<bool> release{false};
  // A chunk being written: two more may wait, the third blocks.
  ASSERT_TRUE(writer.Submit(HeldUntil(release)).ok());
  {
    Submitter submitter(writer, 4);
    EXPECT_EQ(submitter.SettlesAt(2), 2);
    release = true;
    EXPECT_EQ(submitter.SettlesAt(4), 4);
  }
  ASSERT_TRUE(writer.Drain().ok());

  // An index build (holding nothing) running: six may wait, the seventh waits for the build.
  release = false;
  ASSERT_TRUE(writer.Submit(HeldUntil(release), AsyncWriter::Holds::kNothing).ok());
  {
    Submitter submitter(writer, 7);
    EXPECT_EQ(submitter.SettlesAt(6), 6);
    release = true;
    EXPECT_EQ(submitter.SettlesAt(7), 7);
  }
  ASSERT_TRUE(writer.Drain().ok());
}

TEST(AsyncWriterTest, AnExceptionInAJobIsAnInternalFailure) {
  AsyncWriter writer;
  ASSERT_TRUE(writer.Submit([]() -> Status { throw std::runtime_error("disk on fire"); }).ok());
  Status status = writer.Drain();
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(status.reason(), "internal_exception");
  EXPECT_NE(status.message().find("disk on fire"), std::string::npos);
}

TEST(AsyncWriterTest, DestroyingDropsQueuedJobsButFinishesTheRunningOne) {
  std::atomic<int> ran{0};
  std::atomic<bool> started{false};
  {
    AsyncWriter writer(/*max_queued=*/4);
    ASSERT_TRUE(writer
                    .Submit([&] {
                      started = true;
                      std::this_thread::sleep_for(std::chrono::milliseconds(50));
                      ++ran;
                      return Status::Ok();
                    })
                    .ok());
    while (!started) std::this_thread::yield();
    for (int job_idx = 0; job_idx < 3; ++job_idx) {
      ASSERT_TRUE(writer
                      .Submit([&ran] {
                        ++ran;
                        return Status::Ok();
                      })
                      .ok());
    }
  }  // joins: the running job ends, the three queued ones never start
  EXPECT_EQ(ran.load(), 1);
}

}  // namespace
}  // namespace sunlight::ledger
