#pragma once
// Parsed files kept between runs by a long-lived caller (the language server), so that only
// what changed is parsed again:
//  - syntax trees by file: a changed text is parsed incrementally from the old tree. The editor's
//    own edits are handed to tree-sitter as they come (edit()); any other change (a file changed
//    on disk, a client that sends whole texts) is described as one edit, the bytes between the
//    old and new texts' common prefix and suffix;
//  - YAML/JSON documents by file: an unchanged text keeps its documents, no tree walk at all.
// The CLI passes no cache and parses everything once. Safe to use from several threads as long
// as each file is parsed by one thread at a time.
#include "Syntax/Document.h"
#include "Syntax/TreeSitter.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpact::syntax {

/// One replacement in a text: `removed` bytes at `offset` become `inserted`.
struct TextReplacement {
  size_t offset = 0;
  size_t removed = 0;
  std::string inserted;
};

/// The single edit turning `before` into `after`: the bytes between their common prefix and
/// their common suffix, with tree-sitter points (0-based row, byte column).
TSInputEdit editBetween(std::string_view before, std::string_view after);

class ParseCache {
public:
  struct Stats {
    unsigned fresh = 0;       // trees parsed from nothing
    unsigned incremental = 0; // trees parsed again from their previous tree
    unsigned reused = 0;      // unchanged texts: tree or documents returned as they were
  };

  /// The tree of `text` (named `file`) as `parser` parses it with its current language and
  /// included ranges; the previous tree of `file`, if any, is reused.
  TreePtr parse(TSParser *parser, const std::string &file, std::string_view text);
  /// The same with a parser of `language` over the whole text; null if the language cannot be loaded.
  TreePtr parse(const TSLanguage *language, const std::string &file, std::string_view text);

  /// An editor changed `file` from `before` by `replacements` (in order, each on the text the
  /// previous one left). The kept tree takes the edits, so the next parse reuses all it can.
  /// Ignored when the kept text is not `before` (the file was not parsed at that text).
  void edit(const std::string &file, std::string_view before, const std::vector<TextReplacement> &replacements);

  /// The YAML stream (or JSON text) `text` of `file`: the kept documents when the text is
  /// unchanged, else parsed again (incrementally).
  std::shared_ptr<const ParseResult> documents(const std::string &file, std::string_view text, bool json,
                                               const ParseLimits &limits = {});

  /// Forgets the files not asked for since the last sweep (closed buffers, deleted files). A
  /// caller sweeps after each run that saw every file of its kind.
  void sweep();
  Stats stats() const;

private:
  struct Tree {
    const TSLanguage *language = nullptr;
    std::string text;
    TreePtr tree;
    bool edited = false; // `tree` has taken edits that made `text`: parse it again before reuse
    bool used = true;
  };
  struct Documents {
    bool json = false;
    std::string text;
    std::shared_ptr<const ParseResult> result;
    bool used = true;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Tree> trees_;
  std::map<std::string, Documents> documents_;
  Stats stats_;
};

} // namespace cloudpact::syntax
