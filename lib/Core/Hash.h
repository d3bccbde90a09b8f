#pragma once
// A stable 64-bit hash (FNV-1a) for fingerprints and content-derived ids: the same input gives
// the same value on every machine and run.
#include <cstdint>
#include <string>
#include <string_view>

namespace cloudpact {

inline uint64_t stableHash(std::string_view text, uint64_t hash = 1469598103934665603ULL) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

/// 16 lower-case hex digits.
inline std::string hexDigits(uint64_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4)
    out[i] = digits[value & 0xf];
  return out;
}

} // namespace cloudpact
