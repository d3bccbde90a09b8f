#pragma once
// Internals of the document model shared by Document.cpp, YamlScalars.cpp and ParseRecovery.cpp.
#include "Syntax/Document.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudpact::syntax {
class ParseCache;
}

namespace cloudpact::syntax::detail {

/// parseYaml / parseJson, with the stream's tree taken from and kept in `cache` (may be null).
ParseResult parseDocuments(std::string_view text, const std::string &file, bool json, const ParseLimits &limits,
                           ParseCache *cache);

/// Byte offset → 1-based line/column for one text.
class LineTable {
public:
  LineTable(std::string_view text, const std::string &file) : file_(file) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n')
        starts_.push_back(static_cast<uint32_t>(i + 1));
  }
  SourceLoc loc(uint32_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    uint32_t line = static_cast<uint32_t>(it - starts_.begin());
    return SourceLoc{file_, line, offset - starts_[line - 1] + 1, offset};
  }
  SourceRange range(uint32_t begin, uint32_t end) const { return SourceRange{loc(begin), loc(end)}; }

private:
  const std::string &file_;
  std::vector<uint32_t> starts_;
};

/// A decoded scalar under construction: each byte with the source byte it came from.
struct Decoded {
  std::string text;
  std::vector<uint32_t> from;

  void put(char c, uint32_t at) {
    text.push_back(c);
    from.push_back(at);
  }
  void putSource(std::string_view source, uint32_t begin, uint32_t end) {
    for (uint32_t i = begin; i < end; ++i)
      put(source[i], i);
  }
  /// UTF-8 of `cp`; its bytes map into the escape sequence [at, at + len).
  void putCodepoint(uint32_t cp, uint32_t at, uint32_t len) {
    char buf[4];
    size_t n = 0;
    if (cp < 0x80) {
      buf[n++] = static_cast<char>(cp);
    } else if (cp < 0x800) {
      buf[n++] = static_cast<char>(0xC0 | (cp >> 6));
      buf[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      buf[n++] = static_cast<char>(0xE0 | (cp >> 12));
      buf[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      buf[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      buf[n++] = static_cast<char>(0xF0 | (cp >> 18));
      buf[n++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      buf[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      buf[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    }
    for (size_t i = 0; i < n; ++i)
      put(buf[i], at + std::min<uint32_t>(static_cast<uint32_t>(i), len - 1));
  }
  void truncate(size_t size) {
    text.resize(size);
    from.resize(size);
  }
};

inline bool isBlank(char c) { return c == ' ' || c == '\t'; }

// YAML scalar decoding (YamlScalars.cpp): YAML 1.2 rules as libyaml applies them.

struct EscapeError {
  uint32_t at;
  std::string text;
};

enum class FlowStyle { Plain, Single, Double };

/// Reads `digits` hex digits at s[pos].
bool hexValue(std::string_view s, size_t pos, size_t digits, uint32_t &out);
/// Decodes a flow scalar's content [begin, end) (quotes excluded): line folding, trimming,
/// '' in single quotes, escapes and escaped line breaks in double quotes.
void decodeFlowScalar(std::string_view s, uint32_t begin, uint32_t end, FlowStyle style, Decoded &out,
                      std::vector<EscapeError> &errors);
/// Decodes a block scalar whose indicator (| or >) is at `begin`. `parentIndent` is the column
/// of the enclosing block collection (-1 at document level). Lines that start at or after
/// `nodeEnd` (where tree-sitter ended the scalar) are not content unless blank.
void decodeBlockScalar(std::string_view s, uint32_t begin, uint32_t nodeEnd, int parentIndent, Decoded &out);

// tree-sitter walking.

struct Child {
  TSNode node;
  const char *field;
};

/// The children of `node` with their field names (a cursor walk: linear, unlike ts_node_child).
std::vector<Child> childrenOf(TSNode node);
inline bool is(TSNode node, const char *type) { return std::strcmp(ts_node_type(node), type) == 0; }

// Damaged and hostile input (ParseRecovery.cpp).

/// Deeply nested block lines to leave out of the YAML parse (see the definition); returns the
/// text with them blanked, or "" when nothing is left out. `skipped` receives their byte ranges.
std::string guardBlockNesting(std::string_view text, const std::string &file, std::vector<Diagnostic> &diagnostics,
                              std::vector<std::pair<uint32_t, uint32_t>> &skipped);
/// Byte offsets where a document start marker line ("---" at column 0) begins.
std::vector<uint32_t> documentMarkers(std::string_view text);
/// syntaxErrors() of TreeSitter.h, each placed where the parser gave up; `limit` ends the
/// document being parsed.
std::vector<Diagnostic> locatedSyntaxErrors(const std::string &file, std::string_view text, TSNode root, size_t limit);

} // namespace cloudpact::syntax::detail
