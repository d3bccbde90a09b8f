#include "Report/Display.h"

#include <algorithm>
#include <vector>

namespace cloudpact {

namespace {

/// Characters that are valid UTF-8 and printable, yet reorder or break the lines a terminal,
/// an editor or a code-review page shows ("Trojan Source"), or that a terminal obeys.
struct CodePointRange {
  char32_t first, last;
};
constexpr CodePointRange kEscapedCodePoints[] = {
    {0x0080, 0x009F}, // C1 controls: U+009B is CSI to an 8-bit terminal
    {0x061C, 0x061C}, // Arabic letter mark
    {0x200E, 0x200F}, // left-to-right and right-to-left marks
    {0x2028, 0x2029}, // line and paragraph separators
    {0x202A, 0x202E}, // bidirectional embeddings and overrides
    {0x2066, 0x2069}, // bidirectional isolates
};

constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

bool inRange(unsigned char c, unsigned char low, unsigned char high) { return c >= low && c <= high; }

/// Length of the well-formed UTF-8 sequence at `at` (Unicode table 3-7), 0 if there is none:
/// no overlong forms, no surrogates, nothing past U+10FFFF.
size_t sequenceLength(std::string_view text, size_t at) {
  auto byte = [&](size_t i) -> unsigned char { return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0; };
  unsigned char lead = byte(0);
  if (lead < 0x80)
    return 1;
  auto continuation = [&](size_t i) { return inRange(byte(i), 0x80, 0xBF); };
  if (inRange(lead, 0xC2, 0xDF))
    return continuation(1) ? 2 : 0;
  if (inRange(lead, 0xE0, 0xEF)) {
    unsigned char low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    return inRange(byte(1), low, high) && continuation(2) ? 3 : 0;
  }
  if (inRange(lead, 0xF0, 0xF4)) {
    unsigned char low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    return inRange(byte(1), low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

char32_t decode(std::string_view sequence) {
  auto c = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(sequence[i])); };
  switch (sequence.size()) {
  case 1: return c(0);
  case 2: return ((c(0) & 0x1F) << 6) | (c(1) & 0x3F);
  case 3: return ((c(0) & 0x0F) << 12) | ((c(1) & 0x3F) << 6) | (c(2) & 0x3F);
  default: return ((c(0) & 0x07) << 18) | ((c(1) & 0x3F) << 12) | ((c(2) & 0x3F) << 6) | (c(3) & 0x3F);
  }
}

bool escaped(char32_t codePoint) {
  return std::any_of(std::begin(kEscapedCodePoints), std::end(kEscapedCodePoints),
                     [&](const CodePointRange &range) { return codePoint >= range.first && codePoint <= range.last; });
}

/// How one character of the input is shown: itself, U+FFFD, or an escape.
void appendShown(std::string &out, std::string_view sequence) {
  static const char hex[] = "0123456789abcdef";
  if (sequence.empty()) {
    out += kReplacement;
    return;
  }
  char32_t codePoint = decode(sequence);
  if (codePoint == '\t' || (codePoint >= 0x20 && codePoint < 0x7F)) {
    out += static_cast<char>(codePoint);
  } else if (codePoint == '\n') {
    out += "\\n";
  } else if (codePoint == '\r') {
    out += "\\r";
  } else if (codePoint < 0x80) { // the other C0 controls and DEL
    out += "\\x";
    out += hex[codePoint >> 4];
    out += hex[codePoint & 15];
  } else if (escaped(codePoint)) {
    out += "\\u{";
    for (int shift = 12; shift >= 0; shift -= 4)
      out += hex[(codePoint >> shift) & 15];
    out += '}';
  } else {
    out += sequence;
  }
}

size_t codePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// Moves `at` back to the start of the character it is in (at most three continuation bytes).
size_t characterStart(std::string_view text, size_t at) {
  for (int i = 0; i < 3 && at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80; ++i)
    --at;
  return at;
}

template <class Json> void makeDisplayableJson(Json &node) {
  if (node.is_string()) {
    const std::string &text = node.template get_ref<const std::string &>();
    if (!isDisplayable(text))
      node = displayText(text);
  } else if (node.is_array()) {
    for (Json &element : node)
      makeDisplayableJson(element);
  } else if (node.is_object()) {
    bool keysShown = true;
    for (auto it = node.begin(); it != node.end(); ++it)
      keysShown = keysShown && isDisplayable(it.key());
    if (!keysShown) {
      Json rebuilt = Json::object();
      for (auto it = node.begin(); it != node.end(); ++it)
        rebuilt[displayText(it.key())] = std::move(it.value());
      node = std::move(rebuilt);
    }
    for (auto it = node.begin(); it != node.end(); ++it)
      makeDisplayableJson(it.value());
  }
}

} // namespace

std::string displayText(std::string_view text, size_t maxBytes) {
  maxBytes = std::max(maxBytes, kEllipsis.size());
  std::string out;
  out.reserve(std::min(text.size(), maxBytes) + kEllipsis.size());
  size_t lastFit = 0; // the length of `out` at the last character boundary that leaves room for "…"
  for (size_t at = 0; at < text.size();) {
    size_t length = sequenceLength(text, at);
    appendShown(out, text.substr(at, length));
    at += std::max<size_t>(length, 1);
    if (out.size() > maxBytes) {
      out.resize(lastFit);
      out += kEllipsis;
      return out;
    }
    if (out.size() + kEllipsis.size() <= maxBytes)
      lastFit = out.size();
  }
  return out;
}

bool isDisplayable(std::string_view text, size_t maxBytes) {
  if (text.size() > maxBytes)
    return false;
  bool plain = std::all_of(text.begin(), text.end(), [](char c) { return c == '\t' || (c >= 0x20 && c < 0x7F); });
  return plain || displayText(text, maxBytes) == text;
}

void makeDisplayable(nlohmann::json &node) { makeDisplayableJson(node); }
void makeDisplayable(nlohmann::ordered_json &node) { makeDisplayableJson(node); }

ShownLine displaySnippet(std::string_view line, uint32_t beginColumn, uint32_t endColumn) {
  size_t begin = std::min<size_t>(beginColumn > 0 ? beginColumn - 1 : 0, line.size());
  bool ranged = endColumn > beginColumn + 1;
  size_t end = ranged ? std::min<size_t>(endColumn - 1, line.size()) : begin;
  // A range that runs past the end of the line (onto its newline) marks one more column per byte.
  size_t pastEnd = ranged && endColumn - 1 > line.size() ? endColumn - 1 - std::max(line.size(), begin) : 0;

  // Each input character as shown. Every one is at least a byte wide, so no more than
  // kMaxSnippetBytes of input on either side of the caret can appear.
  struct Piece {
    size_t offset;
    std::string shown;
  };
  std::vector<Piece> pieces;
  size_t rawBegin = characterStart(line, begin > kMaxSnippetBytes ? begin - kMaxSnippetBytes : 0);
  size_t rawEnd = std::min(line.size(), begin + kMaxSnippetBytes);
  size_t caret = 0, total = 0;
  for (size_t at = rawBegin; at < rawEnd;) {
    if (at <= begin)
      caret = pieces.size();
    size_t length = sequenceLength(line, at);
    Piece piece{at, {}};
    appendShown(piece.shown, line.substr(at, length));
    total += piece.shown.size();
    pieces.push_back(std::move(piece));
    at += std::max<size_t>(length, 1);
  }
  if (begin >= rawEnd)
    caret = pieces.size();

  // The window: the whole line if it fits, else a quarter before the caret and the rest after.
  size_t first = 0, last = pieces.size();
  if (rawBegin > 0 || rawEnd < line.size() || total > kMaxSnippetBytes) {
    const size_t budget = kMaxSnippetBytes - 2 * kEllipsis.size();
    size_t shown = 0;
    first = caret;
    while (first > 0 && shown + pieces[first - 1].shown.size() <= budget / 4)
      shown += pieces[--first].shown.size();
    last = caret;
    while (last < pieces.size() && shown + pieces[last].shown.size() <= budget)
      shown += pieces[last++].shown.size();
  }

  ShownLine out;
  size_t windowBegin = first < pieces.size() ? pieces[first].offset : rawEnd;
  size_t windowEnd = last < pieces.size() ? pieces[last].offset : rawEnd;
  if (windowBegin > 0)
    out.text += kEllipsis;
  for (size_t i = first; i < last; ++i)
    out.text += pieces[i].shown;
  if (windowEnd < line.size())
    out.text += kEllipsis;

  for (char c : out.text.substr(0, windowBegin > 0 ? kEllipsis.size() : 0))
    if ((c & 0xC0) != 0x80)
      out.marker += ' ';
  for (size_t i = first; i < caret && i < last; ++i)
    out.marker += pieces[i].shown == "\t" ? std::string("\t") : std::string(codePoints(pieces[i].shown), ' ');
  out.marker += '^';
  size_t marked = 0;
  for (size_t i = caret; i < last && pieces[i].offset < end; ++i)
    marked += codePoints(pieces[i].shown);
  size_t tildes = marked + (windowEnd >= line.size() ? pastEnd : 0);
  if (tildes > 1)
    out.marker += std::string(std::min(tildes - 1, kMaxSnippetBytes), '~');
  return out;
}

} // namespace cloudpact
