// Damaged and hostile YAML: deep nesting the grammar's scanner cannot hold, syntax errors placed
// where the parser gave up, and the tree walking both the recovery and the builders use.
#include "Syntax/DocumentDetail.h"

#include "Syntax/TreeSitter.h"

namespace cloudpact::syntax::detail {

std::vector<Child> childrenOf(TSNode node) {
  std::vector<Child> out;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      out.push_back({ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_name(&cursor)});
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

namespace {
/// The YAML grammar's external scanner keeps its indentation stack in tree-sitter's 1 KiB
/// serialization buffer and overruns it past about 250 nested block collections. Lines nested
/// deeper than this (estimated from indentation and compact "- " / "? " indicators) are left out
/// of the parse (tree-sitter's included ranges: positions unchanged) and blanked for decoding,
/// with one diagnostic.
constexpr size_t kMaxBlockNesting = 200;
} // namespace

std::string guardBlockNesting(std::string_view text, const std::string &file, std::vector<Diagnostic> &diagnostics,
                              std::vector<std::pair<uint32_t, uint32_t>> &skipped) {
  struct Level {
    size_t indent;
    bool sequence;
  };
  auto indicatorAt = [&](size_t p, size_t end) {
    return p < end && (text[p] == '-' || text[p] == '?') &&
           (p + 1 == end || text[p + 1] == ' ' || text[p + 1] == '\t' || text[p + 1] == '\r');
  };
  std::string guarded;
  std::vector<Level> stack;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      end = text.size();
    size_t p = pos;
    while (p < end && text[p] == ' ')
      ++p;
    bool blank = p == end || text[p] == '\r' || text[p] == '#';
    if (!blank && p == pos && (text.compare(pos, 3, "---") == 0 || text.compare(pos, 3, "...") == 0)) {
      stack.clear();
    } else if (!blank) {
      size_t indent = p - pos;
      bool sequence = indicatorAt(p, end);
      while (!stack.empty() && stack.back().indent > indent)
        stack.pop_back();
      if (!stack.empty() && stack.back().indent == indent && stack.back().sequence && !sequence)
        stack.pop_back();
      if (stack.empty() || stack.back().indent < indent ||
          (stack.back().indent == indent && sequence && !stack.back().sequence))
        stack.push_back({indent, sequence});
      // Compact nodes on the same line: "- - key: value", "? - x".
      while (indicatorAt(p, end)) {
        p += 1;
        while (p < end && (text[p] == ' ' || text[p] == '\t'))
          ++p;
        if (p >= end || text[p] == '#' || text[p] == '\r')
          break;
        std::string_view rest = text.substr(p, end - p);
        bool nested = indicatorAt(p, end);
        bool mapping = rest.find(": ") != std::string_view::npos || rest.back() == ':';
        if ((nested || mapping) && p - pos > stack.back().indent)
          stack.push_back({p - pos, nested});
      }
      if (stack.size() > kMaxBlockNesting) {
        if (guarded.empty()) {
          guarded.assign(text);
          LineTable lines(text, file);
          diagnostics.push_back(makeDiagnostic(cloudpact::Level::Error, "parse-error",
                                               lines.range(static_cast<uint32_t>(pos), static_cast<uint32_t>(end)),
                                               "block nesting deeper than " + std::to_string(kMaxBlockNesting) +
                                                   " levels; deeper lines are skipped"));
        }
        for (size_t i = pos; i < end; ++i)
          if (guarded[i] != '\r')
            guarded[i] = ' ';
        uint32_t lineEnd = static_cast<uint32_t>(std::min(end + 1, text.size()));
        if (!skipped.empty() && skipped.back().second == pos)
          skipped.back().second = lineEnd;
        else
          skipped.emplace_back(static_cast<uint32_t>(pos), lineEnd);
      }
    }
    pos = end + 1;
  }
  return guarded;
}

std::vector<uint32_t> documentMarkers(std::string_view text) {
  std::vector<uint32_t> out;
  for (size_t pos = 0; pos < text.size();) {
    if (text.compare(pos, 3, "---") == 0 && (pos + 3 == text.size() || text[pos + 3] == ' ' || text[pos + 3] == '\t' ||
                                             text[pos + 3] == '\n' || text[pos + 3] == '\r'))
      out.push_back(static_cast<uint32_t>(pos));
    size_t next = text.find('\n', pos);
    if (next == std::string_view::npos)
      break;
    pos = next + 1;
  }
  return out;
}

/// tree-sitter often wraps a well-formed prefix of a document into the ERROR node, so the node
/// starts far before the problem. When an ERROR node opens with a complete construct, the problem
/// is where the parser gave up: the first text after the node.
std::vector<Diagnostic> locatedSyntaxErrors(const std::string &file, std::string_view text, TSNode root, size_t limit) {
  std::vector<Diagnostic> diagnostics = syntaxErrors(file, text, root);
  if (diagnostics.empty() || !ts_node_has_error(root))
    return diagnostics;
  std::vector<TSNode> errors;
  std::vector<TSNode> stack{root};
  while (!stack.empty() && errors.size() < 64) {
    TSNode node = stack.back();
    stack.pop_back();
    if (ts_node_is_error(node)) {
      errors.push_back(node);
      continue;
    }
    std::vector<Child> children = childrenOf(node);
    for (auto it = children.rbegin(); it != children.rend(); ++it)
      if (ts_node_has_error(it->node))
        stack.push_back(it->node);
  }
  LineTable lines(text, file);
  for (Diagnostic &diagnostic : diagnostics) {
    for (TSNode error : errors) {
      if (ts_node_start_byte(error) != diagnostic.range.begin.offset ||
          ts_node_end_byte(error) != diagnostic.range.end.offset)
        continue;
      std::vector<Child> children = childrenOf(error);
      auto first = std::find_if(children.begin(), children.end(), [](const Child &child) {
        return !is(child.node, "---") && !is(child.node, "comment");
      });
      if (first == children.end() || !ts_node_is_named(first->node) || ts_node_has_error(first->node))
        break;
      // A stray token the parser could not fit in ends the ERROR node: that token is the problem.
      const Child &last = children.back();
      size_t pos = ts_node_end_byte(error);
      if (!ts_node_is_named(last.node) && ts_node_end_byte(last.node) == ts_node_end_byte(error) &&
          ts_node_start_byte(last.node) > ts_node_start_byte(first->node))
        pos = ts_node_start_byte(last.node);
      while (pos < limit && (isBlank(text[pos]) || text[pos] == '\n' || text[pos] == '\r'))
        ++pos;
      if (pos >= limit) {
        diagnostic.range = lines.range(ts_node_end_byte(error), ts_node_end_byte(error));
        diagnostic.message =
            limit == text.size() ? "syntax error: unexpected end of input" : "syntax error: unexpected end of document";
        break;
      }
      size_t lineEnd = pos;
      while (lineEnd < limit && text[lineEnd] != '\n' && text[lineEnd] != '\r' && lineEnd - pos < 40)
        ++lineEnd;
      diagnostic.range = lines.range(static_cast<uint32_t>(pos), static_cast<uint32_t>(lineEnd));
      diagnostic.message = "syntax error: unexpected '" + std::string(text.substr(pos, lineEnd - pos)) + "'";
      break;
    }
  }
  return diagnostics;
}

} // namespace cloudpact::syntax::detail
