#include "Syntax/TreeSitter.h"

namespace cloudpact::syntax {

TreePtr parse(const TSLanguage *language, std::string_view text) {
  TSParser *parser = ts_parser_new();
  TreePtr tree;
  if (ts_parser_set_language(parser, language))
    tree.reset(ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size())));
  ts_parser_delete(parser);
  return tree;
}

SourceLoc toLoc(const std::string &file, TSPoint point, uint32_t byte) {
  return SourceLoc{file, point.row + 1, point.column + 1, byte};
}

SourceRange rangeOf(const std::string &file, TSNode node) {
  return SourceRange{toLoc(file, ts_node_start_point(node), ts_node_start_byte(node)),
                     toLoc(file, ts_node_end_point(node), ts_node_end_byte(node))};
}

std::string_view textOf(std::string_view source, TSNode node) {
  uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (begin > source.size() || end > source.size() || end < begin)
    return {};
  return source.substr(begin, end - begin);
}

namespace {
void collectErrors(const std::string &file, std::string_view source, TSNode node,
                   std::vector<Diagnostic> &out, size_t limit) {
  if (out.size() >= limit)
    return;
  if (ts_node_is_missing(node)) {
    out.push_back(makeDiagnostic(Level::Error, "parse-error", rangeOf(file, node),
                                 std::string("missing \"") + ts_node_type(node) + "\""));
    return;
  }
  if (ts_node_is_error(node)) {
    std::string message = "syntax error";
    std::string_view text = textOf(source, node);
    if (!text.empty()) {
      std::string_view head = text.substr(0, text.find('\n'));
      if (head.size() > 40)
        head = head.substr(0, 40);
      message += ": unexpected '" + std::string(head) + "'";
    }
    out.push_back(makeDiagnostic(Level::Error, "parse-error", rangeOf(file, node), message));
    return;
  }
  uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count && out.size() < limit; ++i) {
    TSNode child = ts_node_child(node, i);
    if (ts_node_has_error(child) || ts_node_is_missing(child))
      collectErrors(file, source, child, out, limit);
  }
}
} // namespace

std::vector<Diagnostic> syntaxErrors(const std::string &file, std::string_view source, TSNode root,
                                     size_t limit) {
  std::vector<Diagnostic> out;
  if (ts_node_has_error(root))
    collectErrors(file, source, root, out, limit);
  if (ts_node_has_error(root) && out.empty())
    out.push_back(makeDiagnostic(Level::Error, "parse-error", rangeOf(file, root), "syntax error"));
  return out;
}

} // namespace cloudpact::syntax
