#pragma once
// JSON request bodies written in C++ source: a string literal holding a whole JSON text, or a
// body concatenated from literal pieces and expressions. No Clang here.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudpact::cxx {

struct JsonMember;

/// A parsed JSON value with byte offsets into the text it came from.
struct JsonNode {
  enum class Kind { Object, Array, String, Scalar };
  Kind kind = Kind::Scalar;
  std::string text;  // decoded string, or the scalar's spelling (numbers, true, false, null)
  size_t offset = 0; // first byte of the value (for strings: after the opening quote)
  size_t length = 0; // bytes of the value as written (for strings: without the quotes)
  std::vector<JsonMember> fields; // Object, in order
  std::vector<JsonNode> items;    // Array
};

struct JsonMember {
  std::string key;
  JsonNode value;
};

/// Parses a whole JSON text (surrounding whitespace allowed). False if it is not valid JSON.
bool parseJson(std::string_view text, JsonNode &out);

/// A body built by concatenation: literal pieces and opaque parts ("holes"), in order.
struct BodyPiece {
  bool hole = false;
  std::string text; // literal text (hole: unused)
};

/// One string member found at the top level of a concatenated JSON object.
struct BodyField {
  std::string key;
  /// The value as pieces: for a literal piece, (piece index, byte offset, length) of the text
  /// inside that piece; for a hole, (piece index, 0, 0).
  struct Part {
    size_t piece = 0;
    size_t offset = 0;
    size_t length = 0;
    bool hole = false;
  };
  std::vector<Part> parts;
};

/// Finds the top-level `"key": "value"` members (and `"key": <hole>`) of a JSON object whose
/// text is split into pieces. Returns false unless the first piece starts an object.
bool scanConcatenatedJson(const std::vector<BodyPiece> &pieces, std::vector<BodyField> &out);

} // namespace cloudpact::cxx
