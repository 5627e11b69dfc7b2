#include "server/http_error.h"

#include <nlohmann/json.hpp>

namespace depeche::server {

HttpError FromStatus(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      return {400, "invalid_argument", status.message()};
    case StatusCode::kNotFound:
      return {404, "not_found", status.message()};
    case StatusCode::kFailedPrecondition:
      return {409, "failed_precondition", status.message()};
    case StatusCode::kAlreadyExists:
      return {409, "already_exists", status.message()};
    case StatusCode::kResourceExhausted:
      return {413, "too_large", status.message()};
    default:
      return {500, "internal", status.message()};
  }
}

HttpError Unauthenticated(std::string message) {
  return {401, "unauthenticated", std::move(message)};
}
HttpError TooLarge(std::string message) { return {413, "too_large", std::move(message)}; }
HttpError NotFoundRoute(std::string message) { return {404, "not_found", std::move(message)}; }

std::string ErrorBody(const HttpError& error) {
  nlohmann::json j = {{"error", {{"code", error.code}, {"message", error.message}}}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace depeche::server
