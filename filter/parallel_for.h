// Running one function over the indices of a batch on several threads, for the cleaners of record
// files (JSONL, WARC): each record is cleaned on its own, and the caller writes the results in
// index order afterwards, so the output is the same for any thread count. Entry point:
// parallel_for. Tested through tests/jsonl_records_test.cpp and tests/batch_cli_test.cpp.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace winnow {

// Calls fn(i) once for every i in [0, count), on up to `threads` threads (the calling thread is
// one of them), and returns when all calls have returned. fn must be safe to call concurrently
// for different i.
template <typename Fn>
void parallel_for(std::size_t count, int threads, Fn fn) {
  const std::size_t helpers = std::min(static_cast<std::size_t>(std::max(1, threads)), count) - (count > 0 ? 1 : 0);
  if (helpers == 0) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto drain = [&] {
    for (std::size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (std::size_t t = 0; t < helpers; ++t) pool.emplace_back(drain);
  drain();
  for (std::thread& thread : pool) thread.join();
}

}  // namespace winnow
