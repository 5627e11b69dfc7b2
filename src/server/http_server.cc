#include "server/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <semaphore>
#include <thread>

namespace depeche::server {
namespace {

// Compares without stopping at the first difference, so that timing does not tell how much of
// a guessed token was right.
bool SameSecret(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

// Moves the body: story pages run to hundreds of kilobytes.
void Send(Response&& from, httplib::Response& to) {
  to.status = from.status;
  for (const auto& [name, value] : from.headers) to.set_header(name, value);
  to.set_header("Content-Type", from.content_type);
  to.body = std::move(from.body);
}

// One of ServerOptions::concurrent_reads, for one handler call (released when it throws too).
class ReadSlot {
 public:
  explicit ReadSlot(std::counting_semaphore<>& slots) : slots_(slots) { slots_.acquire(); }
  ~ReadSlot() { slots_.release(); }
  ReadSlot(const ReadSlot&) = delete;
  ReadSlot& operator=(const ReadSlot&) = delete;

 private:
  std::counting_semaphore<>& slots_;
};

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct HttpServer::Impl {
  ServerOptions options;
  std::unique_ptr<Service> service;
  httplib::Server http;
  int port = -1;
  std::atomic<int> listen_socket{-1};  // the socket httplib binds (set_socket_options)
  std::unique_ptr<std::counting_semaphore<>> reads;  // ServerOptions::concurrent_reads
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() = default;

Result<std::unique_ptr<HttpServer>> HttpServer::Create(const EngineConfig& config,
                                                       const ServerOptions& options,
                                                       const Limits& limits) {
  if (!IsLoopback(options.host) && options.token.empty()) {
    return InvalidArgumentError("listening on " + options.host +
                                " needs a token (--token or DEPECHE_TOKEN): writes would be open "
                                "to anyone who can reach it");
  }
  if (options.threads < 1) return InvalidArgumentError("threads must be at least 1");
  if (limits.max_read_engines < 1) {
    return InvalidArgumentError("max_read_engines must be at least 1");
  }
  auto service = Service::Open(config, limits, options.read_db);
  if (!service.ok()) return service.status();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->service = std::move(service).value();
  Service* svc = impl->service.get();
  httplib::Server& http = impl->http;
  // Without it, Nagle and delayed ACKs add ~40 ms to every answer (DEPENDENCIES.md).
  http.set_tcp_nodelay(true);
  const int threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(limits.max_body_bytes);
  http.set_read_timeout(options.timeout_seconds, 0);
  http.set_write_timeout(options.timeout_seconds, 0);
  http.set_keep_alive_max_count(static_cast<size_t>(std::max(1, options.keep_alive_requests)));
  http.set_keep_alive_timeout(std::max(1, options.keep_alive_seconds));
  // httplib's own options (SO_REUSEADDR), and the socket kept to raise its backlog in Bind().
  Impl* raw = impl.get();
  http.set_socket_options([raw](socket_t sock) {
    httplib::default_socket_options(sock);
    raw->listen_socket = sock;
  });
  const std::string token = options.token;
  const int reads = options.concurrent_reads > 0
                        ? options.concurrent_reads
                        : 2 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  impl->reads = std::make_unique<std::counting_semaphore<>>(reads);
  std::counting_semaphore<>* read_slots = impl->reads.get();
  for (const Route& route : Routes()) {
    auto handle = [svc, route, token, read_slots](const httplib::Request& req,
                                                  httplib::Response& res) {
      const auto start = std::chrono::steady_clock::now();
      Response out;
      // Every method but GET writes (POST, DELETE): it needs the token when there is one.
      if (route.method != "GET" && !token.empty() &&
          !SameSecret(req.get_header_value("Authorization"), "Bearer " + token)) {
        out = ErrorResponse(Unauthenticated("this server needs Authorization: Bearer <token>"));
      } else {
        Request in;
        in.method = req.method;
        in.path = req.path;
        for (size_t i = 1; i < req.matches.size(); ++i) in.captures.push_back(req.matches[i]);
        for (const auto& [name, value] : req.params) in.params.emplace(name, value);
        in.body = req.body;
        if (route.method == "GET") {
          ReadSlot slot(*read_slots);
          out = route.handler(*svc, in);
        } else {
          out = route.handler(*svc, in);
        }
      }
      const int status = out.status;
      Send(std::move(out), res);
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      svc->metrics().Record(route.name, status, took.count());
    };
    if (route.method == "GET") {
      http.Get(route.pattern, handle);
    } else if (route.method == "DELETE") {
      http.Delete(route.pattern, handle);
    } else {
      http.Post(route.pattern, handle);
    }
  }
  // Answers httplib made itself (no route, a body too large, a bad request): the same error
  // shape. The handlers' own errors already have a body.
  http.set_error_handler(httplib::Server::HandlerWithResponse([svc](const httplib::Request& req,
                                                                    httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    HttpError error;
    if (res.status == 404) {
      error = NotFoundRoute("no such endpoint: " + req.method + " " + req.path);
    } else if (res.status == 413) {
      // httplib caps form-encoded bodies (curl's default type) at 8 KiB whatever the limit.
      const bool form =
          req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0;
      error = TooLarge(form ? "send articles as application/json or application/x-ndjson (a "
                              "form-encoded body is limited to 8 KiB)"
                            : "the request body is larger than the server accepts");
    } else if (res.status < 500) {
      error = {res.status, "invalid_argument", "bad request"};
    } else {
      error = {res.status, "internal", "the server failed"};
    }
    res.set_content(ErrorBody(error) + "\n", "application/json");
    svc->metrics().Record("unmatched", res.status, 0.0);
    return httplib::Server::HandlerResponse::Handled;
  }));
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

Result<int> HttpServer::Bind() {
  Impl& s = *impl_;
  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.host);
    if (s.port < 0) return UnavailableError("cannot listen on " + s.options.host);
  } else {
    if (!s.http.bind_to_port(s.options.host, s.options.port)) {
      return UnavailableError("cannot listen on " + s.options.host + ":" +
                              std::to_string(s.options.port) + " (in use, or not allowed)");
    }
    s.port = s.options.port;
  }
  // httplib listens with a backlog of 5: a burst of new connections (a load balancer, a
  // benchmark opening 256) overflows it, and each dropped handshake costs its client a 1 s
  // retransmission. listen() again on the bound socket only raises the queue.
  const int sock = s.listen_socket.load();
  if (sock >= 0 && s.options.backlog > 5) (void)::listen(sock, s.options.backlog);
  return s.port;
}

Status HttpServer::Serve() {
  if (!impl_->http.listen_after_bind()) return UnavailableError("the server stopped on an error");
  return Status::Ok();
}

void HttpServer::Stop() { impl_->http.stop(); }

}  // namespace depeche::server
