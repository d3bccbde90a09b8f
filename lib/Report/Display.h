#pragma once
// Showing text that came from a scanned repository. A message, a value, a path or a source line
// may hold anything a hostile file holds: terminal escape sequences, bytes that are not UTF-8,
// a megabyte on one line. Every reporter (text, JSON, SARIF, CI formats, routes, the language
// server) passes such text through this one place before it leaves the process.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cloudpact {

/// The longest a message, value or path is shown (bytes of UTF-8, escapes included).
constexpr size_t kMaxShownBytes = 1000;
/// The longest stretch of a source line a snippet shows.
constexpr size_t kMaxSnippetBytes = 400;

/// `text` made safe to show: valid UTF-8 (each byte that is not part of a well-formed sequence
/// becomes U+FFFD), control characters written as escapes (`\n`, `\x1b`, `\u{202e}`: C0 but tab,
/// DEL, C1, and the line separators and bidirectional controls that reorder what a viewer
/// shows), and at most `maxBytes` long, cut at a character and ending in "…".
std::string displayText(std::string_view text, size_t maxBytes = kMaxShownBytes);

/// True if `displayText(text)` would return `text` unchanged (no copy needed).
bool isDisplayable(std::string_view text, size_t maxBytes = kMaxShownBytes);

/// Every string in a JSON document (values and keys) passed through displayText, so that
/// dumping it can neither throw on invalid UTF-8 nor carry an escape sequence.
void makeDisplayable(nlohmann::json &node);
void makeDisplayable(nlohmann::ordered_json &node);

/// One source line as a snippet shows it, with the marker line under it: a window of at most
/// kMaxSnippetBytes around the marked columns ("…" where it is cut), displayText'd, and a
/// marker of `^` then `~` that lines up with the shown characters (tabs kept for alignment).
struct ShownLine {
  std::string text;
  std::string marker;
};
/// `beginColumn` and `endColumn` are 1-based byte columns; `endColumn` 0: only a caret.
ShownLine displaySnippet(std::string_view line, uint32_t beginColumn, uint32_t endColumn);

} // namespace cloudpact
