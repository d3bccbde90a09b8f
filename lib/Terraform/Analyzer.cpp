#include "Terraform/Analyzer.h"

#include "Terraform/Query.h"
#include "Syntax/ParseCache.h"

#include <algorithm>
#include <filesystem>
#include <utility>

namespace cloudpact::terraform {

namespace {
const char *const kNull = "null";

bool isMetaArgument(const std::string &name) {
  return name == "count" || name == "for_each" || name == "provider" || name == "depends_on";
}
bool isMetaBlock(const std::string &name) {
  return name == "lifecycle" || name == "provisioner" || name == "connection" || name == "dynamic" ||
         name == "precondition" || name == "postcondition";
}

// Whether `dir` is `ancestor` or inside it (lexically).
bool within(const std::string &dir, const std::string &ancestor) {
  if (ancestor == "." )
    return dir.empty() || (dir[0] != '/' && dir.rfind("..", 0) != 0);
  return dir == ancestor || dir.rfind(ancestor + "/", 0) == 0 || (ancestor == "/" && !dir.empty() && dir[0] == '/');
}

std::string relativeTo(const std::string &path, const std::string &dir) {
  if (dir == ".")
    return path;
  if (path.rfind(dir + "/", 0) == 0)
    return path.substr(dir.size() + 1);
  return path;
}

} // namespace

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool underTerraformDir(const std::string &dir) {
  return dir == ".terraform" || dir.rfind(".terraform/", 0) == 0 || dir.find("/.terraform/") != std::string::npos ||
         endsWith(dir, "/.terraform");
}

std::vector<std::string> splitPath(const std::string &path) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : path) {
    if (c == '/') {
      parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  parts.push_back(part);
  return parts;
}

// Raw text of a traversal used as a reference (provider = aws.west, providers = { aws = aws.west }).
std::string traversalText(const Expr &expr) {
  if (!expr.valid())
    return {};
  if (expr.json)
    return expr.json->value;
  std::string out;
  for (char c : expr.file->textOf(expr.node))
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '"')
      out += c;
  return out;
}

// ---------------------------------------------------------------------------------------
// Paths

std::string normalizePath(const std::string &path) {
  if (path.empty())
    return ".";
  bool absolute = path[0] == '/';
  std::vector<std::string> out;
  for (const std::string &part : splitPath(path)) {
    if (part.empty() || part == ".")
      continue;
    if (part == ".." && !out.empty() && out.back() != "..") {
      out.pop_back();
      continue;
    }
    if (part == ".." && absolute)
      continue;
    out.push_back(part);
  }
  std::string joined;
  for (size_t i = 0; i < out.size(); ++i)
    joined += (i ? "/" : "") + out[i];
  if (absolute)
    return "/" + joined;
  return joined.empty() ? "." : joined;
}

std::string dirName(const std::string &path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos)
    return ".";
  if (slash == 0)
    return "/";
  return normalizePath(path.substr(0, slash));
}

std::string baseName(const std::string &path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string joinPath(const std::string &dir, const std::string &name) {
  if (!name.empty() && name[0] == '/')
    return normalizePath(name);
  if (dir == "." || dir.empty())
    return normalizePath(name);
  return normalizePath(dir + "/" + name);
}

std::string Analyzer::address(const Instance &instance, const std::string &name) {
  return instance.path.empty() ? name : instance.path + "." + name;
}

// ---------------------------------------------------------------------------------------
// Files

RootCache::RootCache() = default;
RootCache::~RootCache() = default;

Analyzer::Analyzer(const Options &options, Facts &out) : options_(options), result_(out), out_(&out) {}
Analyzer::~Analyzer() = default;

ParsedFile &Analyzer::newFile(std::string path, std::string text) {
  ParsedFile &file = files_.emplace_back();
  file.path = std::move(path);
  file.text = std::move(text);
  return file;
}

void Analyzer::diagnose(Level level, std::string rule, SourceRange range, std::string message) {
  out_->diagnostics.push_back(makeDiagnostic(level, std::move(rule), std::move(range), std::move(message)));
}

size_t Analyzer::instanceBytes(const Instance &instance) {
  size_t bytes = 0;
  for (const ParsedFile *file : instance.config->files)
    bytes += file->text.size();
  return bytes;
}

void Analyzer::budgetExhausted(const SourceRange &where) {
  if (std::exchange(budgetSaid_, true))
    return;
  // An error, not a note: a bomb early in a root must not hide what comes after it.
  std::string budget = scanBudgetLimits_ ? "the scan's evaluation budget (" + std::to_string(scanStepBudget_) + " steps)"
                                         : "the evaluation budget of this root module (" + std::to_string(stepBudget_) + " steps)";
  diagnose(Level::Error, "input-not-analysed", where,
           "evaluation stopped here: " + budget + " is spent; what is evaluated from here on is unknown");
}

void Analyzer::nestedTooDeeply(const SourceRange &where, int limit) {
  if (!tooDeepSaid_.emplace(where.file(), where.begin.line).second)
    return;
  diagnose(Level::Error, "input-not-analysed", where,
           "not analysed: the expression is nested too deeply (deeper than the evaluator's " + std::to_string(limit) +
               " levels)");
}

void Analyzer::addBlocks(ModuleConfig &config, std::vector<Block> blocks) {
  FileContents &contents = contents_.emplace_back();
  contents.blocks = std::move(blocks);
  for (const Block &block : contents.blocks) {
    const std::string &t = block.type;
    auto label = [&](size_t i) { return i < block.labels.size() ? block.labels[i] : std::string(); };
    auto duplicate = [&](const std::string &what) {
      diagnose(Level::Error, "parse-error", block.typeRange, "duplicate " + what + "; the first declaration is used");
    };
    if (t == "variable" && !label(0).empty()) {
      if (!config.variables.emplace(label(0), &block).second)
        duplicate("variable \"" + label(0) + "\"");
    } else if (t == "output" && !label(0).empty()) {
      if (!config.outputs.emplace(label(0), &block).second)
        duplicate("output \"" + label(0) + "\"");
    } else if (t == "module" && !label(0).empty()) {
      if (!config.moduleCalls.emplace(label(0), &block).second)
        duplicate("module \"" + label(0) + "\"");
    } else if (t == "provider" && !label(0).empty()) {
      config.providers.push_back(&block);
    } else if ((t == "resource" || t == "data") && block.labels.size() >= 2) {
      std::string key = block.labels[0] + "." + block.labels[1];
      auto &table = t == "resource" ? config.resources : config.dataSources;
      if (table.emplace(key, &block).second)
        config.order.push_back(t == "data" ? "data." + key : key);
      else
        duplicate(t + " \"" + block.labels[0] + "\" \"" + block.labels[1] + "\"");
    } else if (t == "locals") {
      for (const Attribute &attr : block.attributes) {
        if (config.locals.emplace(attr.name, &attr).second)
          config.localOrder.push_back(attr.name);
        else
          diagnose(Level::Error, "parse-error", attr.nameRange,
                   "duplicate local value \"" + attr.name + "\"; the first definition is used");
      }
    }
  }
}

void Analyzer::addConfigFile(ParsedFile &file, bool json) {
  std::string dir = dirName(file.path);
  ModuleConfig &config = configs_[dir];
  config.dir = dir;
  parse(file, json);
  config.files.push_back(&file);
  FileContents contents = json ? readJson(file, false, out_->diagnostics) : readHcl(file, out_->diagnostics);
  addBlocks(config, std::move(contents.blocks));
}

void Analyzer::parse(ParsedFile &file, bool json) {
  syntax::ParseCache *cache = options_.parses;
  if (!json) {
    file.tree = cache ? cache->parse(tree_sitter_hcl(), file.path, file.text) : syntax::parse(tree_sitter_hcl(), file.text);
    return;
  }
  std::shared_ptr<const syntax::ParseResult> parsed =
      cache ? cache->documents(file.path, file.text, true)
            : std::make_shared<const syntax::ParseResult>(syntax::parseJson(file.text, file.path));
  out_->diagnostics.insert(out_->diagnostics.end(), parsed->diagnostics.begin(), parsed->diagnostics.end());
  if (!parsed->documents.empty())
    file.json = std::shared_ptr<const syntax::Document>(parsed, &parsed->documents[0]);
}

void Analyzer::addFile(const SourceFile &source) {
  std::string path = normalizePath(source.path);
  std::string name = baseName(path);
  bool json = endsWith(name, ".json");
  std::string stem = json ? name.substr(0, name.size() - 5) : name;
  if (name == "modules.json" && endsWith(dirName(path), ".terraform/modules")) {
    newFile(source.path, source.text);
    return; // read when a remote module call needs it
  }
  if (endsWith(stem, ".tf")) {
    ParsedFile &file = newFile(source.path, source.text);
    addConfigFile(file, json);
    if (!underTerraformDir(dirName(path)))
      scannedDirs_.insert(dirName(path));
    return;
  }
  if (!endsWith(stem, ".tfvars"))
    return;
  ParsedFile &file = newFile(source.path, source.text);
  parse(file, json);
  FileContents contents;
  if (json) {
    contents = readJson(file, true, out_->diagnostics);
  } else {
    contents = readHcl(file, out_->diagnostics);
    for (const Block &block : contents.blocks)
      diagnose(Level::Error, "parse-error", block.typeRange, "a variable definitions file holds only attributes, not blocks");
  }
  varFiles_.push_back(VarFile{&file, std::move(contents.attributes), dirName(path), name});
}

const ParsedFile *Analyzer::synthesize(const std::string &key, std::function<std::unique_ptr<ParsedFile>()> make) {
  auto it = synthetic_.find(key);
  if (it == synthetic_.end())
    it = synthetic_.emplace(key, make()).first;
  return it->second.get();
}

ValuePtr Analyzer::commandLineValue(const std::string &text, bool asString, const SourceRange &where) {
  if (asString)
    return makeLiteral(text, where);
  const ParsedFile *file = synthesize("value:" + where.file() + ":" + text, [&]() {
    auto pf = std::make_unique<ParsedFile>();
    pf->path = where.file();
    pf->text = "v = " + text + "\n";
    pf->pinned = where;
    parseHcl(*pf);
    return pf;
  });
  std::vector<Diagnostic> ignored;
  FileContents contents;
  if (file && file->tree && !ts_node_has_error(ts_tree_root_node(file->tree.get())))
    contents = readHcl(*file, ignored);
  if (contents.attributes.empty()) {
    std::string problem = "cannot read the value '" + text + "' as an HCL expression";
    diagnose(Level::Error, "parse-error", where, problem);
    return makeUnknown(problem, where);
  }
  return convert(contents.attributes.front().expr, Scope{});
}

std::string Analyzer::readFileText(const std::string &rawPath, bool &ok, std::string &problem,
                                   const SourceRange *reference) {
  ReadRefusal refusal = ReadRefusal::None;
  std::string text = readFileUnrecorded(rawPath, ok, problem, &refusal);
  if (rootInputs_)
    rootInputs_->reads.emplace_back(normalizePath(rawPath), ok, ok ? std::hash<std::string>{}(text) : 0);
  // A missing file is ordinary (fileexists() guards); a refused one is worth saying where.
  if (reference && refusal != ReadRefusal::None && refusal != ReadRefusal::Missing)
    diagnose(Level::Warning, "input-not-analysed", *reference, "not read: " + problem);
  return text;
}

std::string Analyzer::readFileUnrecorded(const std::string &rawPath, bool &ok, std::string &problem,
                                         ReadRefusal *refusal) {
  ok = false;
  std::string path = normalizePath(rawPath);
  for (const ParsedFile &file : files_) {
    if (normalizePath(file.path) == path) {
      ok = true;
      return file.text;
    }
  }
  if (!within(path, scanRoot_)) {
    problem = "file " + path + " is outside the scanned tree";
    return {};
  }
  std::string text;
  if (ReadOutcome read = readRoots_.read(path, text); !read.ok()) {
    problem = "file " + path + " " + read.reason;
    if (refusal)
      *refusal = read.refusal;
    return {};
  }
  ok = true;
  return text;
}

// ---------------------------------------------------------------------------------------
// Symbols

void Analyzer::declare(const std::string &symbol, std::function<void()> define) {
  auto [it, inserted] = symbols_.try_emplace(symbol);
  if (!inserted)
    return;
  it->second.define = std::move(define);
  symbolOrder_.push_back(symbol);
}

void Analyzer::addAssign(Assign assign) {
  auto [it, inserted] = symbols_.try_emplace(assign.symbol);
  if (inserted) {
    it->second.defined = true;
    symbolOrder_.push_back(assign.symbol);
  }
  it->second.assigns.push_back(std::move(assign));
}

const std::vector<Assign> &Analyzer::assignsOf(const std::string &symbol) {
  static const std::vector<Assign> none;
  auto it = symbols_.find(symbol);
  if (it == symbols_.end())
    return none;
  SymbolDef &def = it->second;
  if (!def.defined && !def.defining && def.define) {
    def.defining = true;
    auto define = std::move(def.define);
    define();
    def.defining = false;
    def.defined = true;
  }
  return def.assigns;
}

// ---------------------------------------------------------------------------------------
// Types: object attributes with optional() defaults

namespace {
struct TypeSpec {
  enum Kind { Any, Primitive, Collection, Object } kind = Any;
  std::shared_ptr<TypeSpec> element; // list/set/map element
  struct Attr {
    std::string name;
    std::shared_ptr<TypeSpec> type;
    bool optional = false;
    Expr defaultValue;
  };
  std::vector<Attr> attributes;
};

TSNode namedChild(TSNode n, const char *wanted) {
  uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_named_child(n, i);
    if (std::string(ts_node_type(c)) == wanted)
      return c;
  }
  return TSNode{};
}

std::vector<TSNode> callArguments(TSNode call) {
  std::vector<TSNode> out;
  TSNode args = namedChild(call, "function_arguments");
  if (ts_node_is_null(args))
    return out;
  uint32_t count = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_named_child(args, i);
    if (std::string(ts_node_type(c)) == "expression")
      out.push_back(c);
  }
  return out;
}

std::shared_ptr<TypeSpec> parseType(const ParsedFile &file, TSNode expr, int depth) {
  auto spec = std::make_shared<TypeSpec>();
  if (ts_node_is_null(expr) || depth > 32)
    return spec;
  TSNode inner = ts_node_named_child(expr, 0);
  if (ts_node_is_null(inner))
    return spec;
  std::string t = ts_node_type(inner);
  if (t == "variable_expr") {
    std::string name(file.textOf(inner));
    spec->kind = name == "any" ? TypeSpec::Any : TypeSpec::Primitive;
    return spec;
  }
  if (t != "function_call")
    return spec;
  TSNode id = namedChild(inner, "identifier");
  std::string fn = ts_node_is_null(id) ? "" : std::string(file.textOf(id));
  std::vector<TSNode> args = callArguments(inner);
  if ((fn == "list" || fn == "set" || fn == "map") && !args.empty()) {
    spec->kind = TypeSpec::Collection;
    spec->element = parseType(file, args[0], depth + 1);
  } else if (fn == "object" && !args.empty()) {
    spec->kind = TypeSpec::Object;
    TSNode collection = ts_node_named_child(args[0], 0);
    TSNode object = ts_node_is_null(collection) ? collection : namedChild(collection, "object");
    if (ts_node_is_null(object))
      return spec;
    uint32_t count = ts_node_named_child_count(object);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode elem = ts_node_named_child(object, i);
      if (std::string(ts_node_type(elem)) != "object_elem")
        continue;
      TSNode key = ts_node_child_by_field_name(elem, "key", 3);
      TSNode val = ts_node_child_by_field_name(elem, "val", 3);
      TypeSpec::Attr attr;
      attr.name = std::string(file.textOf(key));
      if (attr.name.size() >= 2 && attr.name.front() == '"')
        attr.name = attr.name.substr(1, attr.name.size() - 2);
      TSNode valInner = ts_node_named_child(val, 0);
      TSNode valId = ts_node_is_null(valInner) ? valInner : namedChild(valInner, "identifier");
      if (!ts_node_is_null(valInner) && std::string(ts_node_type(valInner)) == "function_call" && !ts_node_is_null(valId) &&
          file.textOf(valId) == "optional") {
        std::vector<TSNode> optArgs = callArguments(valInner);
        attr.optional = true;
        attr.type = parseType(file, optArgs.empty() ? TSNode{} : optArgs[0], depth + 1);
        if (optArgs.size() > 1)
          attr.defaultValue = Expr{&file, optArgs[1], nullptr, false};
      } else {
        attr.type = parseType(file, val, depth + 1);
      }
      spec->attributes.push_back(std::move(attr));
    }
  }
  return spec;
}

ValuePtr applyDefaults(Analyzer &analyzer, const ValuePtr &value, const TypeSpec &type, const Scope &scope,
                       const std::string &variable, int depth) {
  if (!value || depth > 32)
    return value;
  if (type.kind == TypeSpec::Object && value->kind == ValueKind::Map) {
    auto fields = value->fields;
    for (const TypeSpec::Attr &attr : type.attributes) {
      auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first == attr.name; });
      if (it != fields.end()) {
        if (attr.type)
          it->second = applyDefaults(analyzer, it->second, *attr.type, scope, variable, depth + 1);
        continue;
      }
      if (!attr.optional)
        continue;
      ValuePtr fill = makeUnknown(kNull);
      if (attr.defaultValue.valid()) {
        fill = analyzer.convert(attr.defaultValue, scope);
        fill = withPhrase(fill, "optional default of " + attr.name + " in variable " + variable, attr.defaultValue.range());
        if (attr.type)
          fill = applyDefaults(analyzer, fill, *attr.type, scope, variable, depth + 1);
      }
      fields.emplace_back(attr.name, fill);
    }
    auto copy = std::make_shared<Value>(*value);
    copy->fields = std::move(fields);
    return copy;
  }
  if (type.kind == TypeSpec::Collection && type.element &&
      (value->kind == ValueKind::Map || value->kind == ValueKind::List)) {
    auto copy = std::make_shared<Value>(*value);
    for (auto &f : copy->fields)
      f.second = applyDefaults(analyzer, f.second, *type.element, scope, variable, depth + 1);
    for (auto &p : copy->parts)
      p = applyDefaults(analyzer, p, *type.element, scope, variable, depth + 1);
    return copy;
  }
  return value;
}
} // namespace

// ---------------------------------------------------------------------------------------
// Scopes

Scope Analyzer::resourceScope(Instance &instance, const Block &block) {
  Scope scope;
  scope.instance = &instance;
  Scope outer;
  outer.instance = &instance;
  if (const Attribute *count = block.attr("count")) {
    ValuePtr n = convert(count->expr, outer);
    CV c = constant(n);
    double d = 0;
    ValuePtr index;
    if (c.isPrimitive() && parseNumber(c.text, d) && d >= 1 && d <= static_cast<double>(kMaxAlternatives)) {
      std::vector<ValuePtr> indexes;
      for (int i = 0; i < static_cast<int>(d); ++i)
        indexes.push_back(makeLiteral(std::to_string(i)));
      index = indexes.size() == 1 ? indexes[0] : makeChoice(std::move(indexes), count->range);
    } else {
      index = makeUnknown("count.index", count->range);
    }
    scope.names["count"] = makeMap({{"index", index}});
  }
  if (const Attribute *forEach = block.attr("for_each")) {
    ValuePtr coll = convert(forEach->expr, outer);
    SourceRange r = forEach->range;
    scope.names["each"] = makeMap({{"key", makeApply("$each_key", {coll}, r)}, {"value", makeApply("$values", {coll}, r)}});
  }
  return scope;
}

ValuePtr Analyzer::providerRegion(Instance &instance, const Block &resource) {
  auto cacheKey = std::make_pair(static_cast<const Instance *>(&instance), &resource);
  if (auto it = regions_.find(cacheKey); it != regions_.end())
    return it->second;
  std::string key;
  ValuePtr region;
  if (const ProviderConfig *config = providerOf(instance, resource, key)) {
    if (const Attribute *r = config->block->attr("region")) {
      Scope scope;
      scope.instance = config->owner;
      region = convert(r->expr, scope);
      region = withPhrase(region, "region of provider " + key, r->expr.range());
    }
  }
  regions_[cacheKey] = region;
  return region;
}

const ProviderConfig *Analyzer::providerOf(Instance &instance, const Block &resource, std::string &key) {
  key.clear();
  if (const Attribute *provider = resource.attr("provider"))
    key = traversalText(provider->expr);
  else if (!resource.labels.empty())
    key = resource.labels[0].substr(0, resource.labels[0].find('_'));
  auto it = instance.providers.find(key);
  return it != instance.providers.end() && it->second.block ? &it->second : nullptr;
}

// ---------------------------------------------------------------------------------------
// Symbols of an instance

void Analyzer::defineVariables(Instance &inst) {
  const ModuleConfig &config = *inst.config;
  // Variable definition files of a root module: terraform.tfvars(.json), then *.auto.tfvars(.json)
  // in lexical order; later files win. Pinned -var-files come last. Other .tfvars files in the
  // tree are candidate -var-file configurations.
  std::vector<const VarFile *> fixed, candidates;
  if (!inst.parent) {
    // Cached: every root asks about every var file, so an uncached walk is cubic in the roots.
    auto nearestRoot = [&](const std::string &dir) -> const std::string & {
      auto cached = nearestRoot_.find(dir);
      if (cached != nearestRoot_.end())
        return cached->second;
      std::string best;
      for (const auto &other : instances_)
        if (!other->parent && within(dir, other->config->dir) && other->config->dir.size() >= best.size())
          best = other->config->dir;
      return nearestRoot_.emplace(dir, std::move(best)).first->second;
    };
    std::string mine = config.dir;
    auto appliesHere = [&](const VarFile &vf) {
      std::string nearest = nearestRoot(vf.dir);
      return nearest.empty() ? true : nearest == mine;
    };
    std::vector<const VarFile *> autos;
    for (const VarFile &vf : varFiles_) {
      if (vf.dir == mine && (vf.name == "terraform.tfvars" || vf.name == "terraform.tfvars.json"))
        fixed.push_back(&vf);
      else if (vf.dir == mine && (endsWith(vf.name, ".auto.tfvars") || endsWith(vf.name, ".auto.tfvars.json")))
        autos.push_back(&vf);
    }
    std::sort(fixed.begin(), fixed.end(), [](const VarFile *a, const VarFile *b) { return a->name.size() < b->name.size(); });
    std::sort(autos.begin(), autos.end(), [](const VarFile *a, const VarFile *b) { return a->name < b->name; });
    fixed.insert(fixed.end(), autos.begin(), autos.end());
    if (!options_.varFiles.empty()) {
      for (const std::string &pinned : options_.varFiles) {
        std::string path = normalizePath(pinned);
        for (const VarFile &vf : varFiles_)
          if (normalizePath(vf.file->path) == path && appliesHere(vf))
            fixed.push_back(&vf);
      }
    } else {
      for (const VarFile &vf : varFiles_) {
        bool isAuto = vf.name == "terraform.tfvars" || vf.name == "terraform.tfvars.json" || endsWith(vf.name, ".auto.tfvars") ||
                      endsWith(vf.name, ".auto.tfvars.json");
        if (!(isAuto && vf.dir == mine) && !(isAuto && nearestRoot(vf.dir) == vf.dir) && appliesHere(vf))
          candidates.push_back(&vf);
      }
    }
  }
  if (rootInputs_) {
    for (const VarFile *vf : fixed)
      rootInputs_->varFiles.push_back(vf->file);
    for (const VarFile *vf : candidates)
      rootInputs_->varFiles.push_back(vf->file);
  }
  std::set<std::string> pinnedSet;
  for (const std::string &p : options_.varFiles)
    pinnedSet.insert(normalizePath(p));

  for (const auto &[name, block] : config.variables) {
    std::string sym = symbol(inst, "var." + name);
    Instance *ip = &inst;
    const Block *vb = block;
    std::string varName = name;
    declare(sym, [this, ip, vb, varName, sym, fixed, candidates, pinnedSet]() {
      Instance &inst = *ip;
      Scope scope;
      scope.instance = &inst;
      std::shared_ptr<TypeSpec> type;
      if (const Attribute *t = vb->attr("type"); t && !t->expr.json)
        type = parseType(*t->expr.file, t->expr.node, 0);
      auto typed = [&](ValuePtr v) { return type ? applyDefaults(*this, v, *type, scope, varName, 0) : v; };
      std::optional<Assign> winner;
      if (const Attribute *def = vb->attr("default"))
        winner = Assign{sym, typed(convert(def->expr, scope)), def->expr.range(), "default of variable " + varName};
      // Values from outside any file: a string unless the variable's type says otherwise.
      const Attribute *typeAttr = vb->attr("type");
      bool asString = !typeAttr || (!typeAttr->expr.json && typeAttr->expr.file->textOf(typeAttr->expr.node) == "string") ||
                      (typeAttr->expr.json && typeAttr->expr.json->value == "string");
      if (!inst.parent) {
        if (auto it = options_.environment.find(varName); it != options_.environment.end()) {
          SourceRange where{SourceLoc{"<environment>", 1, 1, 0}, {}};
          winner = Assign{sym, typed(commandLineValue(it->second, asString, where)), where,
                          "set by environment variable TF_VAR_" + varName};
        }
      }
      if (inst.parent) {
        if (const Attribute *input = inst.call ? inst.call->attr(varName) : nullptr) {
          Scope callScope = resourceScope(*inst.parent, *inst.call);
          winner = Assign{sym, typed(convert(input->expr, callScope)), input->expr.range(), "input " + varName + " of " + inst.path};
        }
      }
      // -var values apply in command-line order among the pinned -var-files.
      size_t nextVar = 0;
      auto applyVars = [&](size_t pinnedBefore) {
        for (; !inst.parent && nextVar < options_.vars.size() && options_.vars[nextVar].afterVarFiles <= pinnedBefore;
             ++nextVar) {
          const Options::Var &var = options_.vars[nextVar];
          if (var.name != varName)
            continue;
          SourceRange where{SourceLoc{"<command line>", 1, 1, 0}, {}};
          winner = Assign{sym, typed(commandLineValue(var.value, asString, where)), where, "set by -var " + var.name};
        }
      };
      for (const VarFile *vf : fixed) {
        std::string path = normalizePath(vf->file->path);
        auto pinnedAt = std::find_if(options_.varFiles.begin(), options_.varFiles.end(),
                                     [&](const std::string &p) { return normalizePath(p) == path; });
        if (pinnedAt != options_.varFiles.end())
          applyVars(static_cast<size_t>(pinnedAt - options_.varFiles.begin()));
        for (const Attribute &attr : vf->attributes) {
          if (attr.name != varName)
            continue;
          std::string shown = relativeTo(path, inst.config->dir);
          bool pinned = pinnedSet.count(path) != 0;
          winner = Assign{sym, typed(convert(attr.expr, scope)), attr.expr.range(),
                          "set in " + shown + (pinned ? " (-var-file)" : "")};
        }
      }
      applyVars(options_.varFiles.size());
      if (winner)
        addAssign(std::move(*winner));
      else
        addAssign(Assign{sym, makeUnknown("variable " + varName + " is not set", vb->typeRange), vb->typeRange,
                         "variable " + varName + " has no default"});
      for (const VarFile *vf : candidates) {
        for (const Attribute &attr : vf->attributes) {
          if (attr.name != varName)
            continue;
          std::string shown = relativeTo(normalizePath(vf->file->path), inst.config->dir);
          ValuePtr value = typed(convert(attr.expr, scope));
          addAssign(Assign{sym, makeApply("$when", {makeLiteral("-var-file=" + shown), value}), attr.expr.range(),
                           "set in " + shown + " (with -var-file)"});
        }
      }
    });
  }
}

void Analyzer::defineLocals(Instance &inst) {
  const ModuleConfig &config = *inst.config;
  // Cycles among locals: found on the syntax (local.X references), reported once per module.
  std::map<std::string, std::vector<std::string>> edges;
  for (const std::string &name : config.localOrder) {
    const Attribute *attr = config.locals.at(name);
    if (attr->expr.json || !attr->expr.file)
      continue;
    for (const QueryMatch &m : Query::get("local_refs").run(attr->expr.node, attr->expr.file->text)) {
      std::string target(attr->expr.file->textOf(m.get("name")));
      if (config.locals.count(target))
        edges[name].push_back(target);
    }
  }
  std::set<std::string> cyclic;
  std::map<std::string, int> state; // 0 new, 1 on stack, 2 done
  std::vector<std::string> stack;
  std::vector<std::vector<std::string>> cycles;
  std::function<void(const std::string &)> visit = [&](const std::string &n) {
    state[n] = 1;
    stack.push_back(n);
    for (const std::string &m : edges[n]) {
      if (state[m] == 1) {
        auto from = std::find(stack.begin(), stack.end(), m);
        std::vector<std::string> cycle(from, stack.end());
        bool fresh = std::none_of(cycle.begin(), cycle.end(), [&](const std::string &c) { return cyclic.count(c); });
        for (const std::string &c : cycle)
          cyclic.insert(c);
        if (fresh)
          cycles.push_back(cycle);
      } else if (state[m] == 0) {
        visit(m);
      }
    }
    stack.pop_back();
    state[n] = 2;
  };
  for (const std::string &name : config.localOrder)
    if (state[name] == 0)
      visit(name);
  {
    for (const auto &cycle : cycles) {
      std::string text;
      for (const std::string &c : cycle)
        text += "local." + c + " -> ";
      text += "local." + cycle.front();
      const Attribute *first = config.locals.at(cycle.front());
      bool already = std::any_of(out_->diagnostics.begin(), out_->diagnostics.end(), [&](const Diagnostic &d) {
        return d.range == first->nameRange && d.message.find("cycle") != std::string::npos;
      });
      if (!already)
        diagnose(Level::Error, "parse-error", first->nameRange, "local values refer to each other in a cycle: " + text);
    }
  }

  for (const std::string &name : config.localOrder) {
    const Attribute *attr = config.locals.at(name);
    std::string sym = symbol(inst, "local." + name);
    bool inCycle = cyclic.count(name) != 0;
    Instance *ip = &inst;
    declare(sym, [this, ip, attr, sym, name, inCycle]() {
      Scope scope;
      scope.instance = ip;
      ValuePtr value = inCycle ? makeUnknown("local." + name + " is part of a cycle", attr->range) : convert(attr->expr, scope);
      addAssign(Assign{sym, value, attr->expr.range(), "local " + name});
    });
  }
}

void Analyzer::defineResource(Instance &inst, const std::string &key, const Block &block, bool data) {
  std::string addr = (data ? "data." : "") + key;
  std::string shown = address(inst, addr);
  Instance *ip = &inst;
  const Block *bp = &block;
  for (const Attribute &attr : block.attributes) {
    if (isMetaArgument(attr.name))
      continue;
    std::string sym = symbol(inst, addr + "." + attr.name);
    const Attribute *ap = &attr;
    declare(sym, [this, ip, bp, ap, sym, shown]() {
      Scope scope = resourceScope(*ip, *bp);
      addAssign(Assign{sym, convert(ap->expr, scope), ap->expr.range(), ap->name + " of " + shown});
    });
  }
  std::set<std::string> blockTypes;
  for (const Block &child : block.blocks)
    if (!isMetaBlock(child.type))
      blockTypes.insert(child.type);
  for (const std::string &type : blockTypes) {
    std::string sym = symbol(inst, addr + "." + type);
    declare(sym, [this, ip, bp, sym, shown, type]() {
      Scope scope = resourceScope(*ip, *bp);
      std::function<ValuePtr(const Block &, const Scope &, int)> blockValue = [&](const Block &b, const Scope &s,
                                                                                  int depth) -> ValuePtr {
        std::vector<std::pair<std::string, ValuePtr>> fields;
        for (const Attribute &a : b.attributes)
          fields.emplace_back(a.name, convert(a.expr, s));
        std::map<std::string, std::vector<ValuePtr>> nested;
        if (depth < 16)
          for (const Block &c : b.blocks)
            if (!isMetaBlock(c.type))
              nested[c.type].push_back(blockValue(c, s, depth + 1));
        for (auto &[t, items] : nested)
          fields.emplace_back(t, makeList(std::move(items), b.range));
        return makeMap(std::move(fields), b.range);
      };
      std::vector<ValuePtr> items;
      SourceRange first;
      for (const Block *child : bp->children(type)) {
        items.push_back(blockValue(*child, scope, 0));
        if (!first.valid())
          first = child->range;
      }
      addAssign(Assign{sym, makeList(std::move(items), first), first, type + " of " + shown});
    });
  }
}

void Analyzer::defineInstance(Instance &inst) {
  defineVariables(inst);
  defineLocals(inst);
  const ModuleConfig &config = *inst.config;
  for (const auto &[name, block] : config.outputs) {
    const Attribute *value = block->attr("value");
    if (!value)
      continue;
    std::string sym = symbol(inst, "output." + name);
    Instance *ip = &inst;
    std::string phrase = "output " + name + (inst.path.empty() ? "" : " of " + inst.path);
    declare(sym, [this, ip, value, sym, phrase]() {
      Scope scope;
      scope.instance = ip;
      addAssign(Assign{sym, convert(value->expr, scope), value->expr.range(), phrase});
    });
  }
  for (const std::string &key : config.order) {
    bool data = key.rfind("data.", 0) == 0;
    std::string bare = data ? key.substr(5) : key;
    const Block *block = data ? config.dataSources.at(bare) : config.resources.at(bare);
    defineResource(inst, bare, *block, data);
  }
}

void Analyzer::run() {
  // The scanned tree: the common ancestor of every scanned file (file() reads only inside it).
  std::vector<std::string> common;
  bool first = true;
  for (const ParsedFile &file : files_) {
    std::vector<std::string> parts = splitPath(dirName(normalizePath(file.path)));
    if (first) {
      common = parts;
      first = false;
      continue;
    }
    size_t n = 0;
    while (n < common.size() && n < parts.size() && common[n] == parts[n])
      ++n;
    common.resize(n);
  }
  scanRoot_.clear();
  for (size_t i = 0; i < common.size(); ++i)
    scanRoot_ += (i ? "/" : "") + common[i];
  if (scanRoot_.empty())
    scanRoot_ = !common.empty() ? "/" : ".";
  if (scanRoot_ == "." || common.empty() || (common.size() == 1 && common[0] == "."))
    scanRoot_ = ".";
  readRoots_ = ReadRoots(options_.readRoots.empty() ? std::vector<std::string>{scanRoot_} : options_.readRoots);

  // Pinned -var-files that were not among the scanned files are read from disk.
  for (const std::string &pinned : options_.varFiles) {
    std::string path = normalizePath(pinned);
    bool known = std::any_of(varFiles_.begin(), varFiles_.end(),
                             [&](const VarFile &vf) { return normalizePath(vf.file->path) == path; });
    if (known)
      continue;
    std::string text;
    if (!readWholeFile(path, text)) {
      diagnose(Level::Error, "parse-error", SourceRange{SourceLoc{pinned, 0, 0, 0}, {}}, "cannot read the -var-file " + pinned);
      continue;
    }
    addFile(SourceFile{pinned, std::move(text)});
  }

  stepsLeft_ = kBaseStepsPerRoot; // instantiating evaluates module sources, provider aliases
  buildRoots();
  size_t scanBytes = 0;
  for (const auto &instance : instances_)
    scanBytes += instanceBytes(*instance);
  scanStepBudget_ = scanStepsLeft_ = kBaseStepsPerScan + kStepsPerSourceByte * scanBytes;
  // Each root module with its tree of module instances (instantiated depth first, so each
  // root's instances are contiguous) is evaluated on its own: no expression reaches into
  // another root.
  size_t emitted = symbolOrder_.size(); // symbols made while instantiating belong to no root
  for (size_t begin = 0; begin < instances_.size();) {
    size_t end = begin + 1;
    while (end < instances_.size() && instances_[end]->parent)
      ++end;
    evaluateRoot(begin, end);
    begin = end;
  }
  for (size_t i = 0; i < emitted; ++i)
    assignsOf(std::string(symbolOrder_[i]));
  for (size_t i = 0; i < emitted; ++i)
    for (Assign &assign : symbols_[symbolOrder_[i]].assigns)
      result_.assigns.push_back(std::move(assign));
  if (options_.roots)
    std::erase_if(options_.roots->entries_, [](const auto &entry) {
      bool seen = entry.second->seen;
      entry.second->seen = false;
      return !seen;
    });

  // A module used by several roots says the same thing once.
  std::set<std::tuple<Level, std::string, std::string, std::string>> said;
  std::erase_if(result_.diagnostics, [&](const Diagnostic &d) {
    return !said.emplace(d.level, d.rule, formatLoc(d.range.begin) + "-" + formatLoc(d.range.end), d.message).second;
  });
}

size_t Analyzer::contentHash(const std::string &path) {
  if (contentHashes_.empty())
    for (const ParsedFile &file : files_)
      contentHashes_.emplace(normalizePath(file.path), std::hash<std::string>{}(file.text));
  auto it = contentHashes_.find(path);
  return it == contentHashes_.end() ? 0 : it->second;
}

std::string Analyzer::rootSignature(size_t begin, size_t end) const {
  std::string signature = instances_[begin]->prefix + "\n" + scanRoot_ + "\n";
  for (const std::string &pinned : options_.varFiles)
    signature += "pinned " + pinned + "\n";
  for (const Options::Var &var : options_.vars)
    signature += "var " + var.name + "=" + var.value + "@" + std::to_string(var.afterVarFiles) + "\n";
  for (const auto &[name, text] : options_.environment)
    signature += "env " + name + "=" + text + "\n";
  signature += "workspace " + options_.workspace + "\n";
  for (const VarFile &vf : varFiles_)
    signature += "vars " + vf.file->path + "\n";
  for (size_t i = begin; i < end; ++i) {
    const Instance &instance = *instances_[i];
    signature += "instance " + instance.path + " " + instance.config->dir + "\n";
    for (const ParsedFile *file : instance.config->files)
      signature += " " + file->path + "\n";
  }
  return signature;
}

bool Analyzer::stillCurrent(const RootCache::Entry &entry) {
  for (const auto &[path, hash] : entry.files)
    if (contentHash(path) != hash)
      return false;
  for (const auto &[path, readable, hash] : entry.reads) {
    bool ok = false;
    std::string problem;
    std::string text = readFileUnrecorded(path, ok, problem);
    if (ok != readable || (ok && std::hash<std::string>{}(text) != hash))
      return false;
  }
  return true;
}

void Analyzer::evaluateRoot(size_t begin, size_t end) {
  RootCache *cache = options_.roots;
  std::string signature;
  RootCache::Entry *entry = nullptr;
  if (cache) {
    signature = rootSignature(begin, end);
    std::unique_ptr<RootCache::Entry> &slot = cache->entries_[instances_[begin]->config->dir];
    if (!slot)
      slot = std::make_unique<RootCache::Entry>();
    entry = slot.get();
    entry->seen = true;
    if (entry->signature == signature && stillCurrent(*entry)) {
      ++cache->stats_.reused;
      Facts copy = entry->facts;
      result_.append(std::move(copy));
      return;
    }
  }

  Facts slice;
  RootInputs inputs;
  size_t sourceBytes = 0;
  for (size_t i = begin; i < end; ++i)
    sourceBytes += instanceBytes(*instances_[i]);
  size_t rootBudget = kBaseStepsPerRoot + kStepsPerSourceByte * sourceBytes;
  scanBudgetLimits_ = scanStepsLeft_ < rootBudget;
  stepBudget_ = stepsLeft_ = std::min(rootBudget, scanStepsLeft_);
  budgetSaid_ = false;
  out_ = &slice;
  rootInputs_ = &inputs;
  size_t firstSymbol = symbolOrder_.size();
  for (size_t i = begin; i < end; ++i)
    defineInstance(*instances_[i]);
  for (size_t i = begin; i < end; ++i)
    extractSinks(*this, *instances_[i]);
  for (size_t i = firstSymbol; i < symbolOrder_.size(); ++i)
    assignsOf(std::string(symbolOrder_[i]));
  for (size_t i = firstSymbol; i < symbolOrder_.size(); ++i)
    for (Assign &assign : symbols_[symbolOrder_[i]].assigns)
      slice.assigns.push_back(std::move(assign));
  out_ = &result_;
  rootInputs_ = nullptr;
  scanStepsLeft_ -= stepBudget_ - stepsLeft_;

  if (entry) {
    ++cache->stats_.evaluated;
    entry->signature = std::move(signature);
    entry->files.clear();
    std::set<std::string> listed;
    auto list = [&](const ParsedFile *file) {
      std::string path = normalizePath(file->path);
      if (listed.insert(path).second)
        entry->files.emplace_back(path, contentHash(path));
    };
    for (size_t i = begin; i < end; ++i)
      for (const ParsedFile *file : instances_[i]->config->files)
        list(file);
    for (const ParsedFile *file : inputs.varFiles)
      list(file);
    entry->reads = std::move(inputs.reads);
    entry->facts = slice;
  }
  result_.append(std::move(slice));
}

} // namespace cloudpact::terraform
