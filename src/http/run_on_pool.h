// AsyncRunOnPool: run a blocking function on a thread pool and await its result from a
// coroutine on the network threads, which stay free in the meantime.
//
//   Response response = co_await AsyncRunOnPool<Response>(workers, [&] { return Handle(); },
//                                                          asio::use_awaitable);
//
// The awaiting coroutine resumes on its own executor (the connection's strand). While the
// function runs, that executor counts as having outstanding work, so the io_context does not
// run out of work and return from run() under a connection that is waiting for a handler.
// `function` must not throw.
#pragma once

#include <utility>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/execution.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

namespace sunlight::http {

template <typename Result, typename Function, typename CompletionToken>
auto AsyncRunOnPool(boost::asio::thread_pool& pool, Function function, CompletionToken&& token) {
  auto initiation = [&pool](auto handler, Function fn) {
    auto home = boost::asio::prefer(boost::asio::get_associated_executor(handler),
                                    boost::asio::execution::outstanding_work.tracked);
    boost::asio::post(
        pool, [handler = std::move(handler), fn = std::move(fn), home = std::move(home)]() mutable {
          Result result = fn();
          boost::asio::dispatch(
              home, [handler = std::move(handler), result = std::move(result)]() mutable {
                std::move(handler)(std::move(result));
              });
        });
  };
  return boost::asio::async_initiate<CompletionToken, void(Result)>(std::move(initiation), token,
                                                                    std::move(function));
}

}  // namespace sunlight::http
