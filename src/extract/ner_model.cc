#include "extract/ner_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

namespace depeche::extract {
namespace {

constexpr std::string_view kMagic = "DEPECHE-NER 1\n";

uint64_t SlotKey(uint64_t key) { return key == 0 ? 1 : key; }

template <typename T>
void PutLe(std::string& out, T value) {
  using U = std::make_unsigned_t<std::conditional_t<std::is_floating_point_v<T>, int32_t, T>>;
  U bits;
  static_assert(sizeof(U) == sizeof(T));
  std::memcpy(&bits, &value, sizeof(T));
  for (size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  template <typename T>
  bool Get(T& value) {
    using U = std::make_unsigned_t<std::conditional_t<std::is_floating_point_v<T>, int32_t, T>>;
    if (data_.size() - pos_ < sizeof(T)) return false;
    U bits = 0;
    for (size_t i = 0; i < sizeof(T); ++i) {
      bits |=
          static_cast<U>(static_cast<U>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i));
    }
    std::memcpy(&value, &bits, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool AtEnd() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace

NerModel::NerModel(Header header, std::vector<uint64_t> keys, std::vector<float> weights,
                   std::vector<float> transitions)
    : header_(std::move(header)),
      keys_(std::move(keys)),
      weights_(std::move(weights)),
      transitions_(std::move(transitions)) {
  transitions_.resize(kTransitionRows * kNerLabels, 0.0f);
  weights_.resize(keys_.size() * kNerLabels, 0.0f);
  BuildIndex();
}

void NerModel::BuildIndex() {
  const uint64_t capacity = std::bit_ceil(std::max<uint64_t>(16, keys_.size() * 2));
  mask_ = capacity - 1;
  slot_keys_.assign(capacity, 0);
  slot_rows_.assign(capacity, 0);
  for (size_t row = 0; row < keys_.size(); ++row) {
    const uint64_t key = SlotKey(keys_[row]);
    uint64_t slot = key & mask_;
    while (slot_keys_[slot] != 0 && slot_keys_[slot] != key) slot = (slot + 1) & mask_;
    slot_keys_[slot] = key;
    slot_rows_[slot] = static_cast<uint32_t>(row);
  }
}

void NerModel::AddScores(std::span<const uint64_t> features, float* scores) const {
  if (keys_.empty()) return;
  for (uint64_t feature : features) {
    const uint64_t key = SlotKey(feature);
    for (uint64_t slot = key & mask_;; slot = (slot + 1) & mask_) {
      const uint64_t k = slot_keys_[slot];
      if (k == 0) break;
      if (k == key) {
        const float* w = &weights_[static_cast<size_t>(slot_rows_[slot]) * kNerLabels];
        for (int l = 0; l < kNerLabels; ++l) scores[l] += w[l];
        break;
      }
    }
  }
}

std::string NerModel::Get(const std::string& key) const {
  auto it = header_.find(key);
  return it == header_.end() ? std::string() : it->second;
}

std::string_view NerModel::lang() const {
  auto it = header_.find("lang");
  return it == header_.end() ? std::string_view() : std::string_view(it->second);
}

Status NerModel::Save(const std::string& path) const {
  std::string out(kMagic);
  for (const auto& [key, value] : header_) {
    std::string v = value;
    std::replace(v.begin(), v.end(), '\n', ' ');
    if (key.empty() || key.find_first_of(":\n") != std::string::npos) {
      return InvalidArgumentError("NER model header key '" + key + "' is not a plain word");
    }
    out += key + ": " + v + "\n";
  }
  out += "\n";
  float max_abs = 0.0f;
  for (float w : weights_) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0.0f ? max_abs / 32767.0f : 1.0f;
  std::vector<size_t> order(keys_.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys_[a] < keys_[b]; });
  std::string rows;
  uint32_t kept = 0;
  int16_t q[kNerLabels];
  for (size_t row : order) {
    bool any = false;
    for (int l = 0; l < kNerLabels; ++l) {
      const float v = std::round(weights_[row * kNerLabels + l] / scale);
      q[l] = static_cast<int16_t>(std::clamp(v, -32767.0f, 32767.0f));
      any = any || q[l] != 0;
    }
    if (!any) continue;
    ++kept;
    PutLe(rows, keys_[row]);
    for (int l = 0; l < kNerLabels; ++l) PutLe(rows, q[l]);
  }
  PutLe(out, static_cast<uint32_t>(kNerLabels));
  PutLe(out, kept);
  PutLe(out, scale);
  for (float t : transitions_) PutLe(out, t);
  out += rows;

  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return UnavailableError(tmp + ": cannot open for writing");
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f) return UnavailableError(tmp + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return UnavailableError(path + ": " + ec.message());
  return Status::Ok();
}

Result<NerModel> NerModel::Load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFoundError(path + ": no NER model file");
  std::ifstream f(path, std::ios::binary);
  if (!f) return UnavailableError(path + ": cannot open");
  std::ostringstream buffer;
  buffer << f.rdbuf();
  const std::string data = buffer.str();
  auto corrupt = [&](const std::string& why) {
    return DataLossError(path + ": not a depeche NER model (" + why + ")");
  };
  if (data.compare(0, kMagic.size(), kMagic) != 0) return corrupt("bad magic");
  Header header;
  size_t pos = kMagic.size();
  while (true) {
    const size_t eol = data.find('\n', pos);
    if (eol == std::string::npos) return corrupt("header not terminated");
    std::string_view line(data.data() + pos, eol - pos);
    pos = eol + 1;
    if (line.empty()) break;
    const size_t colon = line.find(": ");
    if (colon == std::string_view::npos) return corrupt("bad header line");
    header[std::string(line.substr(0, colon))] = std::string(line.substr(colon + 2));
  }
  Reader r(std::string_view(data).substr(pos));
  uint32_t labels = 0, rows = 0;
  float scale = 0;
  if (!r.Get(labels) || !r.Get(rows) || !r.Get(scale)) return corrupt("truncated");
  if (labels != kNerLabels) return corrupt("label count " + std::to_string(labels));
  if (!std::isfinite(scale)) return corrupt("bad scale");
  std::vector<float> transitions(kTransitionRows * kNerLabels);
  for (float& t : transitions) {
    if (!r.Get(t) || !std::isfinite(t)) return corrupt("truncated transitions");
  }
  const size_t row_bytes = 8 + 2 * kNerLabels;
  if (static_cast<uint64_t>(rows) * row_bytes != data.size() - pos - 12 - 4 * transitions.size()) {
    return corrupt("row count does not match the file size");
  }
  std::vector<uint64_t> keys(rows);
  std::vector<float> weights(static_cast<size_t>(rows) * kNerLabels);
  for (uint32_t row = 0; row < rows; ++row) {
    if (!r.Get(keys[row])) return corrupt("truncated rows");
    for (int l = 0; l < kNerLabels; ++l) {
      int16_t q;
      if (!r.Get(q)) return corrupt("truncated rows");
      weights[static_cast<size_t>(row) * kNerLabels + l] = static_cast<float>(q) * scale;
    }
  }
  if (!r.AtEnd()) return corrupt("trailing bytes");
  return NerModel(std::move(header), std::move(keys), std::move(weights), std::move(transitions));
}

}  // namespace depeche::extract
