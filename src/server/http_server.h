// depeche's HTTP JSON API (docs/HTTP_API.md): the route table (service.h) served by
// cpp-httplib, whose header only http_server.cc includes.
//
// Security: 127.0.0.1 by default; on any other address the server refuses to start without a
// token. With a token, every POST needs "Authorization: Bearer <token>" (401 otherwise). No
// CORS headers. Bodies over Limits::max_body_bytes get 413; read and write timeouts apply.
//
// Thread safety: Serve() blocks on the calling thread; Stop() may be called from any thread.
#ifndef DEPECHE_SERVER_HTTP_SERVER_H_
#define DEPECHE_SERVER_HTTP_SERVER_H_

#include <memory>
#include <string>

#include "depeche/engine.h"
#include "server/service.h"

namespace depeche::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;    // 0: any free port (Bind returns it)
  std::string token;  // "" for none: then only a loopback host is allowed
  // Worker threads. cpp-httplib gives each connection one for as long as it lives (keep-alive
  // included): with fewer threads than open connections, the others wait their turn (seconds
  // under load, as timeouts). Idle threads cost memory only.
  int threads = 512;
  int timeout_seconds = 10;  // read and write timeouts of a connection
  // Requests one keep-alive connection may carry before the server closes it (cpp-httplib's
  // default, 5, has a busy client reconnect every 5 requests) and how long it may stay idle.
  int keep_alive_requests = 100000;
  int keep_alive_seconds = 5;
  int backlog = 1024;  // connections the kernel queues before accept (cpp-httplib's: 5)
  // Read requests handled at once (the others wait, asleep). With one thread per connection,
  // hundreds of runnable threads would share the cores evenly: a request that has to read the
  // store (a cache miss, milliseconds of CPU) would get a few hundredth of a core and take
  // hundreds of milliseconds. 0: twice the cores. Writes are not counted (one at a time).
  int concurrent_reads = 0;
  // Where read requests are answered from: "" for the database itself, else the URI of a
  // PostgreSQL read replica of it (Service::Open). Writes always go to the database.
  std::string read_db;
};

// Whether `host` is a loopback address ("127.x.y.z", "::1", "localhost").
bool IsLoopback(const std::string& host);

class HttpServer {
 public:
  // Opens the service (the writable engine, creating the database when needed). Errors:
  // InvalidArgument (a non-loopback host without a token), Engine::Open's.
  static Result<std::unique_ptr<HttpServer>> Create(const EngineConfig& config,
                                                    const ServerOptions& options,
                                                    const Limits& limits);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address; returns the port. Unavailable when it cannot.
  Result<int> Bind();
  // Answers requests until Stop(); Bind() first. Unavailable when serving failed.
  Status Serve();
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace depeche::server

#endif  // DEPECHE_SERVER_HTTP_SERVER_H_
