// YAML scalar decoding: plain, quoted and block scalars, each output byte mapped to the source
// byte it came from. unittests/Syntax/LibyamlDiffTest checks the results against libyaml.
#include "Syntax/DocumentDetail.h"

namespace cloudpact::syntax::detail {

namespace {

/// Length of the line break at `pos` (1 for "\n", 2 for "\r\n"), 0 if none.
size_t breakAt(std::string_view s, size_t pos) {
  if (pos >= s.size())
    return 0;
  if (s[pos] == '\n')
    return 1;
  if (s[pos] == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n')
    return 2;
  return 0;
}

/// Decodes one escape at s[pos] == '\\' of a double-quoted YAML scalar; returns its length.
size_t decodeYamlEscape(std::string_view s, size_t pos, Decoded &out, std::vector<EscapeError> &errors) {
  uint32_t at = static_cast<uint32_t>(pos);
  if (pos + 1 >= s.size()) {
    errors.push_back({at, "\\"});
    return 1;
  }
  char c = s[pos + 1];
  uint32_t cp = 0;
  switch (c) {
  case '0': cp = 0x00; break;
  case 'a': cp = 0x07; break;
  case 'b': cp = 0x08; break;
  case 't':
  case '\t': cp = 0x09; break;
  case 'n': cp = 0x0A; break;
  case 'v': cp = 0x0B; break;
  case 'f': cp = 0x0C; break;
  case 'r': cp = 0x0D; break;
  case 'e': cp = 0x1B; break;
  case ' ': cp = 0x20; break;
  case '"': cp = '"'; break;
  case '/': cp = '/'; break;
  case '\\': cp = '\\'; break;
  case 'N': cp = 0x85; break;
  case '_': cp = 0xA0; break;
  case 'L': cp = 0x2028; break;
  case 'P': cp = 0x2029; break;
  case 'x':
  case 'u':
  case 'U': {
    size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    if (!hexValue(s, pos + 2, digits, cp) || cp > 0x10FFFF) {
      errors.push_back({at, std::string(s.substr(pos, std::min(s.size() - pos, digits + 2)))});
      out.put('\\', at);
      return 1;
    }
    out.putCodepoint(cp, at, static_cast<uint32_t>(digits + 2));
    return digits + 2;
  }
  default:
    errors.push_back({at, std::string(s.substr(pos, 2))});
    out.put('\\', at);
    return 1;
  }
  out.putCodepoint(cp, at, 2);
  return 2;
}

} // namespace

bool hexValue(std::string_view s, size_t pos, size_t digits, uint32_t &out) {
  if (pos + digits > s.size())
    return false;
  out = 0;
  for (size_t i = 0; i < digits; ++i) {
    char c = s[pos + i];
    uint32_t d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    else
      return false;
    out = out * 16 + d;
  }
  return true;
}

void decodeFlowScalar(std::string_view s, uint32_t begin, uint32_t end, FlowStyle style, Decoded &out,
                      std::vector<EscapeError> &errors) {
  // Split into lines.
  struct Line {
    uint32_t begin, end, brk; // content [begin, end) and the line break position
  };
  std::vector<Line> lines;
  uint32_t pos = begin;
  while (true) {
    uint32_t e = pos;
    while (e < end && s[e] != '\n')
      ++e;
    uint32_t brk = e;
    uint32_t ce = e;
    if (e < end && ce > pos && s[ce - 1] == '\r')
      brk = --ce;
    lines.push_back({pos, ce, brk});
    if (e >= end)
      break;
    pos = e + 1;
  }
  std::vector<uint32_t> breakPositions; // empty lines since the last content line
  bool escapedBreak = false;
  uint32_t foldAt = begin;
  for (size_t li = 0; li < lines.size(); ++li) {
    bool first = li == 0, last = li + 1 == lines.size();
    uint32_t a = lines[li].begin, b = lines[li].end;
    if (!first)
      while (a < b && isBlank(s[a]))
        ++a;
    if (!first && !last && a == b) {
      breakPositions.push_back(lines[li].brk);
      continue;
    }
    if (!first) {
      if (breakPositions.empty()) {
        if (!escapedBreak)
          out.put(' ', foldAt);
      } else {
        for (uint32_t at : breakPositions)
          out.put('\n', at);
      }
    }
    breakPositions.clear();
    escapedBreak = false;
    size_t keep = out.text.size();
    for (uint32_t i = a; i < b;) {
      char c = s[i];
      if (style == FlowStyle::Single && c == '\'' && i + 1 < b && s[i + 1] == '\'') {
        out.put('\'', i);
        i += 2;
        keep = out.text.size();
      } else if (style == FlowStyle::Double && c == '\\') {
        if (i + 1 == b && !last) {
          escapedBreak = true;
          keep = out.text.size();
          ++i;
        } else {
          i += static_cast<uint32_t>(decodeYamlEscape(s, i, out, errors));
          keep = out.text.size();
        }
      } else {
        out.put(c, i);
        ++i;
        if (!isBlank(c))
          keep = out.text.size();
      }
    }
    if (!last)
      out.truncate(keep);
    foldAt = lines[li].brk;
  }
}

void decodeBlockScalar(std::string_view s, uint32_t begin, uint32_t nodeEnd, int parentIndent, Decoded &out) {
  size_t n = s.size();
  size_t pos = begin;
  bool folded = s[pos] == '>';
  ++pos;
  int chomp = 0; // -1 strip, 0 clip, +1 keep
  int increment = 0;
  for (int k = 0; k < 2 && pos < n; ++k) {
    if (s[pos] == '+' || s[pos] == '-') {
      chomp = s[pos] == '+' ? 1 : -1;
      ++pos;
    } else if (s[pos] >= '1' && s[pos] <= '9') {
      increment = s[pos] - '0';
      ++pos;
    }
  }
  // Rest of the header line: blanks, an optional comment.
  while (pos < n && s[pos] != '\n')
    ++pos;
  if (pos < n)
    ++pos;
  size_t lineStart = pos;
  auto column = [&] { return static_cast<int>(pos - lineStart); };

  std::vector<uint32_t> breaks;
  auto consumeBreak = [&] {
    size_t len = breakAt(s, pos);
    breaks.push_back(static_cast<uint32_t>(pos));
    pos += len;
    lineStart = pos;
  };
  int minIndent = std::max(parentIndent + 1, 1);
  int indent;
  if (increment == 0) {
    int maxIndent = 0;
    while (pos < n && (s[pos] == ' ' || breakAt(s, pos))) {
      if (s[pos] != ' ') {
        consumeBreak();
      } else {
        ++pos;
        maxIndent = std::max(maxIndent, column());
      }
    }
    indent = std::max(minIndent, maxIndent);
  } else {
    indent = minIndent + increment - 1;
    auto scanBreaks = [&] {
      while (column() < indent && pos < n && s[pos] == ' ')
        ++pos;
      while (breakAt(s, pos)) {
        consumeBreak();
        while (column() < indent && pos < n && s[pos] == ' ')
          ++pos;
      }
    };
    scanBreaks();
  }
  auto restIsBlank = [&](size_t p) {
    while (p < n && isBlank(s[p]))
      ++p;
    return p >= n || breakAt(s, p);
  };
  auto isContentLine = [&] { return column() == indent && pos < n && (pos < nodeEnd || restIsBlank(pos)); };

  bool haveLineBreak = false;
  uint32_t lineBreakAt = 0;
  bool lineBreakIsNewline = false;
  while (isContentLine()) {
    for (uint32_t at : breaks)
      out.put('\n', at);
    breaks.clear();
    bool leadingNonSpace = !isBlank(s[pos]);
    size_t e = pos;
    while (e < n && !breakAt(s, e))
      ++e;
    out.putSource(s, static_cast<uint32_t>(pos), static_cast<uint32_t>(e));
    pos = e;
    haveLineBreak = breakAt(s, pos) != 0;
    lineBreakIsNewline = haveLineBreak;
    lineBreakAt = static_cast<uint32_t>(pos);
    if (haveLineBreak) {
      pos += breakAt(s, pos);
      lineStart = pos;
    }
    // Following blank lines and the next line's indentation.
    while (column() < indent && pos < n && s[pos] == ' ')
      ++pos;
    while (breakAt(s, pos)) {
      consumeBreak();
      while (column() < indent && pos < n && s[pos] == ' ')
        ++pos;
    }
    if (isContentLine()) {
      if (folded && lineBreakIsNewline && leadingNonSpace && !isBlank(s[pos])) {
        if (breaks.empty())
          out.put(' ', lineBreakAt);
      } else if (haveLineBreak) {
        out.put('\n', lineBreakAt);
      }
    } else {
      break;
    }
  }
  if (chomp >= 0 && haveLineBreak)
    out.put('\n', lineBreakAt);
  if (chomp > 0)
    for (uint32_t at : breaks)
      out.put('\n', at);
}

} // namespace cloudpact::syntax::detail
