#include "Analysis/AbstractValue.h"

#include <algorithm>

namespace cloudpact {

std::string Shape::literal() const { return pieces.empty() ? std::string() : pieces[0].text; }

bool Shape::hasHole() const {
  return std::any_of(pieces.begin(), pieces.end(), [](const Piece &p) { return p.hole; });
}

std::string Shape::render() const {
  if (structured)
    return structured->kind == ValueKind::Map ? "{…}" : "[…]";
  std::string out;
  for (const Piece &piece : pieces)
    out += piece.hole ? "…" : piece.text;
  return out;
}

std::string Shape::holeReason() const {
  if (structured)
    return "a structured value where a string is expected";
  for (const Piece &piece : pieces)
    if (piece.hole)
      return piece.text;
  return {};
}

AbstractValue AbstractValue::literal(std::string text, Trace trace) {
  Shape shape;
  if (!text.empty())
    shape.pieces.push_back(Piece{false, std::move(text)});
  shape.trace = std::move(trace);
  return AbstractValue{{std::move(shape)}};
}

AbstractValue AbstractValue::unknown(std::string reason, Trace trace) {
  Shape shape;
  shape.pieces.push_back(Piece{true, std::move(reason)});
  shape.trace = std::move(trace);
  return AbstractValue{{std::move(shape)}};
}

void appendPiece(std::vector<Piece> &pieces, const Piece &piece) {
  if (!piece.hole && piece.text.empty())
    return;
  if (!pieces.empty() && pieces.back().hole == piece.hole) {
    if (!piece.hole)
      pieces.back().text += piece.text;
    return; // two adjacent holes are one hole (the first reason is kept)
  }
  pieces.push_back(piece);
}

namespace {
void appendTrace(Trace &into, const Trace &from) {
  for (const TraceStep &step : from)
    if (std::find(into.begin(), into.end(), step) == into.end())
      into.push_back(step);
}
void appendConditions(std::vector<std::string> &into, const std::vector<std::string> &from) {
  for (const std::string &c : from)
    if (std::find(into.begin(), into.end(), c) == into.end())
      into.push_back(c);
}
} // namespace

AbstractValue concatValues(const std::vector<AbstractValue> &parts) {
  AbstractValue result = AbstractValue::literal("");
  for (const AbstractValue &part : parts) {
    if (part.alternatives.empty())
      return AbstractValue{}; // bottom: nothing flows yet
    AbstractValue next;
    for (const Shape &left : result.alternatives) {
      for (const Shape &right : part.alternatives) {
        Shape joined = left;
        if (right.structured) {
          appendPiece(joined.pieces, Piece{true, "a structured value used as a string"});
        } else {
          for (const Piece &piece : right.pieces)
            appendPiece(joined.pieces, piece);
        }
        appendTrace(joined.trace, right.trace);
        appendConditions(joined.conditions, right.conditions);
        next.alternatives.push_back(std::move(joined));
      }
    }
    if (next.alternatives.size() > kMaxAlternatives)
      widen(next, "more than " + std::to_string(kMaxAlternatives) + " alternatives");
    result = std::move(next);
  }
  return result;
}

namespace {
bool sameShape(const Shape &a, const Shape &b) {
  return a.structured == b.structured && a.pieces == b.pieces && a.conditions == b.conditions;
}
} // namespace

void joinInto(AbstractValue &into, AbstractValue &&from) {
  for (Shape &shape : from.alternatives) {
    auto it = std::find_if(into.alternatives.begin(), into.alternatives.end(),
                           [&](const Shape &existing) { return sameShape(existing, shape); });
    if (it == into.alternatives.end())
      into.alternatives.push_back(std::move(shape));
    else if (shape.trace.size() < it->trace.size())
      it->trace = std::move(shape.trace);
  }
}

void widen(AbstractValue &value, const std::string &reason, size_t bound) {
  if (value.alternatives.size() <= bound)
    return;
  // Common literal prefix and suffix of all string alternatives, a hole between.
  std::string prefix, suffix;
  bool first = true;
  Trace trace;
  for (const Shape &shape : value.alternatives) {
    std::string lead = (!shape.structured && !shape.pieces.empty() && !shape.pieces.front().hole) ? shape.pieces.front().text : "";
    std::string tail = (!shape.structured && !shape.pieces.empty() && !shape.pieces.back().hole) ? shape.pieces.back().text : "";
    if (first) {
      prefix = lead;
      suffix = tail;
      trace = shape.trace;
      first = false;
      continue;
    }
    size_t n = 0;
    while (n < prefix.size() && n < lead.size() && prefix[n] == lead[n])
      ++n;
    prefix.resize(n);
    size_t m = 0;
    while (m < suffix.size() && m < tail.size() && suffix[suffix.size() - 1 - m] == tail[tail.size() - 1 - m])
      ++m;
    suffix = suffix.substr(suffix.size() - m);
  }
  Shape widened;
  appendPiece(widened.pieces, Piece{false, prefix});
  widened.pieces.push_back(Piece{true, "widened: " + reason});
  appendPiece(widened.pieces, Piece{false, suffix});
  widened.trace = std::move(trace);
  value.alternatives = {std::move(widened)};
}

} // namespace cloudpact
