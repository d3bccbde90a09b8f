// Expressions → Values (cursor walks over the HCL tree and the JSON document model), and the
// static evaluation of Values for what extraction must know (keys, count, conditions).
#include "Terraform/Analyzer.h"

#include <algorithm>
#include <cstring>

namespace cloudpact::terraform {

namespace {
constexpr int kMaxExprDepth = 256;
constexpr size_t kMaxUnroll = 256;
const char *const kNull = "null";

std::string type(TSNode n) { return ts_node_type(n); }

std::vector<TSNode> namedChildren(TSNode n) {
  std::vector<TSNode> out;
  uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_named_child(n, i);
    if (type(c) != "comment")
      out.push_back(c);
  }
  return out;
}

TSNode firstNamed(TSNode n, const char *wanted) {
  for (TSNode c : namedChildren(n))
    if (type(c) == wanted)
      return c;
  return TSNode{};
}

bool isSupportedFunction(const std::string &name) {
  static const char *const natives[] = {"file", "templatefile"};
  if (findConcrete(name))
    return true;
  for (const char *n : natives)
    if (name == n)
      return true;
  return false;
}

const char *operatorFunction(std::string_view op, bool unary) {
  if (unary)
    return op == "!" ? "$not" : op == "-" ? "$neg" : nullptr;
  static const std::pair<const char *, const char *> table[] = {
      {"==", "$eq"}, {"!=", "$ne"}, {"<", "$lt"},   {"<=", "$le"},  {">", "$gt"},  {">=", "$ge"},  {"&&", "$and"},
      {"||", "$or"}, {"+", "$add"}, {"-", "$sub"}, {"*", "$mul"}, {"/", "$div"}, {"%", "$mod"},
  };
  for (const auto &[text, fn] : table)
    if (op == text)
      return fn;
  return nullptr;
}

// Escapes a decoded JSON string as an HCL quoted template, leaving ${ } and %{ } sequences as
// they are (their contents are expressions).
std::string quoteTemplate(const std::string &s) {
  std::string out = "\"";
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (depth == 0 && (c == '$' || c == '%') && i + 2 < s.size() && s[i + 1] == c && s[i + 2] == '{') {
      out += c; // $${ and %%{ stay escaped
      out += c;
      out += '{';
      i += 2;
      continue;
    }
    if (depth == 0 && (c == '$' || c == '%') && i + 1 < s.size() && s[i + 1] == '{') {
      out += c;
      out += '{';
      ++i;
      depth = 1;
      continue;
    }
    if (depth > 0) {
      if (c == '{')
        ++depth;
      else if (c == '}')
        --depth;
      out += c;
      continue;
    }
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '"': out += "\\\""; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default: out += c;
    }
  }
  return out + "\"";
}
} // namespace

class Evaluator {
public:
  Evaluator(Analyzer &analyzer, const ParsedFile &file, const Scope &scope, int depth = 0)
      : a_(analyzer), f_(file), scope_(scope), depth_(depth) {}

  ValuePtr node(TSNode n);
  ValuePtr json(const syntax::Node &n, bool literal);

private:
  struct Step {
    enum Kind { Attr, Index, Splat } kind;
    std::string name;
    TSNode node;
  };

  SourceRange range(TSNode n) const { return f_.rangeOf(n); }
  std::string text(TSNode n) const { return std::string(f_.textOf(n)); }
  ValuePtr unknown(std::string reason, TSNode n) const { return makeUnknown(std::move(reason), range(n)); }

  ValuePtr expression(TSNode n);
  ValuePtr literal(TSNode n);
  ValuePtr tuple(TSNode n);
  ValuePtr object(TSNode n);
  ValuePtr functionCall(TSNode n);
  ValuePtr forExpr(TSNode n);
  ValuePtr operation(TSNode n);
  ValuePtr conditional(TSNode n);
  ValuePtr templateNode(TSNode n);
  ValuePtr templateFile(TSNode call, const std::vector<ValuePtr> &args);
  ValuePtr fileFunction(TSNode call, const std::vector<ValuePtr> &args);

  std::vector<Step> stepsOf(const std::vector<TSNode> &postfix) const;
  ValuePtr traversal(TSNode root, const std::vector<Step> &steps, TSNode whole);
  ValuePtr applySteps(ValuePtr value, const std::vector<Step> &steps, size_t from, TSNode whole);
  bool stepKey(const Step &step, std::string &key);

  // templates
  struct Part {
    bool isLiteral = true;
    std::string text;
    ValuePtr value;
  };
  void sequence(TSNode parent, uint32_t childBegin, uint32_t childEnd, uint32_t from, uint32_t to, bool stripFirst,
                bool stripLast, std::vector<Part> &parts);
  ValuePtr directive(TSNode n);
  ValuePtr partsValue(std::vector<Part> &parts, TSNode whole, bool raw);
  std::string literalText(uint32_t from, uint32_t to) const;

  Analyzer &a_;
  const ParsedFile &f_;
  const Scope &scope_;
  int depth_;
  bool heredoc_ = false;
  size_t heredocIndent_ = 0;
};

// ---------------------------------------------------------------------------------------

ValuePtr Evaluator::node(TSNode n) {
  if (ts_node_is_null(n))
    return makeUnknown("missing expression");
  if (depth_ > kMaxExprDepth) {
    a_.nestedTooDeeply(range(n), kMaxExprDepth);
    return unknown("expression nested too deeply", n);
  }
  if (!a_.spendStep()) {
    a_.budgetExhausted(range(n));
    return unknown("the evaluation budget of the root module is spent", n);
  }
  ++depth_;
  ValuePtr result;
  std::string t = type(n);
  if (ts_node_is_error(n) || ts_node_is_missing(n))
    result = unknown("syntax error in expression", n);
  else if (t == "expression")
    result = expression(n);
  else if (t == "literal_value" || t == "string_lit" || t == "numeric_lit" || t == "bool_lit" || t == "null_lit")
    result = literal(n);
  else if (t == "collection_value") {
    auto children = namedChildren(n);
    result = children.empty() ? unknown("empty collection", n) : node(children[0]);
  } else if (t == "tuple")
    result = tuple(n);
  else if (t == "object")
    result = object(n);
  else if (t == "template_expr") {
    auto children = namedChildren(n);
    result = children.empty() ? makeLiteral("", range(n)) : templateNode(children[0]);
  } else if (t == "quoted_template" || t == "heredoc_template")
    result = templateNode(n);
  else if (t == "function_call")
    result = functionCall(n);
  else if (t == "for_expr")
    result = forExpr(n);
  else if (t == "operation" || t == "binary_operation" || t == "unary_operation")
    result = operation(n);
  else if (t == "conditional")
    result = conditional(n);
  else if (t == "variable_expr")
    result = traversal(n, {}, n);
  else
    result = unknown("unsupported expression " + t, n);
  --depth_;
  return result;
}

ValuePtr Evaluator::expression(TSNode n) {
  std::vector<TSNode> children = namedChildren(n);
  if (children.empty())
    return unknown("empty expression", n);
  TSNode base = children[0];
  std::vector<TSNode> postfix(children.begin() + 1, children.end());
  if (type(base) == "variable_expr")
    return traversal(base, stepsOf(postfix), n);
  ValuePtr value = node(base);
  return applySteps(value, stepsOf(postfix), 0, n);
}

std::vector<Evaluator::Step> Evaluator::stepsOf(const std::vector<TSNode> &postfix) const {
  std::vector<Step> steps;
  for (TSNode p : postfix) {
    std::string t = type(p);
    if (t == "get_attr") {
      TSNode id = firstNamed(p, "identifier");
      steps.push_back(Step{Step::Attr, ts_node_is_null(id) ? std::string() : text(id), p});
    } else if (t == "index") {
      auto inner = namedChildren(p);
      if (inner.empty())
        continue;
      if (type(inner[0]) == "legacy_index") {
        std::string s = text(inner[0]);
        steps.push_back(Step{Step::Attr, s.empty() ? s : s.substr(1), inner[0]});
      } else {
        TSNode e = firstNamed(inner[0], "expression");
        steps.push_back(Step{Step::Index, "", e});
      }
    } else if (t == "splat") {
      auto inner = namedChildren(p);
      if (!inner.empty())
        steps.push_back(Step{Step::Splat, "", inner[0]});
    }
  }
  return steps;
}

bool Evaluator::stepKey(const Step &step, std::string &key) {
  if (step.kind == Step::Attr) {
    key = step.name;
    return true;
  }
  if (step.kind == Step::Index) {
    CV c = a_.constant(node(step.node));
    if (c.isPrimitive()) {
      key = c.text;
      return true;
    }
  }
  return false;
}

ValuePtr Evaluator::applySteps(ValuePtr value, const std::vector<Step> &steps, size_t from, TSNode whole) {
  SourceRange r = range(whole);
  for (size_t i = from; i < steps.size(); ++i) {
    const Step &step = steps[i];
    if (step.kind == Step::Attr) {
      value = a_.get(value, step.name, r);
    } else if (step.kind == Step::Index) {
      ValuePtr key = node(step.node);
      CV c = a_.constant(key);
      if (c.isPrimitive())
        value = a_.get(value, c.text, r);
      else
        value = makeApply("$index", {value, key}, r);
    } else {
      // The splat carries the traversals that follow it; they apply to each element.
      std::vector<Step> inner = stepsOf(namedChildren(step.node));
      std::vector<std::pair<std::string, ValuePtr>> elements;
      CV c = a_.constant(value);
      std::vector<ValuePtr> items;
      if (c.kind == CV::Null) {
        // [] : splat of null
      } else if (c.kind == CV::List && a_.staticElements(value, false, elements, kMaxUnroll)) {
        for (auto &[key, element] : elements)
          items.push_back(applySteps(element, inner, 0, whole));
      } else if (c.kind == CV::Map || c.isPrimitive()) {
        items.push_back(applySteps(value, inner, 0, whole));
      } else {
        items.push_back(applySteps(makeApply("$values", {value}, r), inner, 0, whole));
      }
      return makeList(std::move(items), r);
    }
  }
  return value;
}

ValuePtr Evaluator::traversal(TSNode rootNode, const std::vector<Step> &steps, TSNode whole) {
  TSNode id = firstNamed(rootNode, "identifier");
  std::string root = ts_node_is_null(id) ? text(rootNode) : text(id);
  SourceRange r = range(whole);
  Instance *inst = scope_.instance;

  if (auto it = scope_.names.find(root); it != scope_.names.end())
    return applySteps(it->second, steps, 0, whole);
  if (scope_.templateOnly) {
    auto vars = scope_.names.find("$vars");
    if (vars != scope_.names.end())
      return applySteps(a_.get(vars->second, root, r), steps, 0, whole);
    return makeUnknown("templatefile: " + root + " is not a template variable", r);
  }
  if (!inst)
    return makeUnknown("reference to " + root + " outside a module", r);
  const ModuleConfig &config = *inst->config;
  auto attrAt = [&](size_t i) -> std::string { return i < steps.size() && steps[i].kind == Step::Attr ? steps[i].name : ""; };

  if (root == "var" || root == "local") {
    std::string name = attrAt(0);
    if (name.empty())
      return makeUnknown(root + " needs an attribute name", r);
    bool declared = root == "var" ? config.variables.count(name) != 0 : config.locals.count(name) != 0;
    if (!declared)
      return makeUnknown("reference to undeclared " + std::string(root == "var" ? "variable " : "local value ") + name, r);
    return applySteps(makeRef(a_.symbol(*inst, root + "." + name), r), steps, 1, whole);
  }
  if (root == "module") {
    std::string call = attrAt(0);
    auto callIt = config.moduleCalls.find(call);
    if (call.empty() || callIt == config.moduleCalls.end())
      return makeUnknown("reference to undeclared module " + call, r);
    size_t i = 1;
    bool repeated = callIt->second->attr("count") || callIt->second->attr("for_each");
    if (repeated && i < steps.size() && steps[i].kind != Step::Attr)
      ++i; // module.x[key]: every instance has the same outputs here
    if (auto un = inst->unresolved.find(call); un != inst->unresolved.end())
      return makeUnknown(un->second, r);
    auto child = inst->children.find(call);
    if (child == inst->children.end() || !child->second)
      return makeUnknown("module." + call + " is not available", r);
    const Instance &c = *child->second;
    std::string output = attrAt(i);
    if (output.empty()) {
      std::vector<std::pair<std::string, ValuePtr>> fields;
      for (const auto &[name, block] : c.config->outputs)
        fields.emplace_back(name, makeRef(a_.symbol(c, "output." + name), r));
      return applySteps(makeMap(std::move(fields), r), steps, i, whole);
    }
    if (!c.config->outputs.count(output))
      return makeUnknown("module." + call + " has no output " + output, r);
    return applySteps(makeRef(a_.symbol(c, "output." + output), r), steps, i + 1, whole);
  }
  if (root == "each" || root == "count")
    return makeUnknown(root + "." + attrAt(0) + " outside a resource or module with " + (root == "each" ? "for_each" : "count"), r);
  if (root == "path") {
    std::string what = attrAt(0);
    if (what == "module")
      return applySteps(makeLiteral(config.dir, r), steps, 1, whole);
    if (what == "root")
      return applySteps(makeLiteral(inst->rootDir, r), steps, 1, whole);
    if (what == "cwd")
      return applySteps(makeLiteral(".", r), steps, 1, whole);
    return makeUnknown("unknown path." + what, r);
  }
  if (root == "terraform" && attrAt(0) == "workspace") {
    // The workspace Terraform would use: TF_WORKSPACE, else the one `terraform workspace
    // select` recorded for the root module; with none selected, any workspace is possible.
    if (!a_.options().workspace.empty())
      return applySteps(withPhrase(makeLiteral(a_.options().workspace, r), "workspace " + a_.options().workspace + " (TF_WORKSPACE)", r),
                        steps, 1, whole);
    bool ok = false;
    std::string problem;
    std::string recorded = a_.readFileText(joinPath(inst->rootDir, ".terraform/environment"), ok, problem);
    recorded.erase(recorded.find_last_not_of(" \t\r\n") + 1);
    if (ok && !recorded.empty())
      return applySteps(withPhrase(makeLiteral(recorded, r), "workspace " + recorded + " (selected in .terraform/environment)", r),
                        steps, 1, whole);
    return makeUnknown("terraform.workspace: no workspace is selected (TF_WORKSPACE or terraform workspace select)", r);
  }
  if (root == "terraform")
    return makeUnknown("terraform." + attrAt(0) + " is chosen when Terraform runs", r);
  if (root == "self")
    return makeUnknown("self is known only while provisioning", r);

  bool data = root == "data";
  size_t base = data ? 1 : 0;
  std::string typeName = data ? attrAt(0) : root;
  std::string name = attrAt(base);
  const auto &table = data ? config.dataSources : config.resources;
  auto res = table.find(typeName + "." + name);
  if (name.empty() || res == table.end())
    return makeUnknown("reference to undeclared " + std::string(data ? "data source data." : "resource ") + typeName +
                           (name.empty() ? "" : "." + name),
                       r);
  const Block &block = *res->second;
  std::string addr = (data ? "data." : "") + typeName + "." + name;
  size_t i = base + 1;
  bool repeated = block.attr("count") || block.attr("for_each");
  if (repeated && i < steps.size() && steps[i].kind != Step::Attr) {
    if (steps[i].kind == Step::Splat) {
      // aws_x.y[*].attr: the traversals after [*] are inside the splat node; every instance
      // shares this configuration, so the list holds one element standing for all.
      std::vector<Step> rest(steps.begin(), steps.begin() + static_cast<long>(i));
      std::vector<Step> inner = stepsOf(namedChildren(steps[i].node));
      rest.insert(rest.end(), inner.begin(), inner.end());
      std::string attr = i < rest.size() && rest[i].kind == Step::Attr ? rest[i].name : "";
      ValuePtr element;
      if (attr.empty())
        element = makeUnknown(addr + " as a whole is known only after apply", r);
      else if (block.attr(attr) || !block.children(attr).empty())
        element = applySteps(makeRef(a_.symbol(*inst, addr + "." + attr), r), rest, i + 1, whole);
      else
        element = makeUnknown(addr + "." + attr + " is known only after apply", r);
      return makeList({element}, r);
    }
    ++i;
  }
  std::string attr = attrAt(i);
  if (attr.empty())
    return makeUnknown(addr + " as a whole is known only after apply", r);
  if (block.attr(attr) || !block.children(attr).empty())
    return applySteps(makeRef(a_.symbol(*inst, addr + "." + attr), r), steps, i + 1, whole);
  if (data && typeName == "aws_bedrock_foundation_model" && attr == "model_arn" && block.attr("model_id")) {
    // The ARN the data source returns names the model it was asked for.
    ValuePtr region = a_.providerRegion(*inst, block);
    ValuePtr arn = makeConcat({makeLiteral("arn:aws:bedrock:"), region ? region : makeUnknown("region of " + addr),
                               makeLiteral("::foundation-model/"), makeRef(a_.symbol(*inst, addr + ".model_id"), r)},
                              r);
    return applySteps(arn, steps, i + 1, whole);
  }
  return makeUnknown(addr + "." + attr + (data ? " is read from the provider when Terraform runs" : " is known only after apply"), r);
}

ValuePtr Evaluator::literal(TSNode n) {
  std::string t = type(n);
  if (t == "literal_value") {
    auto children = namedChildren(n);
    return children.empty() ? unknown("empty literal", n) : literal(children[0]);
  }
  if (t == "numeric_lit") {
    double d = 0;
    std::string s = text(n);
    return makeLiteral(parseNumber(s, d) ? formatNumber(d) : s, range(n));
  }
  if (t == "bool_lit")
    return makeLiteral(text(n), range(n));
  if (t == "null_lit")
    return makeUnknown(kNull, range(n));
  // string_lit: quoted, no interpolation
  std::string s = text(n);
  if (s.size() >= 2)
    s = unescapeQuoted(std::string_view(s).substr(1, s.size() - 2));
  return makeLiteral(s, range(n));
}

ValuePtr Evaluator::tuple(TSNode n) {
  std::vector<ValuePtr> items;
  for (TSNode c : namedChildren(n))
    if (type(c) == "expression")
      items.push_back(node(c));
  return makeList(std::move(items), range(n));
}

ValuePtr Evaluator::object(TSNode n) {
  std::vector<std::pair<std::string, ValuePtr>> fields;
  std::map<std::string, size_t> index;
  for (TSNode elem : namedChildren(n)) {
    if (type(elem) != "object_elem")
      continue;
    TSNode key = ts_node_child_by_field_name(elem, "key", 3);
    TSNode val = ts_node_child_by_field_name(elem, "val", 3);
    if (ts_node_is_null(key) || ts_node_is_null(val))
      continue;
    std::string name;
    auto keyChildren = namedChildren(key);
    if (keyChildren.size() == 1 && type(keyChildren[0]) == "variable_expr") {
      name = text(keyChildren[0]); // a bare identifier is the key itself
    } else {
      CV c = a_.constant(node(key));
      name = c.isPrimitive() ? c.text : "*";
    }
    ValuePtr value = node(val);
    auto [it, fresh] = index.emplace(name, fields.size());
    if (fresh)
      fields.emplace_back(name, value);
    else
      fields[it->second].second = value; // a repeated key: the last one wins
  }
  return makeMap(std::move(fields), range(n));
}

ValuePtr Evaluator::functionCall(TSNode n) {
  TSNode id = firstNamed(n, "identifier");
  std::string name = ts_node_is_null(id) ? "" : text(id);
  TSNode argsNode = firstNamed(n, "function_arguments");
  std::vector<ValuePtr> args;
  bool expand = false;
  if (!ts_node_is_null(argsNode)) {
    for (TSNode c : namedChildren(argsNode)) {
      if (type(c) == "expression")
        args.push_back(node(c));
      else if (type(c) == "ellipsis")
        expand = true;
    }
  }
  SourceRange r = range(n);
  if (name.rfind("provider::", 0) == 0)
    return makeUnknown("provider function " + name + " is not evaluated", r);
  if (!isSupportedFunction(name))
    return makeUnknown("unsupported function " + name, r);
  if (expand && !args.empty()) {
    std::vector<std::pair<std::string, ValuePtr>> elements;
    ValuePtr last = args.back();
    if (!a_.staticElements(last, false, elements, kMaxUnroll))
      return makeUnknown(name + "(...) with expanded arguments not known statically", r);
    args.pop_back();
    for (auto &e : elements)
      args.push_back(e.second);
  }
  if (name == "file")
    return fileFunction(n, args);
  if (name == "templatefile")
    return templateFile(n, args);
  if ((name == "yamldecode" || name == "jsondecode") && args.size() == 1) {
    // A document read with file() keeps its positions: each value points into that file.
    auto origin = a_.fileOrigins_.find(args[0].get());
    if (origin != a_.fileOrigins_.end()) {
      const std::string &path = origin->second;
      std::string key = name + ":" + path;
      const ParsedFile *doc = a_.synthesize(key, [&]() {
        auto pf = std::make_unique<ParsedFile>();
        pf->path = path;
        pf->text = args[0]->text;
        syntax::ParseResult parsed = name == "yamldecode" ? syntax::parseYaml(pf->text, path) : syntax::parseJson(pf->text, path);
        if (parsed.diagnostics.empty() && parsed.documents.size() == 1)
          pf->json = std::make_unique<syntax::Document>(std::move(parsed.documents[0]));
        return pf;
      });
      if (doc && doc->json) {
        Evaluator sub(a_, *doc, scope_, depth_ + 1);
        return sub.json(doc->json->root, true);
      }
    }
  }
  // Literal arguments written at the call are not trace steps of their own.
  for (ValuePtr &arg : args)
    if (arg->kind == ValueKind::Literal && arg->phrase.empty() && arg->range.valid())
      arg = makeLiteral(arg->text);
  return makeApply(name, std::move(args), r);
}

std::string Evaluator::literalText(uint32_t from, uint32_t to) const {
  if (to <= from || to > f_.text.size())
    return {};
  std::string raw = f_.text.substr(from, to - from);
  if (!heredoc_)
    return unescapeQuoted(raw);
  // Heredocs: no backslash escapes; $${ and %%{ still escape; <<- strips the indentation.
  std::string out;
  bool lineStart = from == 0 || f_.text[from - 1] == '\n';
  size_t skip = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (lineStart) {
      skip = heredocIndent_;
      lineStart = false;
    }
    if (skip > 0 && (c == ' ' || c == '\t')) {
      --skip;
      continue;
    }
    skip = 0;
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out += c;
      out += '{';
      i += 2;
      continue;
    }
    out += c;
    if (c == '\n')
      lineStart = true;
  }
  return out;
}

namespace {
// Whether an interpolation or directive strips whitespace before (leading) or after it.
bool hasStrip(TSNode n, bool leading) {
  std::string t = ts_node_type(n);
  if (t == "template_directive") {
    return ts_node_named_child_count(n) > 0 && hasStrip(ts_node_named_child(n, 0), leading);
  }
  if (t == "template_if" || t == "template_for") {
    uint32_t count = ts_node_named_child_count(n);
    if (count == 0)
      return false;
    return hasStrip(ts_node_named_child(n, leading ? 0 : count - 1), leading);
  }
  uint32_t count = ts_node_child_count(n);
  if (count < 2)
    return false;
  TSNode c = ts_node_child(n, leading ? 1 : count - 2);
  return std::string(ts_node_type(c)) == "strip_marker";
}

void rtrim(std::string &s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.pop_back();
}
void ltrim(std::string &s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
    ++i;
  s.erase(0, i);
}
} // namespace

void Evaluator::sequence(TSNode parent, uint32_t childBegin, uint32_t childEnd, uint32_t from, uint32_t to,
                         bool stripFirst, bool stripLast, std::vector<Part> &parts) {
  uint32_t cursor = from;
  bool stripNext = stripFirst;
  auto addLiteral = [&](uint32_t end, bool stripBefore) {
    std::string s = literalText(cursor, end);
    if (stripNext)
      ltrim(s);
    if (stripBefore)
      rtrim(s);
    stripNext = false;
    if (!s.empty())
      parts.push_back(Part{true, s, nullptr});
  };
  for (uint32_t i = childBegin; i < childEnd; ++i) {
    TSNode c = ts_node_child(parent, i);
    std::string t = type(c);
    if (t != "template_interpolation" && t != "template_directive")
      continue;
    addLiteral(ts_node_start_byte(c), hasStrip(c, true));
    if (t == "template_interpolation") {
      TSNode e = firstNamed(c, "expression");
      parts.push_back(Part{false, "", ts_node_is_null(e) ? unknown("empty interpolation", c) : node(e)});
    } else {
      parts.push_back(Part{false, "", directive(c)});
    }
    stripNext = hasStrip(c, false);
    cursor = ts_node_end_byte(c);
  }
  addLiteral(to, stripLast);
}

ValuePtr Evaluator::directive(TSNode n) {
  auto inner = namedChildren(n);
  if (inner.empty())
    return unknown("empty template directive", n);
  TSNode d = inner[0];
  std::string t = type(d);
  uint32_t count = ts_node_child_count(d);
  auto findChild = [&](const char *wanted, uint32_t start) -> uint32_t {
    for (uint32_t i = start; i < count; ++i)
      if (type(ts_node_child(d, i)) == wanted)
        return i;
    return count;
  };
  if (t == "template_if") {
    uint32_t intro = findChild("template_if_intro", 0);
    uint32_t elseIntro = findChild("template_else_intro", intro);
    uint32_t end = findChild("template_if_end", intro);
    if (intro >= count || end >= count)
      return unknown("incomplete %{if} directive", d);
    TSNode introNode = ts_node_child(d, intro), endNode = ts_node_child(d, end);
    TSNode condExpr = firstNamed(introNode, "expression");
    ValuePtr cond = node(condExpr);
    std::vector<Part> thenParts, elseParts;
    uint32_t thenEnd = elseIntro < end ? elseIntro : end;
    TSNode thenEndNode = ts_node_child(d, thenEnd);
    sequence(d, intro + 1, thenEnd, ts_node_end_byte(introNode), ts_node_start_byte(thenEndNode), hasStrip(introNode, false),
             hasStrip(thenEndNode, true), thenParts);
    if (elseIntro < end) {
      TSNode elseNode = ts_node_child(d, elseIntro);
      sequence(d, elseIntro + 1, end, ts_node_end_byte(elseNode), ts_node_start_byte(endNode), hasStrip(elseNode, false),
               hasStrip(endNode, true), elseParts);
    }
    ValuePtr thenValue = partsValue(thenParts, d, false);
    ValuePtr elseValue = partsValue(elseParts, d, false);
    CV c = a_.constant(cond);
    bool ok = false;
    bool truth = truthy(c, ok);
    if (ok)
      return truth ? thenValue : elseValue;
    return makeApply("$if", {cond, thenValue, elseValue}, range(d));
  }
  if (t == "template_for") {
    uint32_t start = findChild("template_for_start", 0);
    uint32_t end = findChild("template_for_end", start);
    if (start >= count || end >= count)
      return unknown("incomplete %{for} directive", d);
    TSNode startNode = ts_node_child(d, start), endNode = ts_node_child(d, end);
    std::vector<std::string> names;
    TSNode collExpr{};
    for (TSNode c : namedChildren(startNode)) {
      if (type(c) == "identifier")
        names.push_back(text(c));
      else if (type(c) == "expression")
        collExpr = c;
    }
    ValuePtr coll = node(collExpr);
    std::vector<std::pair<std::string, ValuePtr>> elements;
    if (names.empty() || !a_.staticElements(coll, false, elements, kMaxUnroll))
      return unknown("%{for} over a collection not known statically", d);
    std::vector<ValuePtr> pieces;
    for (auto &[key, value] : elements) {
      Scope inner = scope_;
      if (names.size() == 2) {
        inner.names[names[0]] = makeLiteral(key);
        inner.names[names[1]] = value;
      } else {
        inner.names[names[0]] = value;
      }
      Evaluator sub(a_, f_, inner, depth_ + 1);
      sub.heredoc_ = heredoc_;
      sub.heredocIndent_ = heredocIndent_;
      std::vector<Part> parts;
      sub.sequence(d, start + 1, end, ts_node_end_byte(startNode), ts_node_start_byte(endNode), hasStrip(startNode, false),
                   hasStrip(endNode, true), parts);
      for (Part &p : parts)
        pieces.push_back(p.isLiteral ? makeLiteral(p.text) : p.value);
    }
    if (pieces.empty())
      return makeLiteral("", range(d));
    return makeConcat(std::move(pieces), range(d));
  }
  return unknown("unsupported template directive", d);
}

ValuePtr Evaluator::partsValue(std::vector<Part> &parts, TSNode whole, bool raw) {
  SourceRange r = range(whole);
  if (raw && parts.size() == 1 && !parts[0].isLiteral)
    return parts[0].value; // "${x}" is x itself, of whatever type
  if (parts.empty())
    return makeLiteral("", raw ? r : SourceRange{});
  if (parts.size() == 1 && parts[0].isLiteral)
    return makeLiteral(parts[0].text, raw ? r : SourceRange{});
  // Literal pieces between interpolations are not trace steps of their own.
  std::vector<ValuePtr> values;
  for (Part &p : parts)
    values.push_back(p.isLiteral ? makeLiteral(p.text) : p.value);
  return makeConcat(std::move(values), r);
}

ValuePtr Evaluator::templateNode(TSNode n) {
  std::string t = type(n);
  uint32_t count = ts_node_child_count(n);
  if (t == "quoted_template") {
    if (count < 2)
      return unknown("incomplete string", n);
    TSNode open = ts_node_child(n, 0), close = ts_node_child(n, count - 1);
    std::vector<Part> parts;
    heredoc_ = false;
    sequence(n, 1, count - 1, ts_node_end_byte(open), ts_node_start_byte(close), false, false, parts);
    return partsValue(parts, n, true);
  }
  if (t == "heredoc_template") {
    // <<ID or <<-ID, newline, body, the closing ID on its own line.
    uint32_t firstId = count, lastId = count;
    bool indented = false;
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_child(n, i);
      std::string ct = type(c);
      if (ct == "heredoc_start")
        indented = f_.textOf(c).find('-') != std::string_view::npos;
      if (ct == "heredoc_identifier") {
        if (firstId == count)
          firstId = i;
        else
          lastId = i;
      }
    }
    if (firstId == count || lastId == count)
      return unknown("incomplete heredoc", n);
    uint32_t from = ts_node_end_byte(ts_node_child(n, firstId));
    size_t nl = f_.text.find('\n', from);
    from = nl == std::string::npos ? from : static_cast<uint32_t>(nl + 1);
    uint32_t to = ts_node_start_byte(ts_node_child(n, lastId));
    while (to > from && f_.text[to - 1] != '\n')
      --to;
    heredoc_ = true;
    heredocIndent_ = 0;
    if (indented) {
      size_t best = std::string::npos;
      size_t pos = from;
      while (pos < to) {
        size_t eol = f_.text.find('\n', pos);
        if (eol == std::string::npos || eol > to)
          eol = to;
        size_t ws = 0;
        while (pos + ws < eol && (f_.text[pos + ws] == ' ' || f_.text[pos + ws] == '\t'))
          ++ws;
        if (pos + ws < eol)
          best = std::min(best, ws);
        pos = eol + 1;
      }
      heredocIndent_ = best == std::string::npos ? 0 : best;
    }
    std::vector<Part> parts;
    sequence(n, firstId + 1, lastId, from, to, false, false, parts);
    ValuePtr v = partsValue(parts, n, true);
    heredoc_ = false;
    return v;
  }
  return node(n);
}

ValuePtr Evaluator::forExpr(TSNode n) {
  auto children = namedChildren(n);
  if (children.empty())
    return unknown("empty for expression", n);
  TSNode f = children[0];
  bool isObject = type(f) == "for_object_expr";
  TSNode intro{}, cond{};
  std::vector<TSNode> bodies;
  bool grouping = false;
  for (TSNode c : namedChildren(f)) {
    std::string t = type(c);
    if (t == "for_intro")
      intro = c;
    else if (t == "for_cond")
      cond = firstNamed(c, "expression");
    else if (t == "expression")
      bodies.push_back(c);
    else if (t == "ellipsis")
      grouping = true;
  }
  if (ts_node_is_null(intro) || bodies.empty() || (isObject && bodies.size() < 2))
    return unknown("incomplete for expression", n);
  std::vector<std::string> names;
  TSNode collExpr{};
  for (TSNode c : namedChildren(intro)) {
    if (type(c) == "identifier")
      names.push_back(text(c));
    else if (type(c) == "expression")
      collExpr = c;
  }
  if (names.empty())
    return unknown("for expression without a variable", n);
  std::string keyName = names.size() == 2 ? names[0] : "";
  std::string valueName = names.back();
  ValuePtr coll = node(collExpr);
  SourceRange r = range(n);

  auto bodyIn = [&](const Scope &inner, TSNode body) {
    Evaluator sub(a_, f_, inner, depth_ + 1);
    return sub.node(body);
  };

  std::vector<std::pair<std::string, ValuePtr>> elements;
  CV collConst = a_.constant(coll);
  bool isMap = collConst.kind == CV::Map;
  if (a_.staticElements(coll, false, elements, kMaxUnroll)) {
    std::vector<ValuePtr> items;
    std::vector<std::pair<std::string, ValuePtr>> fields;
    std::map<std::string, std::vector<ValuePtr>> groups;
    std::vector<std::string> groupOrder;
    for (size_t i = 0; i < elements.size(); ++i) {
      Scope inner = scope_;
      if (!keyName.empty())
        inner.names[keyName] = makeLiteral(isMap ? elements[i].first : std::to_string(i));
      inner.names[valueName] = elements[i].second;
      if (!ts_node_is_null(cond)) {
        CV c = a_.constant(bodyIn(inner, cond));
        bool ok = false;
        if (!truthy(c, ok) && ok)
          continue; // filtered out
      }
      if (!isObject) {
        items.push_back(bodyIn(inner, bodies[0]));
        continue;
      }
      CV k = a_.constant(bodyIn(inner, bodies[0]));
      std::string key = k.isPrimitive() ? k.text : "*";
      ValuePtr v = bodyIn(inner, bodies[1]);
      if (grouping) {
        if (!groups.count(key))
          groupOrder.push_back(key);
        groups[key].push_back(v);
      } else {
        auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &fl) { return fl.first == key; });
        if (it != fields.end())
          it->second = v;
        else
          fields.emplace_back(key, v);
      }
    }
    if (!isObject)
      return makeList(std::move(items), r);
    if (grouping)
      for (const std::string &key : groupOrder)
        fields.emplace_back(key, makeList(groups[key], r));
    return makeMap(std::move(fields), r);
  }
  // Not known statically (or too large): one representative element standing for all.
  Scope inner = scope_;
  if (!keyName.empty())
    inner.names[keyName] = makeApply("$keys", {coll}, r);
  inner.names[valueName] = makeApply("$values", {coll}, r);
  if (!isObject)
    return makeList({bodyIn(inner, bodies[0])}, r);
  CV k = a_.constant(bodyIn(inner, bodies[0]));
  ValuePtr v = bodyIn(inner, bodies[1]);
  if (grouping)
    v = makeList({v}, r);
  return makeMap({{k.isPrimitive() ? k.text : "*", v}}, r);
}

ValuePtr Evaluator::operation(TSNode n) {
  std::string t = type(n);
  if (t == "operation") {
    auto children = namedChildren(n);
    return children.empty() ? unknown("empty operation", n) : node(children[0]);
  }
  bool unary = t == "unary_operation";
  // Operands are not wrapped in `expression`: a primary is followed by its traversals
  // (get_attr, index, splat) as siblings.
  std::vector<std::pair<TSNode, std::vector<TSNode>>> groups;
  std::string op;
  uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_child(n, i);
    std::string ct = type(c);
    if (ct == "comment")
      continue;
    if (!ts_node_is_named(c)) {
      if (op.empty())
        op = text(c);
      continue;
    }
    if ((ct == "get_attr" || ct == "index" || ct == "splat") && !groups.empty())
      groups.back().second.push_back(c);
    else
      groups.push_back({c, {}});
  }
  std::vector<ValuePtr> operands;
  for (auto &[base, postfix] : groups) {
    if (type(base) == "variable_expr")
      operands.push_back(traversal(base, stepsOf(postfix), base));
    else
      operands.push_back(applySteps(node(base), stepsOf(postfix), 0, base));
  }
  const char *fn = operatorFunction(op, unary);
  if (!fn || operands.size() != (unary ? 1u : 2u))
    return unknown("unsupported operator " + op, n);
  if (unary && op == "-" && operands[0]->kind == ValueKind::Literal) {
    double d = 0;
    if (parseNumber(operands[0]->text, d))
      return makeLiteral(formatNumber(-d), range(n));
  }
  for (ValuePtr &operand : operands)
    if (operand->kind == ValueKind::Literal && operand->phrase.empty() && operand->range.valid())
      operand = makeLiteral(operand->text);
  return makeApply(fn, std::move(operands), range(n));
}

ValuePtr Evaluator::conditional(TSNode n) {
  std::vector<TSNode> parts;
  for (TSNode c : namedChildren(n))
    if (type(c) == "expression")
      parts.push_back(c);
  if (parts.size() != 3)
    return unknown("incomplete conditional", n);
  ValuePtr cond = node(parts[0]);
  CV c = a_.constant(cond);
  bool ok = false;
  bool truth = truthy(c, ok);
  if (ok) // Terraform evaluates only the chosen arm
    return truth ? node(parts[1]) : node(parts[2]);
  // Not known here: the solver decides per alternative of the condition, and keeps both arms
  // where it cannot.
  return makeApply("$if", {cond, node(parts[1]), node(parts[2])}, range(n));
}

ValuePtr Evaluator::fileFunction(TSNode call, const std::vector<ValuePtr> &args) {
  SourceRange r = range(call);
  if (args.size() != 1)
    return makeUnknown("file: needs one path", r);
  CV path = a_.constant(args[0]);
  if (!path.isPrimitive())
    return makeApply("file", args, r);
  bool ok = false;
  std::string problem;
  std::string content = a_.readFileText(path.text, ok, problem, &r);
  if (!ok)
    return makeUnknown(problem, r);
  ValuePtr value = withPhrase(makeLiteral(content, r), "contents of " + normalizePath(path.text));
  a_.fileOrigins_[value.get()] = normalizePath(path.text);
  return value;
}

ValuePtr Evaluator::templateFile(TSNode call, const std::vector<ValuePtr> &args) {
  SourceRange r = range(call);
  if (args.size() != 2)
    return makeUnknown("templatefile: needs a path and variables", r);
  CV path = a_.constant(args[0]);
  if (!path.isPrimitive())
    return makeApply("templatefile", args, r);
  std::string display = normalizePath(path.text);
  bool ok = false;
  std::string problem;
  std::string content = a_.readFileText(path.text, ok, problem, &r);
  if (!ok)
    return makeUnknown(problem, r);
  // Parse the file as the body of a heredoc whose lines map back onto the file.
  static const std::string marker = "CLOUDPACT_TEMPLATE_EOT";
  std::string prefix = "t = <<" + marker + "\n";
  const ParsedFile *file = a_.synthesize("template:" + display, [&]() {
    auto pf = std::make_unique<ParsedFile>();
    pf->path = display;
    pf->text = prefix + content + (content.empty() || content.back() == '\n' ? "" : "\n") + marker + "\n";
    pf->lineShift = 1;
    pf->offsetShift = static_cast<uint32_t>(prefix.size());
    parseHcl(*pf);
    return pf;
  });
  if (!file || !file->tree)
    return makeUnknown("templatefile: cannot parse " + display, r);
  TSNode root = ts_tree_root_node(file->tree.get());
  TSNode body = ts_node_named_child(root, 0);
  TSNode attribute = ts_node_is_null(body) ? body : ts_node_named_child(body, 0);
  TSNode expr = ts_node_is_null(attribute) ? attribute : firstNamed(attribute, "expression");
  if (ts_node_is_null(expr) || ts_node_has_error(root))
    return makeUnknown("templatefile: cannot parse " + display, r);
  Scope inner;
  inner.instance = scope_.instance;
  inner.templateOnly = true;
  inner.names["$vars"] = args[1];
  Evaluator sub(a_, *file, inner, depth_ + 1);
  ValuePtr v = sub.node(expr);
  // A template that is only text ends with the newline the file ends with.
  if (!content.empty() && content.back() != '\n' && v->kind == ValueKind::Literal && !v->text.empty() && v->text.back() == '\n') {
    auto copy = std::make_shared<Value>(*v);
    copy->text.pop_back();
    v = copy;
  }
  return withPhrase(v, "rendered from " + display, r);
}

ValuePtr Evaluator::json(const syntax::Node &n, bool literal) {
  SourceRange r = f_.pinned.valid() ? f_.pinned : n.range;
  if (!a_.spendStep()) {
    a_.budgetExhausted(r);
    return makeUnknown("the evaluation budget of the root module is spent", r);
  }
  switch (n.kind) {
  case syntax::NodeKind::Null: return makeUnknown(kNull, r);
  case syntax::NodeKind::Scalar: {
    if (n.style == syntax::ScalarStyle::Plain) {
      if (n.value == "null")
        return makeUnknown(kNull, r);
      double d = 0;
      if (parseNumber(n.value, d))
        return makeLiteral(formatNumber(d), r);
      return makeLiteral(n.value, r);
    }
    if (literal || (n.value.find("${") == std::string::npos && n.value.find("%{") == std::string::npos))
      return makeLiteral(n.value, r);
    std::string key = "json:" + n.range.file() + ":" + std::to_string(n.range.begin.offset);
    const ParsedFile *file = a_.synthesize(key, [&]() {
      auto pf = std::make_unique<ParsedFile>();
      pf->path = n.range.file();
      pf->text = "t = " + quoteTemplate(n.value) + "\n";
      pf->pinned = n.range;
      parseHcl(*pf);
      return pf;
    });
    if (!file || !file->tree)
      return makeUnknown("cannot parse template", r);
    TSNode root = ts_tree_root_node(file->tree.get());
    if (ts_node_has_error(root))
      return makeUnknown("syntax error in template string", r);
    TSNode body = ts_node_named_child(root, 0);
    TSNode attribute = ts_node_is_null(body) ? body : ts_node_named_child(body, 0);
    TSNode expr = ts_node_is_null(attribute) ? attribute : firstNamed(attribute, "expression");
    Evaluator sub(a_, *file, scope_, depth_ + 1);
    return sub.node(expr);
  }
  case syntax::NodeKind::Sequence: {
    std::vector<ValuePtr> items;
    for (const syntax::Node &item : n.items)
      items.push_back(json(item, literal));
    return makeList(std::move(items), r);
  }
  case syntax::NodeKind::Mapping: {
    std::vector<std::pair<std::string, ValuePtr>> fields;
    for (const auto &[key, value] : n.entries) {
      if (key.value == "//")
        continue;
      fields.emplace_back(key.value, json(value, literal));
    }
    return makeMap(std::move(fields), r);
  }
  }
  return makeUnknown("unreadable JSON value", r);
}

// ---------------------------------------------------------------------------------------
// Analyzer members that belong to evaluation

ValuePtr Analyzer::convert(const Expr &expr, const Scope &scope) {
  if (!expr.valid())
    return makeUnknown("missing expression");
  Evaluator evaluator(*this, *expr.file, scope);
  if (expr.json)
    return evaluator.json(*expr.json, expr.jsonLiteral);
  return evaluator.node(expr.node);
}

ValuePtr Analyzer::get(const ValuePtr &base, const std::string &key, SourceRange range) {
  if (base && base->kind == ValueKind::Map) {
    const auto &fields = base->fields;
    for (auto it = fields.rbegin(); it != fields.rend(); ++it)
      if (it->first == key)
        return it->second;
    for (const auto &f : fields)
      if (f.first == "*")
        return f.second;
    return makeUnknown("no attribute '" + key + "'", range);
  }
  if (base && base->kind == ValueKind::List) {
    double d = 0;
    if (parseNumber(key, d) && d >= 0 && static_cast<size_t>(d) < base->parts.size())
      return base->parts[static_cast<size_t>(d)];
  }
  return makeGet(base, key, range);
}

CV Analyzer::constant(const ValuePtr &value) {
  if (!value)
    return CV::unknown("no value");
  if (auto it = constants_.find(value.get()); it != constants_.end())
    return it->second.second;
  static thread_local int depth = 0;
  if (depth > 400)
    return CV::unknown("value nested too deeply");
  ++depth;
  CV result;
  switch (value->kind) {
  case ValueKind::Literal: result = CV::string(value->text); break;
  case ValueKind::Unknown: result = value->text == kNull ? CV::null() : CV::unknown(value->text); break;
  case ValueKind::EnvRead: result = CV::unknown("environment variable " + value->text); break;
  case ValueKind::Concat: {
    std::string text;
    result = CV::string("");
    for (const ValuePtr &part : value->parts) {
      CV c = constant(part);
      if (!c.isPrimitive()) {
        result = CV::unknown(c.kind == CV::Unknown ? c.text : "a collection in a string");
        break;
      }
      text += c.text;
    }
    if (result.kind == CV::String)
      result.text = text;
    break;
  }
  case ValueKind::Ref: {
    const std::string &symbol = value->text;
    if (constantsInProgress_.count(symbol)) {
      result = CV::unknown("cycle through " + symbol);
      break;
    }
    const std::vector<Assign> &assigns = assignsOf(symbol);
    if (assigns.size() != 1) {
      result = CV::unknown(assigns.empty() ? "nothing assigns " + symbol : "several possible values of " + symbol);
      break;
    }
    ValuePtr assigned = assigns[0].value;
    constantsInProgress_.insert(symbol);
    result = constant(assigned);
    constantsInProgress_.erase(symbol);
    break;
  }
  case ValueKind::Choice: {
    result = CV::unknown("one of several values");
    for (size_t i = 0; i < value->parts.size(); ++i) {
      CV c = constant(value->parts[i]);
      if (!c.known() || (i > 0 && !(c == result))) {
        result = CV::unknown("one of several values");
        break;
      }
      result = c;
    }
    break;
  }
  case ValueKind::Map: {
    std::vector<std::pair<std::string, CV>> fields;
    for (const auto &[key, v] : value->fields)
      fields.emplace_back(key, constant(v));
    result = CV::map(std::move(fields));
    break;
  }
  case ValueKind::List: {
    std::vector<CV> items;
    for (const ValuePtr &item : value->parts)
      items.push_back(constant(item));
    result = CV::list(std::move(items));
    break;
  }
  case ValueKind::Get: {
    CV base = constant(value->parts.empty() ? nullptr : value->parts[0]);
    if (base.kind == CV::Map) {
      const CV *f = base.field(value->text);
      result = f ? *f : CV::unknown("no attribute '" + value->text + "'");
    } else if (base.kind == CV::List) {
      double d = 0;
      result = parseNumber(value->text, d) && d >= 0 && static_cast<size_t>(d) < base.items.size()
                   ? base.items[static_cast<size_t>(d)]
                   : CV::unknown("no element [" + value->text + "]");
    } else {
      result = CV::unknown(base.kind == CV::Unknown ? base.text : "attribute of a non-object");
    }
    break;
  }
  case ValueKind::Apply: {
    const std::string &name = value->text;
    if (name == "$index" && value->parts.size() == 2) {
      CV key = constant(value->parts[1]);
      if (key.isPrimitive())
        result = constant(get(value->parts[0], key.text));
      else
        result = CV::unknown("index not known statically");
      break;
    }
    if (name == "$if" && value->parts.size() == 3) {
      bool ok = false;
      bool truth = truthy(constant(value->parts[0]), ok);
      result = ok ? constant(value->parts[truth ? 1 : 2]) : CV::unknown("condition not known statically");
      break;
    }
    ConcreteFunction fn = findConcrete(name);
    if (!fn) {
      result = CV::unknown(name + "() is not known statically");
      break;
    }
    std::vector<CV> args;
    std::string unknown;
    for (const ValuePtr &arg : value->parts) {
      args.push_back(constant(arg));
      if (unknown.empty())
        unknown = args.back().unknownReason();
    }
    result = !unknown.empty() && !acceptsUnknown(name) ? CV::unknown(unknown) : fn(args);
    break;
  }
  }
  --depth;
  constants_[value.get()] = {value, result};
  return result;
}

bool Analyzer::staticElements(const ValuePtr &collection, bool forEach, std::vector<std::pair<std::string, ValuePtr>> &out,
                              size_t limit) {
  out.clear();
  CV c = constant(collection);
  if (c.kind == CV::Null)
    return true;
  if (c.kind == CV::List) {
    if (c.items.size() > limit)
      return false;
    for (size_t i = 0; i < c.items.size(); ++i) {
      std::string key = std::to_string(i);
      if (forEach) {
        if (!c.items[i].isPrimitive())
          return false;
        key = c.items[i].text;
      }
      out.emplace_back(key, get(collection, std::to_string(i)));
    }
    return true;
  }
  if (c.kind == CV::Map) {
    if (c.fields.size() > limit)
      return false;
    // Literal maps keep their source order in the Value; Terraform iterates keys in lexical order.
    for (const auto &field : c.fields)
      out.emplace_back(field.first, get(collection, field.first));
    return true;
  }
  return false;
}

} // namespace cloudpact::terraform
