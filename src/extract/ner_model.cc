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

constexpr std::string_view kMagic = "DEPECHE-NER 2\n";

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
  size_t Remaining() const { return data_.size() - pos_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace

NerModel::NerModel(Header header, std::vector<NerStage> stages) : header_(std::move(header)) {
  for (NerStage& stage : stages) stages_.push_back(BuildTable(std::move(stage)));
}

NerModel::NerModel(Header header, std::vector<uint64_t> keys, std::vector<float> weights,
                   std::vector<float> transitions)
    : header_(std::move(header)) {
  stages_.push_back(BuildTable({std::move(keys), std::move(weights), std::move(transitions)}));
}

NerModel::Table NerModel::BuildTable(NerStage stage) {
  Table t;
  t.keys = std::move(stage.keys);
  t.weights = std::move(stage.weights);
  t.transitions = std::move(stage.transitions);
  t.transitions.resize(kTransitionRows * kNerLabels, 0.0f);
  t.weights.resize(t.keys.size() * kNerLabels, 0.0f);
  const uint64_t capacity = std::bit_ceil(std::max<uint64_t>(16, t.keys.size() * 2));
  t.mask = capacity - 1;
  t.slot_keys.assign(capacity, 0);
  t.slot_rows.assign(capacity, 0);
  for (size_t row = 0; row < t.keys.size(); ++row) {
    const uint64_t key = SlotKey(t.keys[row]);
    uint64_t slot = key & t.mask;
    while (t.slot_keys[slot] != 0 && t.slot_keys[slot] != key) slot = (slot + 1) & t.mask;
    t.slot_keys[slot] = key;
    t.slot_rows[slot] = static_cast<uint32_t>(row);
  }
  return t;
}

size_t NerModel::rows() const {
  size_t n = 0;
  for (const Table& t : stages_) n += t.keys.size();
  return n;
}

void NerModel::AddScores(size_t stage, std::span<const uint64_t> features, float* scores) const {
  const Table& t = stages_[stage];
  if (t.keys.empty()) return;
  for (uint64_t feature : features) {
    const uint64_t key = SlotKey(feature);
    for (uint64_t slot = key & t.mask;; slot = (slot + 1) & t.mask) {
      const uint64_t k = t.slot_keys[slot];
      if (k == 0) break;
      if (k == key) {
        const float* w = &t.weights[static_cast<size_t>(t.slot_rows[slot]) * kNerLabels];
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
  if (stages_.empty() || stages_.size() > 2) {
    return InvalidArgumentError("a NER model has one or two stages");
  }
  PutLe(out, static_cast<uint32_t>(kNerLabels));
  PutLe(out, static_cast<uint32_t>(stages_.size()));
  for (const Table& t : stages_) {
    float max_abs = 0.0f;
    for (float w : t.weights) max_abs = std::max(max_abs, std::fabs(w));
    const float scale = max_abs > 0.0f ? max_abs / 32767.0f : 1.0f;
    std::vector<size_t> order(t.keys.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return t.keys[a] < t.keys[b]; });
    std::string rows;
    uint32_t kept = 0;
    int16_t q[kNerLabels];
    for (size_t row : order) {
      bool any = false;
      for (int l = 0; l < kNerLabels; ++l) {
        const float v = std::round(t.weights[row * kNerLabels + l] / scale);
        q[l] = static_cast<int16_t>(std::clamp(v, -32767.0f, 32767.0f));
        any = any || q[l] != 0;
      }
      if (!any) continue;
      ++kept;
      PutLe(rows, t.keys[row]);
      for (int l = 0; l < kNerLabels; ++l) PutLe(rows, q[l]);
    }
    PutLe(out, kept);
    PutLe(out, scale);
    for (float x : t.transitions) PutLe(out, x);
    out += rows;
  }

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
  uint32_t labels = 0, stage_count = 0;
  if (!r.Get(labels) || !r.Get(stage_count)) return corrupt("truncated");
  if (labels != kNerLabels) return corrupt("label count " + std::to_string(labels));
  if (stage_count < 1 || stage_count > 2) return corrupt("stage count");
  std::vector<NerStage> stages(stage_count);
  for (NerStage& stage : stages) {
    uint32_t rows = 0;
    float scale = 0;
    if (!r.Get(rows) || !r.Get(scale)) return corrupt("truncated");
    if (!std::isfinite(scale)) return corrupt("bad scale");
    stage.transitions.resize(kTransitionRows * kNerLabels);
    for (float& t : stage.transitions) {
      if (!r.Get(t) || !std::isfinite(t)) return corrupt("truncated transitions");
    }
    if (static_cast<uint64_t>(rows) * (8 + 2 * kNerLabels) > r.Remaining()) {
      return corrupt("row count larger than the file");
    }
    stage.keys.resize(rows);
    stage.weights.resize(static_cast<size_t>(rows) * kNerLabels);
    for (uint32_t row = 0; row < rows; ++row) {
      if (!r.Get(stage.keys[row])) return corrupt("truncated rows");
      for (int l = 0; l < kNerLabels; ++l) {
        int16_t q;
        if (!r.Get(q)) return corrupt("truncated rows");
        stage.weights[static_cast<size_t>(row) * kNerLabels + l] = static_cast<float>(q) * scale;
      }
    }
  }
  if (!r.AtEnd()) return corrupt("trailing bytes");
  return NerModel(std::move(header), std::move(stages));
}

}  // namespace depeche::extract
