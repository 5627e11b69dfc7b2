// The one place where an error becomes an HTTP answer: the status code and the body
// {"error":{"code":"invalid_argument","message":"..."}} (docs/HTTP_API.md, "Errors").
#ifndef DEPECHE_SERVER_HTTP_ERROR_H_
#define DEPECHE_SERVER_HTTP_ERROR_H_

#include <string>

#include "depeche/status.h"

namespace depeche::server {

struct HttpError {
  int http_status = 500;
  std::string code;  // "invalid_argument", "not_found", ...
  std::string message;
};

// InvalidArgument 400, NotFound 404, FailedPrecondition and AlreadyExists 409,
// ResourceExhausted 413 ("too_large"), every other code 500 ("internal", its message kept).
HttpError FromStatus(const Status& status);
// The errors the HTTP layer makes itself.
HttpError Unauthenticated(std::string message);  // 401 "unauthenticated"
HttpError TooLarge(std::string message);         // 413 "too_large"
HttpError NotFoundRoute(std::string message);    // 404 "not_found"
// The JSON body of `error`.
std::string ErrorBody(const HttpError& error);

}  // namespace depeche::server

#endif  // DEPECHE_SERVER_HTTP_ERROR_H_
