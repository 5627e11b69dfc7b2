#include "store/pg_statement.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <pqxx/pqxx>
#include <string>
#include <utility>

#include "store/pg_connection.h"

namespace depeche::store {
namespace {

constexpr pqxx::oid kByteaOid = 17;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea_output=hex: "\x" then two hex digits a byte (set by PgConnection).
std::string DecodeBytea(std::string_view text) {
  std::string out;
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text);
  out.reserve((text.size() - 2) / 2);
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    int hi = HexValue(text[i]);
    int lo = HexValue(text[i + 1]);
    if (hi < 0 || lo < 0) break;
    out += static_cast<char>(hi << 4 | lo);
  }
  return out;
}

bool ParseDouble(std::string_view text, double* value) {
  if (text == "t") {
    *value = 1;
    return true;
  }
  if (text == "f") {
    *value = 0;
    return true;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

PgStatement::PgStatement(std::shared_ptr<PgConnection> conn, std::string name, int param_count,
                         std::vector<int> sent, bool deferrable)
    : conn_(std::move(conn)),
      name_(std::move(name)),
      sent_(std::move(sent)),
      deferrable_(deferrable),
      values_(static_cast<size_t>(param_count)),
      bound_(static_cast<size_t>(param_count), 0) {}

PgStatement::~PgStatement() { conn_->Unprepare(name_); }

std::string* PgStatement::Slot(int index) {
  if (index < 1 || static_cast<size_t>(index) > values_.size()) {
    if (bind_error_.ok()) {
      bind_error_ = InternalError("binding a parameter: column index out of range (" +
                                  std::to_string(index) + ")");
    }
    return nullptr;
  }
  bound_[index - 1] = 1;
  return &values_[index - 1];
}

void PgStatement::BindText(int index, std::string_view value) {
  if (value.find('\0') != std::string_view::npos) {
    if (bind_error_.ok()) {
      bind_error_ = InvalidArgumentError(
          "binding a parameter: PostgreSQL text cannot hold a NUL byte (parameter " +
          std::to_string(index) + ")");
    }
    return;
  }
  if (std::string* slot = Slot(index)) slot->assign(value.data(), value.size());
}

void PgStatement::BindBlob(int index, const void* data, size_t size) {
  std::string* slot = Slot(index);
  if (slot == nullptr) return;
  static constexpr char kHex[] = "0123456789abcdef";
  slot->resize(2 + 2 * size);
  (*slot)[0] = '\\';
  (*slot)[1] = 'x';
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) {
    (*slot)[2 + 2 * i] = kHex[bytes[i] >> 4];
    (*slot)[3 + 2 * i] = kHex[bytes[i] & 15];
  }
}

void PgStatement::BindInt64(int index, int64_t value) {
  if (std::string* slot = Slot(index)) *slot = std::to_string(value);
}

void PgStatement::BindDouble(int index, double value) {
  std::string* slot = Slot(index);
  if (slot == nullptr) return;
  if (std::isnan(value)) {
    *slot = "NaN";
  } else if (std::isinf(value)) {
    *slot = value > 0 ? "Infinity" : "-Infinity";
  } else {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);  // shortest exact form
    slot->assign(buf, ec == std::errc() ? end : buf);
  }
}

void PgStatement::BindNull(int index) {
  if (Slot(index) != nullptr) bound_[index - 1] = 0;
}

Result<bool> PgStatement::Step() {
  if (!bind_error_.ok()) return bind_error_;
  if (result_ == nullptr) {
    std::vector<const char*> params(sent_.size());
    for (size_t k = 0; k < sent_.size(); ++k) {
      const size_t i = static_cast<size_t>(sent_[k] - 1);
      params[k] = bound_[i] ? values_[i].c_str() : nullptr;
    }
    if (deferrable_ && conn_->defers_writes() && conn_->InTransaction()) {
      DEPECHE_RETURN_IF_ERROR(conn_->Defer(name_, params));
      return false;
    }
    DEPECHE_ASSIGN_OR_RETURN(pqxx::result result, conn_->ExecPrepared(name_, params));
    result_ = std::make_unique<pqxx::result>(std::move(result));
    row_ = 0;
  } else {
    ++row_;
  }
  decoded_valid_.assign(decoded_valid_.size(), 0);
  if (row_ < result_->size()) return true;
  result_.reset();  // done; the next Step() runs the statement again
  return false;
}

void PgStatement::Reset() {
  result_.reset();
  bound_.assign(bound_.size(), 0);
  for (std::string& value : values_) value.clear();
  bind_error_ = Status::Ok();
}

const char* PgStatement::Raw(int index, size_t* size) {
  if (result_ == nullptr || index < 0 || static_cast<size_t>(index) >= result_->columns() ||
      row_ >= result_->size()) {
    return nullptr;
  }
  pqxx::field field = (*result_)[static_cast<pqxx::result::size_type>(row_)]
                                [static_cast<pqxx::row::size_type>(index)];
  if (field.is_null()) return nullptr;
  *size = field.size();
  return field.c_str();
}

std::string_view PgStatement::Decoded(int index) {
  size_t size = 0;
  const char* raw = Raw(index, &size);
  if (raw == nullptr) return {};
  if (result_->column_type(static_cast<pqxx::row::size_type>(index)) != kByteaOid) {
    return {raw, size};
  }
  const auto column = static_cast<size_t>(index);
  if (decoded_.size() <= column) {
    decoded_.resize(column + 1);
    decoded_valid_.resize(column + 1, 0);
  }
  if (!decoded_valid_[column]) {
    decoded_[column] = DecodeBytea({raw, size});
    decoded_valid_[column] = 1;
  }
  return decoded_[column];
}

std::string_view PgStatement::ColumnText(int index) { return Decoded(index); }

std::string_view PgStatement::ColumnBlob(int index) { return Decoded(index); }

int64_t PgStatement::ColumnInt64(int index) {
  size_t size = 0;
  const char* raw = Raw(index, &size);
  if (raw == nullptr) return 0;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(raw, raw + size, value);
  if (ec == std::errc() && end == raw + size) return value;
  // A real, a numeric or a boolean: SQLite's conversion truncates toward zero.
  double real = 0;
  if (!ParseDouble({raw, size}, &real) || std::isnan(real)) return 0;
  if (real >= 9.2233720368547758e18) return std::numeric_limits<int64_t>::max();
  if (real <= -9.2233720368547758e18) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(real);
}

double PgStatement::ColumnDouble(int index) {
  size_t size = 0;
  const char* raw = Raw(index, &size);
  if (raw == nullptr) return 0;
  double value = 0;
  return ParseDouble({raw, size}, &value) ? value : 0;
}

bool PgStatement::ColumnIsNull(int index) {
  size_t size = 0;
  return Raw(index, &size) == nullptr;
}

}  // namespace depeche::store
