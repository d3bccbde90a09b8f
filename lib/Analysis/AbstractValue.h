#pragma once
// The abstract string domain: a bounded set of shapes. A shape is a sequence of known literal
// pieces and unknown holes, with the trace that produced it. Structured alternatives (maps and
// lists) keep their Value so attribute access can project through them.
#include "Core/Finding.h"
#include "Core/Value.h"

#include <string>
#include <vector>

namespace cloudpact {

struct Piece {
  bool hole = false;
  std::string text; // the literal, or for a hole the reason it is unknown
  bool operator==(const Piece &other) const { return hole == other.hole && (hole || text == other.text); }
};

struct Shape {
  std::vector<Piece> pieces; // adjacent literals are merged; empty = the empty string
  ValuePtr structured;       // non-null: a Map or List alternative (pieces empty)
  Trace trace;
  std::vector<std::string> conditions; // assumptions this alternative needs, e.g. "-var-file=prod.tfvars"

  bool isLiteral() const { return !structured && (pieces.empty() || (pieces.size() == 1 && !pieces[0].hole)); }
  bool isStructured() const { return structured != nullptr; }
  std::string literal() const; // precondition: isLiteral()
  bool hasHole() const;
  /// Literal text with holes rendered as "…".
  std::string render() const;
  /// Reason of the first hole, if any.
  std::string holeReason() const;
};

struct AbstractValue {
  std::vector<Shape> alternatives;

  static AbstractValue literal(std::string text, Trace trace = {});
  static AbstractValue unknown(std::string reason, Trace trace = {});
  bool empty() const { return alternatives.empty(); }
};

/// Bound on alternatives per value; beyond it the set widens to one shape.
inline constexpr size_t kMaxAlternatives = 16;

void appendPiece(std::vector<Piece> &pieces, const Piece &piece);
/// Concatenation: the cross product of alternatives, traces joined in order (bounded).
AbstractValue concatValues(const std::vector<AbstractValue> &parts);
/// Union with deduplication (same pieces and same structured value keep the shorter trace).
void joinInto(AbstractValue &into, AbstractValue &&from);
/// Bounds the set: over kMaxAlternatives, keeps the common literal prefix and suffix around a hole.
void widen(AbstractValue &value, const std::string &reason, size_t bound = kMaxAlternatives);

} // namespace cloudpact
