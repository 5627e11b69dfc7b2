#include "ingest/html_arena.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace depeche::ingest {
namespace {

constexpr size_t kHeader = 16;  // keeps every block 16-byte aligned
constexpr size_t kChunk = 256u << 10;
constexpr size_t kLarge = 16u << 10;
constexpr uint64_t kSmall = ~uint64_t{0};  // header value of a chunk block

}  // namespace

GumboArena::~GumboArena() {
  for (char* chunk : chunks_) std::free(chunk);
  for (char* block : large_) std::free(block);
}

void* GumboArena::Allocate(void* self, size_t size) {
  auto* arena = static_cast<GumboArena*>(self);
  if (size > kLarge) {
    auto* block = static_cast<char*>(std::malloc(size + kHeader));
    if (block == nullptr) return nullptr;
    uint64_t slot = arena->large_.size();
    std::memcpy(block, &slot, sizeof(slot));
    arena->large_.push_back(block);
    arena->bytes_reserved_ += size + kHeader;
    return block + kHeader;
  }
  size_t total = (size + kHeader + 15) & ~size_t{15};
  if (arena->left_ < total) {
    auto* chunk = static_cast<char*>(std::malloc(kChunk));
    if (chunk == nullptr) return nullptr;
    arena->chunks_.push_back(chunk);
    arena->cursor_ = chunk;
    arena->left_ = kChunk;
    arena->bytes_reserved_ += kChunk;
  }
  char* block = arena->cursor_;
  arena->cursor_ += total;
  arena->left_ -= total;
  std::memcpy(block, &kSmall, sizeof(kSmall));
  return block + kHeader;
}

void GumboArena::Deallocate(void* self, void* ptr) {
  if (ptr == nullptr) return;
  auto* arena = static_cast<GumboArena*>(self);
  char* block = static_cast<char*>(ptr) - kHeader;
  uint64_t slot;
  std::memcpy(&slot, block, sizeof(slot));
  if (slot == kSmall || slot >= arena->large_.size()) return;
  std::free(arena->large_[slot]);
  arena->large_[slot] = nullptr;
}

}  // namespace depeche::ingest
