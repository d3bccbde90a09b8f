#pragma once
// Positions between the editor's world (0-based lines, UTF-16 code units by default) and ours
// (1-based lines, byte columns), URIs <-> paths, and applying didChange edits.
#include "Core/SourceLoc.h"
#include "Lsp/Protocol.h"
#include "Syntax/ParseCache.h"

#include <optional>
#include <string>
#include <string_view>

namespace cloudpact::lsp {

/// How Position.character counts (LSP positionEncoding; UTF-16 unless negotiated).
enum class OffsetEncoding { UTF8, UTF16, UTF32 };
const char *encodingName(OffsetEncoding encoding);

/// Code units of `text` (UTF-8 bytes) in `encoding`. Invalid UTF-8 bytes count one unit each.
size_t unitsIn(std::string_view text, OffsetEncoding encoding);

/// Byte offset of `position` in `text`. Out-of-range positions clamp (a character past the end
/// of its line means the line end, a line past the end means the end of the text), as the spec says.
size_t offsetOf(std::string_view text, Position position, OffsetEncoding encoding);
/// The position of byte `offset` in `text`.
Position positionOf(std::string_view text, size_t offset, OffsetEncoding encoding);
/// The position of a 1-based line and byte column, given the text of that line
/// (a column past the line's end clamps to it; line 0 maps to 0:0).
Position positionOf(uint32_t line, uint32_t column, std::string_view lineText, OffsetEncoding encoding);

/// Applies one didChange event (incremental when it has a range, else whole-text). Returns the
/// byte replacement an incremental event made; nullopt for a whole-text event.
std::optional<syntax::TextReplacement> applyChange(std::string &text, const TextDocumentContentChangeEvent &change,
                                                   OffsetEncoding encoding);

/// "file:///a%20b/c.tf" for "/a b/c.tf" (absolute paths only).
std::string uriFromPath(std::string_view path);
/// The path of a file: URI; false (with `error`) for other schemes or malformed escapes.
bool pathFromUri(std::string_view uri, std::string &path, std::string &error);

} // namespace cloudpact::lsp
