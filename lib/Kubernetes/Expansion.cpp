#include "Kubernetes/Expansion.h"

#include "Kubernetes/Manifest.h"

namespace cloudpact::kubernetes {

std::vector<ExpansionPiece> splitExpansion(std::string_view input) {
  std::vector<ExpansionPiece> pieces;
  auto literal = [&](std::string_view text, size_t begin, size_t end) {
    if (!pieces.empty() && !pieces.back().variable) {
      pieces.back().text.append(text);
      pieces.back().end = end;
      return;
    }
    pieces.push_back(ExpansionPiece{false, std::string(text), begin, end});
  };
  size_t checkpoint = 0;
  size_t cursor = 0;
  while (cursor < input.size()) {
    // A `$` as the last byte is plain text.
    if (input[cursor] != '$' || cursor + 1 >= input.size()) {
      ++cursor;
      continue;
    }
    if (cursor > checkpoint)
      literal(input.substr(checkpoint, cursor - checkpoint), checkpoint, cursor);
    char next = input[cursor + 1];
    if (next == '$') { // `$$` → `$`
      literal("$", cursor, cursor + 2);
      cursor += 2;
    } else if (next == '(') {
      size_t close = input.find(')', cursor + 2);
      if (close == std::string_view::npos) { // incomplete: `$(` stays, scanning resumes after it
        literal("$(", cursor, cursor + 2);
        cursor += 2;
      } else {
        pieces.push_back(ExpansionPiece{true, std::string(input.substr(cursor + 2, close - cursor - 2)),
                                        cursor, close + 1});
        cursor = close + 1;
      }
    } else { // `$x` is kept as written
      literal(input.substr(cursor, 2), cursor, cursor + 2);
      cursor += 2;
    }
    checkpoint = cursor;
  }
  if (checkpoint < input.size())
    literal(input.substr(checkpoint), checkpoint, input.size());
  return pieces;
}

ValuePtr expandScalar(const syntax::Node &scalar, size_t begin, size_t end, const VariableLookup &lookup) {
  end = std::min(end, scalar.value.size());
  begin = std::min(begin, end);
  std::string_view text = std::string_view(scalar.value).substr(begin, end - begin);
  SourceRange whole = subRange(scalar, begin, end);
  if (text.find('$') == std::string_view::npos)
    return makeLiteral(std::string(text), whole);

  std::vector<ValuePtr> parts;
  std::string pending; // literal text not yet emitted
  size_t pendingBegin = 0;
  bool resolved = false;
  auto flush = [&](size_t upTo) {
    if (pending.empty())
      return;
    parts.push_back(makeLiteral(pending, subRange(scalar, begin + pendingBegin, begin + upTo)));
    pending.clear();
  };
  for (const ExpansionPiece &piece : splitExpansion(text)) {
    ValuePtr value = piece.variable ? lookup(piece.text) : nullptr;
    if (!value) {
      if (pending.empty())
        pendingBegin = piece.begin;
      pending += piece.variable ? "$(" + piece.text + ")" : piece.text;
      continue;
    }
    resolved = true;
    flush(piece.begin);
    // A one-part concat located at the reference keeps the variable's own trace inside it.
    auto step = std::make_shared<Value>();
    step->kind = ValueKind::Concat;
    step->parts = {value};
    step->range = subRange(scalar, begin + piece.begin, begin + piece.end);
    step->phrase = "expands $(" + piece.text + ")";
    parts.push_back(std::move(step));
  }
  flush(text.size());
  if (!resolved)
    return makeLiteral(parts.empty() ? std::string() : parts.front()->text, whole);
  return makeConcat(std::move(parts), whole);
}

} // namespace cloudpact::kubernetes
