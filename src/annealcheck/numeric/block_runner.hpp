// Loops over d coordinates split into fixed blocks, run on two threads (issue 11:
// d = 10⁵ needs both cores).
//
// Reproducibility comes first: the split depends only on d and `block_size`, never
// on the thread count or on timing. Each block writes only its own outputs (its
// coordinates, its partial sums), and partial sums are combined in block order by
// the caller, so a run with one thread and a run with two give the same bits. A
// loss over more than one block is therefore Σ_b (Σ_{i∈b} x_i) with the blocks
// added in order, in every type and on every machine (model::weighted_square_sum_into).
//
// A worker thread is started only for a type whose arithmetic depends on no
// per-thread state (`thread_independent`: runtime-precision MPFR/MPFI take their
// precision from the calling thread) and when there are at least two blocks.
// ANNEALCHECK_THREADS=1 keeps everything on the calling thread.
#pragma once

#include "annealcheck/numeric/blocks.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <mpfr.h>

#include <condition_variable>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <type_traits>
#include <string_view>
#include <thread>

namespace annealcheck::numeric {

// Whether a second thread may be used at all (hardware and ANNEALCHECK_THREADS).
inline bool second_thread_allowed() {
  static const bool allowed = [] {
    const char* env = std::getenv("ANNEALCHECK_THREADS");
    if (env != nullptr && std::string_view(env) == "1") return false;
    return std::thread::hardware_concurrency() >= 2;
  }();
  return allowed;
}

class BlockRunner {
 public:
  // `use_worker`: the caller's decision (type thread-independent, enough blocks); the
  // worker starts only if a second thread is also allowed.
  explicit BlockRunner(bool use_worker) {
    if (use_worker && second_thread_allowed()) worker_ = std::thread([this] { serve(); });
  }
  BlockRunner(const BlockRunner&) = delete;
  BlockRunner& operator=(const BlockRunner&) = delete;
  ~BlockRunner() {
    if (!worker_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    worker_.join();
  }

  bool parallel() const { return worker_.joinable(); }

  // fn(b) for every block b in [0, blocks): the first half on this thread, the rest on
  // the worker. fn must touch only block b's outputs. No allocation.
  template <class Fn>
  void run(std::size_t blocks, Fn&& fn) {
    if (!worker_.joinable() || blocks < 2) {
      for (std::size_t b = 0; b < blocks; ++b) fn(b);
      return;
    }
    const std::size_t half = blocks / 2;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = &fn;
      call_ = [](void* f, std::size_t b) { (*static_cast<std::remove_reference_t<Fn>*>(f))(b); };
      first_ = half, last_ = blocks, pending_ = true, error_ = nullptr;
    }
    wake_.notify_one();
    std::exception_ptr mine;
    try {
      for (std::size_t b = 0; b < half; ++b) fn(b);
    } catch (...) {
      mine = std::current_exception();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return !pending_; });
    if (mine) std::rethrow_exception(mine);
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void serve() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stop_ || pending_; });
      if (stop_) {
        mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);  // MPFR's per-thread constant caches die with the thread otherwise
        return;
      }
      const std::size_t first = first_, last = last_;
      lock.unlock();
      std::exception_ptr err;
      try {
        for (std::size_t b = first; b < last; ++b) call_(job_, b);
      } catch (...) {
        err = std::current_exception();
      }
      lock.lock();
      error_ = err;
      pending_ = false;
      done_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, done_;
  void* job_ = nullptr;
  void (*call_)(void*, std::size_t) = nullptr;
  std::size_t first_ = 0, last_ = 0;
  bool pending_ = false, stop_ = false;
  std::exception_ptr error_;
  std::thread worker_;  // last: started after every member above exists
};

// One blocked loop over n coordinates: fn(b) for each block, on two threads when T's
// arithmetic is thread-independent and there are at least two blocks (a worker is
// started for this loop alone: for loops that are not per step, e.g. the d
// exponentials of a flow state).
template <class T, class Fn>
void for_each_block(std::size_t n, Fn&& fn) {
  const std::size_t blocks = block_count(n);
  BlockRunner runner(number_traits<T>::thread_independent && blocks > 1);
  runner.run(blocks, fn);
}

}  // namespace annealcheck::numeric
