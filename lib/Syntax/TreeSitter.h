#pragma once
// Thin RAII glue over the tree-sitter C API, and the grammars we link.
#include "Core/Diagnostic.h"
#include "Core/SourceLoc.h"

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

extern "C" {
const TSLanguage *tree_sitter_hcl();
const TSLanguage *tree_sitter_yaml();
const TSLanguage *tree_sitter_json();
}

namespace cloudpact::syntax {

struct TreeDeleter {
  void operator()(TSTree *tree) const { ts_tree_delete(tree); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

/// Parses `text` with `language`; null only if the language cannot be loaded (ABI mismatch).
TreePtr parse(const TSLanguage *language, std::string_view text);

/// 1-based position of a tree-sitter point (0-based row, byte column).
SourceLoc toLoc(const std::string &file, TSPoint point, uint32_t byte);
SourceRange rangeOf(const std::string &file, TSNode node);
std::string_view textOf(std::string_view source, TSNode node);

/// parse-error diagnostics for ERROR and MISSING nodes (descending only into erroneous subtrees).
std::vector<Diagnostic> syntaxErrors(const std::string &file, std::string_view source, TSNode root,
                                     size_t limit = 20);

} // namespace cloudpact::syntax
