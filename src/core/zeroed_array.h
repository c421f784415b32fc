// ZeroedArray<T>: a fixed-size array of T whose bytes start as zero, for large tables read at
// random (KeyIndex's slots). Blocks of 2 MiB and more come straight from mmap and are offered
// to the kernel for transparent huge pages: a random probe of a table of hundreds of MiB
// otherwise misses the TLB as well as the cache, and on this project's virtual machines the
// page walk costs more than the cache miss (the snapshot's dictionary probes were a third of a
// scan). Smaller arrays use the heap.
//
//   ZeroedArray<Slot> slots(1 << 22);   // every Slot all-zero bytes
//
// REQUIRES: T is trivially copyable and all-zero bytes are a valid T.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

namespace sunlight {

namespace internal {
void* AllocateZeroed(size_t bytes);
void FreeZeroed(void* data, size_t bytes);
}  // namespace internal

template <typename T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  ZeroedArray() = default;
  explicit ZeroedArray(size_t size)
      : data_(static_cast<T*>(internal::AllocateZeroed(size * sizeof(T)))), size_(size) {}
  ZeroedArray(ZeroedArray&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  ZeroedArray& operator=(ZeroedArray&& other) noexcept {
    if (this != &other) {
      internal::FreeZeroed(data_, size_ * sizeof(T));
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ~ZeroedArray() { internal::FreeZeroed(data_, size_ * sizeof(T)); }

  T& operator[](size_t idx) { return data_[idx]; }
  const T& operator[](size_t idx) const { return data_[idx]; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace sunlight
