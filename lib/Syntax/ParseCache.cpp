#include "Syntax/ParseCache.h"

#include "Syntax/DocumentDetail.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace cloudpact::syntax {

namespace {

TSPoint pointAt(std::string_view text, size_t offset) {
  TSPoint point{0, 0};
  size_t lineStart = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++point.row;
      lineStart = i + 1;
    }
  point.column = static_cast<uint32_t>(offset - lineStart);
  return point;
}

bool sameRanges(const std::vector<TSRange> &a, const TSRange *b, uint32_t count) {
  if (a.size() != count)
    return false;
  for (uint32_t i = 0; i < count; ++i)
    if (a[i].start_byte != b[i].start_byte || a[i].end_byte != b[i].end_byte)
      return false;
  return true;
}

} // namespace

TSInputEdit editBetween(std::string_view before, std::string_view after) {
  size_t shorter = std::min(before.size(), after.size());
  size_t prefix = 0;
  while (prefix < shorter && before[prefix] == after[prefix])
    ++prefix;
  size_t suffix = 0;
  while (suffix < shorter - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  TSInputEdit edit;
  edit.start_byte = static_cast<uint32_t>(prefix);
  edit.old_end_byte = static_cast<uint32_t>(before.size() - suffix);
  edit.new_end_byte = static_cast<uint32_t>(after.size() - suffix);
  edit.start_point = pointAt(before, edit.start_byte);
  edit.old_end_point = pointAt(before, edit.old_end_byte);
  edit.new_end_point = pointAt(after, edit.new_end_byte);
  return edit;
}

TreePtr ParseCache::parse(TSParser *parser, const std::string &file, std::string_view text) {
  const TSLanguage *language = ts_parser_language(parser);
  uint32_t rangeCount = 0;
  const TSRange *ranges = ts_parser_included_ranges(parser, &rangeCount);
  TreePtr old;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = trees_.find(file);
    if (it != trees_.end())
      it->second.used = true;
    if (it != trees_.end() && it->second.language == language && it->second.tree) {
      if (it->second.text == text && !it->second.edited) {
        uint32_t oldCount = 0;
        const TSRange *oldRanges = ts_tree_included_ranges(it->second.tree.get(), &oldCount);
        std::vector<TSRange> kept(oldRanges, oldRanges + oldCount);
        std::free(const_cast<TSRange *>(oldRanges));
        if (sameRanges(kept, ranges, rangeCount)) {
          ++stats_.reused;
          return TreePtr(ts_tree_copy(it->second.tree.get()));
        }
      }
      old.reset(ts_tree_copy(it->second.tree.get()));
      if (it->second.text != text) {
        TSInputEdit edit = editBetween(it->second.text, text);
        ts_tree_edit(old.get(), &edit);
      }
    }
  }
  TreePtr tree(ts_parser_parse_string(parser, old.get(), text.data(), static_cast<uint32_t>(text.size())));
  if (!tree)
    return tree;
  std::lock_guard<std::mutex> lock(mutex_);
  ++(old ? stats_.incremental : stats_.fresh);
  Tree &entry = trees_[file];
  entry.used = true;
  entry.edited = false;
  entry.language = language;
  entry.text.assign(text);
  entry.tree.reset(ts_tree_copy(tree.get()));
  return tree;
}

void ParseCache::edit(const std::string &file, std::string_view before,
                      const std::vector<TextReplacement> &replacements) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = trees_.find(file);
  if (it == trees_.end() || !it->second.tree || it->second.text != before)
    return;
  Tree &entry = it->second;
  for (const TextReplacement &replacement : replacements) {
    if (replacement.offset > entry.text.size() || replacement.removed > entry.text.size() - replacement.offset) {
      trees_.erase(it); // not an edit of this text: parse it from nothing next time
      return;
    }
    TSInputEdit edit;
    edit.start_byte = static_cast<uint32_t>(replacement.offset);
    edit.old_end_byte = static_cast<uint32_t>(replacement.offset + replacement.removed);
    edit.new_end_byte = static_cast<uint32_t>(replacement.offset + replacement.inserted.size());
    edit.start_point = pointAt(entry.text, edit.start_byte);
    edit.old_end_point = pointAt(entry.text, edit.old_end_byte);
    entry.text.replace(replacement.offset, replacement.removed, replacement.inserted);
    edit.new_end_point = pointAt(entry.text, edit.new_end_byte);
    ts_tree_edit(entry.tree.get(), &edit);
  }
  entry.edited = true;
}

TreePtr ParseCache::parse(const TSLanguage *language, const std::string &file, std::string_view text) {
  TSParser *parser = ts_parser_new();
  TreePtr tree;
  if (ts_parser_set_language(parser, language))
    tree = parse(parser, file, text);
  ts_parser_delete(parser);
  return tree;
}

std::shared_ptr<const ParseResult> ParseCache::documents(const std::string &file, std::string_view text, bool json,
                                                         const ParseLimits &limits) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = documents_.find(file);
    if (it != documents_.end())
      it->second.used = true;
    if (auto tree = trees_.find(file); tree != trees_.end())
      tree->second.used = true; // kept for the next change of this file
    if (it != documents_.end() && it->second.json == json && it->second.text == text) {
      ++stats_.reused;
      return it->second.result;
    }
  }
  auto result = std::make_shared<const ParseResult>(detail::parseDocuments(text, file, json, limits, this));
  std::lock_guard<std::mutex> lock(mutex_);
  Documents &entry = documents_[file];
  entry.used = true;
  entry.json = json;
  entry.text.assign(text);
  entry.result = result;
  return result;
}

void ParseCache::sweep() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(trees_, [](const auto &entry) { return !entry.second.used; });
  std::erase_if(documents_, [](const auto &entry) { return !entry.second.used; });
  for (auto &[file, entry] : trees_)
    entry.used = false;
  for (auto &[file, entry] : documents_)
    entry.used = false;
}

ParseCache::Stats ParseCache::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

} // namespace cloudpact::syntax
