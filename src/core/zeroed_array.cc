// ZeroedArray's memory: mmap with MADV_HUGEPAGE from 2 MiB, calloc below.
#include "core/zeroed_array.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace sunlight::internal {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;

}  // namespace

void* AllocateZeroed(size_t bytes) {
  if (bytes == 0) return nullptr;
  if (bytes < kHugePage) {
    void* data = std::calloc(1, bytes);
    if (data == nullptr) throw std::bad_alloc();
    return data;
  }
  // Over-map by one huge page so that the array can start on a huge-page boundary; the kernel
  // backs aligned 2 MiB ranges with huge pages when THP is "madvise" or "always". Anonymous
  // memory is zero-filled.
  const size_t mapped = bytes + kHugePage;
  void* raw = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
  // Give back the unaligned head and the tail beyond the array.
  if (aligned > start) ::munmap(raw, aligned - start);
  const uintptr_t end = aligned + bytes;
  const uintptr_t mapped_end = start + mapped;
  if (mapped_end > end) ::munmap(reinterpret_cast<void*>(end), mapped_end - end);
  void* data = reinterpret_cast<void*>(aligned);
  ::madvise(data, bytes, MADV_HUGEPAGE);  // advice only: without THP the pages stay small
  return data;
}

void FreeZeroed(void* data, size_t bytes) {
  if (data == nullptr) return;
  if (bytes < kHugePage) {
    std::free(data);
    return;
  }
  ::munmap(data, bytes);
}

}  // namespace sunlight::internal
