#include "Terraform/Config.h"

#include "Terraform/Query.h"

#include <algorithm>
#include <cstdlib>

namespace cloudpact::terraform {

SourceRange ParsedFile::rangeOf(TSNode node) const {
  if (pinned.valid())
    return pinned;
  SourceRange range = syntax::rangeOf(path, node);
  for (SourceLoc *loc : {&range.begin, &range.end}) {
    loc->line = loc->line > lineShift ? loc->line - lineShift : 1;
    loc->offset = loc->offset > offsetShift ? loc->offset - offsetShift : 0;
  }
  return range;
}

std::string_view ParsedFile::textOf(TSNode node) const { return syntax::textOf(text, node); }

SourceRange Expr::range() const {
  if (!file)
    return {};
  if (json)
    return file->pinned.valid() ? file->pinned : json->range;
  return file->rangeOf(node);
}

const Attribute *Block::attr(std::string_view name) const {
  for (const Attribute &a : attributes)
    if (a.name == name)
      return &a;
  return nullptr;
}

std::vector<const Block *> Block::children(std::string_view type) const {
  std::vector<const Block *> out;
  for (const Block &b : blocks)
    if (b.type == type)
      out.push_back(&b);
  return out;
}

void parseHcl(ParsedFile &file) { file.tree = syntax::parse(tree_sitter_hcl(), file.text); }

namespace {
void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}
} // namespace

std::string unescapeQuoted(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size()) {
      char e = body[++i];
      switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'u':
      case 'U': {
        size_t len = e == 'u' ? 4 : 8;
        if (i + len < body.size()) {
          std::string hex(body.substr(i + 1, len));
          char *end = nullptr;
          unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
          if (end && *end == '\0' && hex.size() == len) {
            appendUtf8(out, static_cast<uint32_t>(cp));
            i += len;
            break;
          }
        }
        out += '\\';
        out += e;
        break;
      }
      default:
        out += '\\';
        out += e;
      }
    } else if ((c == '$' || c == '%') && i + 2 < body.size() && body[i + 1] == c && body[i + 2] == '{') {
      out += c;
      out += '{';
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {
std::string labelText(const ParsedFile &file, TSNode node) {
  std::string_view text = file.textOf(node);
  if (std::string(ts_node_type(node)) == "string_lit" && text.size() >= 2)
    return unescapeQuoted(text.substr(1, text.size() - 2));
  return std::string(text);
}

bool readAttribute(const ParsedFile &file, TSNode node, Attribute &out) {
  TSNode name{}, value{};
  uint32_t count = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_named_child(node, i);
    std::string type = ts_node_type(child);
    if (type == "identifier" && ts_node_is_null(name))
      name = child;
    else if (type == "expression")
      value = child;
  }
  if (ts_node_is_null(name) || ts_node_is_null(value) || ts_node_is_missing(value))
    return false;
  out.name = std::string(file.textOf(name));
  out.expr = Expr{&file, value, nullptr, false};
  out.range = file.rangeOf(node);
  out.nameRange = file.rangeOf(name);
  return true;
}

void readBlock(const ParsedFile &file, TSNode node, Block &out, int depth) {
  out.file = &file;
  out.range = file.rangeOf(node);
  uint32_t count = ts_node_named_child_count(node);
  bool typeSeen = false;
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_named_child(node, i);
    std::string type = ts_node_type(child);
    if (type == "identifier" && !typeSeen) {
      out.type = std::string(file.textOf(child));
      out.typeRange = file.rangeOf(child);
      typeSeen = true;
    } else if (type == "identifier" || type == "string_lit") {
      out.labels.push_back(labelText(file, child));
    } else if (type == "body") {
      uint32_t items = ts_node_named_child_count(child);
      for (uint32_t j = 0; j < items; ++j) {
        TSNode item = ts_node_named_child(child, j);
        std::string itemType = ts_node_type(item);
        if (itemType == "attribute") {
          Attribute attribute;
          if (readAttribute(file, item, attribute))
            out.attributes.push_back(std::move(attribute));
        } else if (itemType == "block" && depth < 64) {
          Block block;
          readBlock(file, item, block, depth + 1);
          if (!block.type.empty())
            out.blocks.push_back(std::move(block));
        }
      }
    }
  }
}
} // namespace

FileContents readHcl(const ParsedFile &file, std::vector<Diagnostic> &diagnostics) {
  FileContents contents;
  if (!file.tree) {
    diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", SourceRange{SourceLoc{file.path, 0, 0, 0}, {}},
                                         "the HCL grammar could not be loaded"));
    return contents;
  }
  TSNode root = ts_tree_root_node(file.tree.get());
  for (Diagnostic &d : syntax::syntaxErrors(file.path, file.text, root))
    diagnostics.push_back(std::move(d));
  for (const QueryMatch &match : Query::get("top_level").run(root, file.text, /*maxStartDepth=*/0)) {
    TSNode block = match.get("block");
    if (!ts_node_is_null(block)) {
      Block out;
      readBlock(file, block, out, 0);
      if (!out.type.empty())
        contents.blocks.push_back(std::move(out));
      continue;
    }
    TSNode attribute = match.get("attribute");
    Attribute out;
    if (!ts_node_is_null(attribute) && readAttribute(file, attribute, out))
      contents.attributes.push_back(std::move(out));
  }
  return contents;
}

namespace {
// JSON syntax: a block body is an object whose members are attributes. Nested blocks cannot
// be told from object-valued attributes without the provider schema; both read as attributes,
// and lookups into blocks fall back to attributes holding objects.
void readJsonBody(const ParsedFile &file, const syntax::Node &node, Block &out) {
  out.file = &file;
  out.range = node.range;
  if (!node.isMapping())
    return;
  for (const auto &[key, value] : node.entries) {
    if (key.value == "//")
      continue;
    if (key.value == "dynamic" && value.isMapping()) {
      for (const auto &[label, body] : value.entries) {
        Block dynamic;
        dynamic.type = "dynamic";
        dynamic.labels = {label.value};
        dynamic.typeRange = label.range;
        readJsonBody(file, body, dynamic);
        if (const syntax::Node *content = body.get("content")) {
          Block contentBlock;
          contentBlock.type = "content";
          readJsonBody(file, *content, contentBlock);
          dynamic.attributes.erase(std::remove_if(dynamic.attributes.begin(), dynamic.attributes.end(),
                                                  [](const Attribute &a) { return a.name == "content"; }),
                                   dynamic.attributes.end());
          dynamic.blocks.push_back(std::move(contentBlock));
        }
        out.blocks.push_back(std::move(dynamic));
      }
      continue;
    }
    Attribute attribute;
    attribute.name = key.value;
    attribute.expr = Expr{&file, TSNode{}, &value, false};
    attribute.range = SourceRange{key.range.begin, value.range.end};
    attribute.nameRange = key.range;
    out.attributes.push_back(std::move(attribute));
  }
}

// `"resource": {"TYPE": {"NAME": {...}}}` (labels nest one object per label); a body may
// also be an array of bodies.
void readJsonBlocks(const ParsedFile &file, const std::string &type, const syntax::Node &node, size_t labels,
                    std::vector<std::string> &prefix, std::vector<Block> &out) {
  if (node.isSequence()) {
    for (const syntax::Node &item : node.items)
      readJsonBlocks(file, type, item, labels, prefix, out);
    return;
  }
  if (labels == 0) {
    Block block;
    block.type = type;
    block.labels = prefix;
    readJsonBody(file, node, block);
    out.push_back(std::move(block));
    return;
  }
  if (!node.isMapping())
    return;
  for (const auto &[key, value] : node.entries) {
    if (key.value == "//")
      continue;
    prefix.push_back(key.value);
    readJsonBlocks(file, type, value, labels - 1, prefix, out);
    prefix.pop_back();
  }
}

size_t labelCount(const std::string &type) {
  if (type == "resource" || type == "data")
    return 2;
  if (type == "variable" || type == "output" || type == "module" || type == "provider")
    return 1;
  return 0; // locals, terraform, moved, import, ...
}
} // namespace

FileContents readJson(const ParsedFile &file, bool tfvars, std::vector<Diagnostic> &diagnostics) {
  FileContents contents;
  if (!file.json)
    return contents;
  const syntax::Node &root = file.json->root;
  if (!root.isMapping()) {
    diagnostics.push_back(makeDiagnostic(Level::Error, "parse-error", root.range,
                                         "a Terraform JSON file must hold one object"));
    return contents;
  }
  for (const auto &[key, value] : root.entries) {
    if (key.value == "//")
      continue;
    if (tfvars) {
      Attribute attribute;
      attribute.name = key.value;
      attribute.expr = Expr{&file, TSNode{}, &value, true};
      attribute.range = SourceRange{key.range.begin, value.range.end};
      attribute.nameRange = key.range;
      contents.attributes.push_back(std::move(attribute));
      continue;
    }
    std::vector<std::string> prefix;
    size_t before = contents.blocks.size();
    readJsonBlocks(file, key.value, value, labelCount(key.value), prefix, contents.blocks);
    for (size_t i = before; i < contents.blocks.size(); ++i)
      contents.blocks[i].typeRange = key.range;
  }
  return contents;
}

} // namespace cloudpact::terraform
