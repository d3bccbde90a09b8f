#include "Lsp/SourceCode.h"

#include <filesystem>

namespace cloudpact::lsp {

namespace {

/// Length of the UTF-8 sequence starting with `lead`, or 0 if `lead` cannot start one.
size_t sequenceLength(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if ((lead & 0xE0) == 0xC0)
    return 2;
  if ((lead & 0xF0) == 0xE0)
    return 3;
  if ((lead & 0xF8) == 0xF0)
    return 4;
  return 0;
}

/// Walks `text` one code point at a time; calls `step(bytes, units)` until it returns false.
template <typename Step> void walk(std::string_view text, OffsetEncoding encoding, Step step) {
  size_t i = 0;
  while (i < text.size()) {
    size_t length = sequenceLength(static_cast<unsigned char>(text[i]));
    bool valid = length != 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!valid)
      length = 1;
    size_t units = 1;
    if (encoding == OffsetEncoding::UTF8)
      units = length;
    else if (encoding == OffsetEncoding::UTF16)
      units = valid && length == 4 ? 2 : 1;
    if (!step(length, units))
      return;
    i += length;
  }
}

/// [begin, end) of line `line` (0-based) without its terminator; npos begin if there is no such line.
std::pair<size_t, size_t> lineBounds(std::string_view text, size_t line) {
  size_t begin = 0;
  for (size_t current = 0; current < line; ++current) {
    size_t newline = text.find('\n', begin);
    if (newline == std::string_view::npos)
      return {std::string_view::npos, std::string_view::npos};
    begin = newline + 1;
  }
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos)
    end = text.size();
  if (end > begin && text[end - 1] == '\r')
    --end;
  return {begin, end};
}

/// Bytes of `line` that `units` code units cover (clamped to the line).
size_t bytesFor(std::string_view line, size_t units, OffsetEncoding encoding) {
  size_t bytes = 0, seen = 0;
  walk(line, encoding, [&](size_t length, size_t width) {
    if (seen + width > units)
      return false;
    seen += width;
    bytes += length;
    return true;
  });
  return bytes;
}

bool unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~' || c == '/';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

} // namespace

const char *encodingName(OffsetEncoding encoding) {
  switch (encoding) {
  case OffsetEncoding::UTF8: return "utf-8";
  case OffsetEncoding::UTF16: return "utf-16";
  case OffsetEncoding::UTF32: return "utf-32";
  }
  return "utf-16";
}

size_t unitsIn(std::string_view text, OffsetEncoding encoding) {
  size_t units = 0;
  walk(text, encoding, [&](size_t, size_t width) {
    units += width;
    return true;
  });
  return units;
}

size_t offsetOf(std::string_view text, Position position, OffsetEncoding encoding) {
  auto [begin, end] = lineBounds(text, static_cast<size_t>(position.line));
  if (begin == std::string_view::npos)
    return text.size();
  return begin + bytesFor(text.substr(begin, end - begin), static_cast<size_t>(position.character), encoding);
}

Position positionOf(std::string_view text, size_t offset, OffsetEncoding encoding) {
  if (offset > text.size())
    offset = text.size();
  Position position;
  size_t lineStart = 0;
  for (size_t newline = text.find('\n'); newline != std::string_view::npos && newline < offset;
       newline = text.find('\n', lineStart)) {
    ++position.line;
    lineStart = newline + 1;
  }
  position.character = static_cast<int>(unitsIn(text.substr(lineStart, offset - lineStart), encoding));
  return position;
}

Position positionOf(uint32_t line, uint32_t column, std::string_view lineText, OffsetEncoding encoding) {
  if (line == 0)
    return Position{};
  size_t bytes = column == 0 ? 0 : std::min<size_t>(column - 1, lineText.size());
  return Position{static_cast<int>(line - 1), static_cast<int>(unitsIn(lineText.substr(0, bytes), encoding))};
}

std::optional<syntax::TextReplacement> applyChange(std::string &text, const TextDocumentContentChangeEvent &change,
                                                   OffsetEncoding encoding) {
  if (!change.range) {
    text = change.text;
    return std::nullopt;
  }
  size_t begin = offsetOf(text, change.range->start, encoding);
  size_t end = offsetOf(text, change.range->end, encoding);
  if (end < begin)
    std::swap(begin, end);
  text.replace(begin, end - begin, change.text);
  return syntax::TextReplacement{begin, end - begin, change.text};
}

std::string uriFromPath(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  if (path.empty() || path.front() != '/')
    uri += '/';
  for (unsigned char c : path) {
    if (unreserved(c)) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

bool pathFromUri(std::string_view uri, std::string &path, std::string &error) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) {
    error = "unsupported URI '" + std::string(uri) + "' (expected file://)";
    return false;
  }
  std::string_view rest = uri.substr(kScheme.size());
  // file://host/path: only an empty host or localhost is a local file.
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos || (slash != 0 && rest.substr(0, slash) != "localhost")) {
    error = "unsupported URI '" + std::string(uri) + "' (not a local file)";
    return false;
  }
  rest = rest.substr(slash);
  if (size_t cut = rest.find_first_of("?#"); cut != std::string_view::npos)
    rest = rest.substr(0, cut);
  std::string decoded;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] != '%') {
      decoded += rest[i];
      continue;
    }
    int high = i + 2 < rest.size() ? hexValue(rest[i + 1]) : -1;
    int low = i + 2 < rest.size() ? hexValue(rest[i + 2]) : -1;
    if (high < 0 || low < 0) {
      error = "malformed escape in URI '" + std::string(uri) + "'";
      return false;
    }
    decoded += static_cast<char>(high * 16 + low);
    i += 2;
  }
  path = std::filesystem::path(decoded).lexically_normal().generic_string();
  return true;
}

} // namespace cloudpact::lsp
