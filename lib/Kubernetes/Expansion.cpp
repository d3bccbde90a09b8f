#include "Kubernetes/Expansion.h"

#include "Kubernetes/Manifest.h"

#include <cctype>

namespace cloudpact::kubernetes {

namespace {

/// A hole whose reason is also its trace step, so a finding shows where it is.
ValuePtr hole(std::string reason, const SourceRange &where) {
  return withPhrase(makeUnknown(reason, where), reason);
}

/// The ways a placeholder writes its default (envsubst as Flux uses it); longest first.
constexpr std::string_view kDefaultOperators[] = {":-", ":=", "-", "="};

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Reads `${NAME}` or `${NAME<op>default}` at `at` (which holds `${`); nullopt when it is not one
/// (a GitHub Actions `${{ … }}`, a lone `${`).
std::optional<ExpansionPiece> readPlaceholder(std::string_view input, size_t at) {
  size_t cursor = at + 2;
  if (cursor >= input.size() || !isNameStart(input[cursor]))
    return std::nullopt;
  size_t nameEnd = cursor;
  while (nameEnd < input.size() && isNameChar(input[nameEnd]))
    ++nameEnd;
  size_t close = input.find('}', nameEnd);
  if (close == std::string_view::npos)
    return std::nullopt;
  ExpansionPiece piece{PieceKind::Placeholder, std::string(input.substr(cursor, nameEnd - cursor)), at, close + 1, {}, 0, 0};
  if (close == nameEnd)
    return piece;
  for (std::string_view op : kDefaultOperators) {
    if (input.substr(nameEnd, op.size()) != op)
      continue;
    piece.fallbackBegin = nameEnd + op.size();
    piece.fallbackEnd = close;
    piece.fallback = std::string(input.substr(piece.fallbackBegin, close - piece.fallbackBegin));
    return piece;
  }
  return std::nullopt;
}

} // namespace

std::vector<ExpansionPiece> splitExpansion(std::string_view input, ExpansionSyntax syntax) {
  bool kubernetes = syntax == ExpansionSyntax::Kubernetes;
  std::vector<ExpansionPiece> pieces;
  auto literal = [&](std::string_view text, size_t begin, size_t end) {
    if (!pieces.empty() && pieces.back().kind == PieceKind::Text) {
      pieces.back().text.append(text);
      pieces.back().end = end;
      return;
    }
    pieces.push_back(ExpansionPiece{PieceKind::Text, std::string(text), begin, end, {}, 0, 0});
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
    if (next == '$') { // Kubernetes: `$$` → `$`; elsewhere kept, and what follows is no placeholder
      literal(kubernetes ? "$" : "$$", cursor, cursor + 2);
      cursor += 2;
    } else if (next == '(' && kubernetes) {
      size_t close = input.find(')', cursor + 2);
      if (close == std::string_view::npos) { // incomplete: `$(` stays, scanning resumes after it
        literal("$(", cursor, cursor + 2);
        cursor += 2;
      } else {
        pieces.push_back(ExpansionPiece{PieceKind::Reference, std::string(input.substr(cursor + 2, close - cursor - 2)),
                                        cursor, close + 1, {}, 0, 0});
        cursor = close + 1;
      }
    } else if (auto placeholder = next == '{' ? readPlaceholder(input, cursor) : std::nullopt) {
      cursor = placeholder->end;
      pieces.push_back(std::move(*placeholder));
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

ValuePtr expandScalar(const syntax::Node &scalar, size_t begin, size_t end, const VariableLookup &lookup,
                      ExpansionSyntax syntax) {
  end = std::min(end, scalar.value.size());
  begin = std::min(begin, end);
  std::string_view text = std::string_view(scalar.value).substr(begin, end - begin);
  SourceRange whole = subRange(scalar, begin, end);
  if (text.find('$') == std::string_view::npos)
    return makeLiteral(std::string(text), whole);

  std::vector<ValuePtr> parts;
  std::string pending; // literal text not yet emitted
  size_t pendingBegin = 0;
  bool expanded = false;
  auto flush = [&](size_t upTo) {
    if (pending.empty())
      return;
    parts.push_back(makeLiteral(pending, subRange(scalar, begin + pendingBegin, begin + upTo)));
    pending.clear();
  };
  auto rangeOf = [&](size_t from, size_t to) { return subRange(scalar, begin + from, begin + to); };
  for (const ExpansionPiece &piece : splitExpansion(text, syntax)) {
    if (piece.kind == PieceKind::Text) {
      if (pending.empty())
        pendingBegin = piece.begin;
      pending += piece.text;
      continue;
    }
    expanded = true;
    flush(piece.begin);
    SourceRange where = rangeOf(piece.begin, piece.end);
    std::string written(text.substr(piece.begin, piece.end - piece.begin));
    if (piece.kind == PieceKind::Placeholder) {
      ValuePtr placeholder = hole(written + " is substituted at deploy time", where);
      if (piece.fallback)
        placeholder = makeChoice({placeholder, withPhrase(makeLiteral(*piece.fallback, rangeOf(piece.fallbackBegin, piece.fallbackEnd)),
                                            "default of " + written)},
                                 where);
      parts.push_back(std::move(placeholder));
      continue;
    }
    ValuePtr value = lookup ? lookup(piece.text) : nullptr;
    if (!value) {
      // Kubernetes leaves the reference as written; what fills it in is not in the manifest.
      parts.push_back(hole(written + " is not set in the container", where));
      continue;
    }
    // A one-part concat located at the reference keeps the variable's own trace inside it.
    auto step = std::make_shared<Value>();
    step->kind = ValueKind::Concat;
    step->parts = {value};
    step->range = where;
    step->phrase = "expands " + written;
    parts.push_back(std::move(step));
  }
  flush(text.size());
  if (!expanded)
    return makeLiteral(parts.empty() ? std::string() : parts.front()->text, whole);
  return makeConcat(std::move(parts), whole);
}

ValuePtr placeholderValue(const syntax::Node &scalar, size_t begin, size_t end) {
  return expandScalar(scalar, begin, end, nullptr, ExpansionSyntax::Placeholders);
}

} // namespace cloudpact::kubernetes
