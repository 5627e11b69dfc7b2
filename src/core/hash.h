// Stable 64-bit hashing (XXH3) and hex ids. Same input, same id, on every machine.
#ifndef DEPECHE_CORE_HASH_H_
#define DEPECHE_CORE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace depeche::core {

uint64_t Hash64(std::string_view data, uint64_t seed = 0);

// 16 lowercase hex digits.
std::string Hex64(uint64_t value);

// Incremental XXH3-64 for hashing a stream of pieces without concatenating them.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  void Update(std::string_view piece);
  uint64_t Digest() const;

 private:
  void* state_;  // XXH3_state_t*
};

}  // namespace depeche::core

#endif  // DEPECHE_CORE_HASH_H_
