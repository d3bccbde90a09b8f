#include "Terraform/Analyzer.h"

// The module tree: module directories read from disk (inside the scan's roots only), module
// sources resolved (local paths, modules.json for remote ones), root modules found and their
// instance trees built, with cycles reported by call path and limits on depth and size.

#include <algorithm>
#include <filesystem>
#include <utility>

namespace cloudpact::terraform {

namespace {
// Generous for real configurations (a handful of levels), small enough that a hostile tree of
// calls cannot exhaust the machine: every level can multiply the instances.
constexpr size_t kMaxModuleDepth = 64;
constexpr size_t kMaxInstancesPerRoot = 10000;

size_t callDepth(const Instance &instance) {
  size_t depth = 0;
  for (const Instance *i = &instance; i->parent; i = i->parent)
    ++depth;
  return depth;
}

/// "module.a -> module.b -> module.a" when calling `dir` from `caller` comes back to a module
/// already on the call path (a root shows as its directory); "" otherwise.
std::string callCycle(const Instance &caller, const std::string &name, const std::string &dir) {
  std::vector<const Instance *> path;
  for (const Instance *i = &caller; i; i = i->parent) {
    path.push_back(i);
    if (i->config->dir != dir)
      continue;
    std::string text;
    for (auto it = path.rbegin(); it != path.rend(); ++it)
      text += ((*it)->parent ? "module." + (*it)->callName : (*it)->config->dir) + " -> ";
    return text + "module." + name;
  }
  return {};
}
} // namespace

ModuleConfig *Analyzer::configFor(const std::string &dir, std::string &problem) {
  if (auto it = configs_.find(dir); it != configs_.end())
    return &it->second;
  return loadFromDisk(dir, problem);
}

ModuleConfig *Analyzer::loadFromDisk(const std::string &dir, std::string &problem) {
  if (auto tried = diskTried_.find(dir); tried != diskTried_.end()) {
    problem = tried->second;
    return nullptr;
  }
  std::string &why = diskTried_[dir];
  if (ReadOutcome admitted = readRoots_.check(dir, true); !admitted.ok()) {
    if (admitted.refusal != ReadRefusal::Missing)
      why = dir + " " + admitted.reason;
    problem = why;
    return nullptr;
  }
  std::error_code ec;
  std::vector<std::string> names;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if ((endsWith(name, ".tf") || endsWith(name, ".tf.json")) && !it->is_directory(ec))
      names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string &name : names) {
    std::string path = joinPath(dir, name);
    std::string content;
    if (ReadOutcome read = readRoots_.read(path, content); !read.ok()) {
      diagnose(Level::Error, "input-not-analysed", SourceRange{SourceLoc{path, 0, 0, 0}, {}},
               "not analysed: the file " + read.reason);
      continue;
    }
    ParsedFile &file = newFile(path, std::move(content));
    addConfigFile(file, endsWith(name, ".json"));
  }
  auto it = configs_.find(dir);
  return it == configs_.end() ? nullptr : &it->second;
}


std::string Analyzer::resolveModuleSource(const Instance &parent, const std::string &callName, const Block &call,
                                          std::string &problem) {
  const Attribute *sourceAttr = call.attr("source");
  if (!sourceAttr) {
    problem = "module." + callName + " has no source";
    diagnose(Level::Error, "parse-error", call.typeRange, "module \"" + callName + "\" has no source");
    return {};
  }
  CV source = constant(convert(sourceAttr->expr, Scope{}));
  if (!source.isPrimitive()) {
    problem = "the source of module." + callName + " is not a literal string";
    diagnose(Level::Error, "parse-error", sourceAttr->expr.range(), "the module source must be a literal string");
    return {};
  }
  const std::string &src = source.text;
  if (src.rfind("./", 0) == 0 || src.rfind("../", 0) == 0 || src == "." || src == "..")
    return joinPath(parent.config->dir, src);

  // Remote: the module manifest `terraform init` wrote in the root module.
  std::string key;
  for (const Instance *i = &parent; i && i->parent; i = i->parent)
    key = i->callName + (key.empty() ? "" : "." + key);
  key += (key.empty() ? "" : ".") + callName;
  std::string manifestPath = joinPath(parent.root->config->dir, ".terraform/modules/modules.json");
  bool ok = false;
  std::string text;
  for (const ParsedFile &file : files_)
    if (normalizePath(file.path) == manifestPath) {
      text = file.text;
      ok = true;
    }
  if (!ok)
    ok = readRoots_.read(manifestPath, text).ok();
  if (ok) {
    syntax::ParseResult parsed = syntax::parseJson(text, manifestPath);
    const syntax::Node *modules = parsed.documents.empty() ? nullptr : parsed.documents[0].root.get("Modules");
    if (modules && modules->isSequence()) {
      for (const syntax::Node &entry : modules->items) {
        const syntax::Node *k = entry.get("Key");
        const syntax::Node *d = entry.get("Dir");
        if (k && d && k->value == key)
          return joinPath(parent.root->config->dir, d->value);
      }
    }
  }
  problem = "module." + callName + " comes from \"" + src + "\", which is not available locally";
  diagnose(Level::Note, "", sourceAttr->expr.range(),
           "module \"" + callName + "\" uses the remote source \"" + src +
               "\"; its outputs are unknown (run 'terraform init' so .terraform/modules/modules.json lists it)");
  return {};
}

Instance *Analyzer::instantiate(const ModuleConfig &config, Instance *parent, const std::string &callName,
                                const Block *call, const std::string &rootDir, const std::string &qualifier) {
  auto owned = std::make_unique<Instance>();
  Instance *inst = owned.get();
  instances_.push_back(std::move(owned));
  inst->config = &config;
  inst->parent = parent;
  inst->root = parent ? parent->root : inst;
  inst->callName = callName;
  inst->call = call;
  inst->rootDir = rootDir;
  if (parent)
    inst->path = (parent->path.empty() ? "" : parent->path + ".") + "module." + callName;
  inst->prefix = "tf:" + qualifier + (inst->path.empty() ? "" : inst->path + ".");

  // Providers: the parent's default configurations pass down implicitly; `providers = {...}`
  // maps others in; the module's own provider blocks (legacy) come last.
  if (parent) {
    for (const auto &[key, pc] : parent->providers)
      if (key.find('.') == std::string::npos)
        inst->providers[key] = pc;
    if (const Attribute *providers = call ? call->attr("providers") : nullptr) {
      if (providers->expr.json && providers->expr.json->isMapping()) {
        for (const auto &[k, v] : providers->expr.json->entries)
          if (auto it = parent->providers.find(v.value); it != parent->providers.end())
            inst->providers[k.value] = it->second;
      } else if (!providers->expr.json) {
        TSNode object = providers->expr.node;
        for (int hop = 0; hop < 2 && !ts_node_is_null(object); ++hop)
          object = ts_node_named_child(object, 0); // expression → collection_value → object
        if (!ts_node_is_null(object) && std::string(ts_node_type(object)) == "object") {
          uint32_t count = ts_node_named_child_count(object);
          for (uint32_t i = 0; i < count; ++i) {
            TSNode elem = ts_node_named_child(object, i);
            if (std::string(ts_node_type(elem)) != "object_elem")
              continue;
            std::string k = traversalText(Expr{providers->expr.file, ts_node_child_by_field_name(elem, "key", 3), nullptr, false});
            std::string v = traversalText(Expr{providers->expr.file, ts_node_child_by_field_name(elem, "val", 3), nullptr, false});
            if (auto it = parent->providers.find(v); it != parent->providers.end())
              inst->providers[k] = it->second;
          }
        }
      }
    }
  }
  for (const Block *provider : config.providers) {
    std::string key = provider->labels[0];
    if (const Attribute *alias = provider->attr("alias")) {
      CV a = constant(convert(alias->expr, Scope{}));
      if (a.isPrimitive())
        key += "." + a.text;
    }
    inst->providers[key] = ProviderConfig{provider, inst};
  }

  for (const auto &[name, block] : config.moduleCalls) {
    std::string problem;
    std::string dir = resolveModuleSource(*inst, name, *block, problem);
    if (dir.empty()) {
      inst->unresolved[name] = problem;
      continue;
    }
    if (std::string cycle = callCycle(*inst, name, dir); !cycle.empty()) {
      inst->unresolved[name] = "module." + name + " is part of a cycle of module calls";
      diagnose(Level::Error, "parse-error", block->typeRange,
               "module \"" + name + "\" calls a module already on its call path: " + cycle);
      continue;
    }
    if (size_t depth = callDepth(*inst) + 1; depth > kMaxModuleDepth) {
      inst->unresolved[name] = "module." + name + " is nested too deeply";
      diagnose(Level::Error, "input-not-analysed", block->typeRange,
               "module \"" + name + "\" is not analysed: module calls nest deeper than " + std::to_string(kMaxModuleDepth));
      continue;
    }
    if (instances_.size() - rootFirstInstance_ >= kMaxInstancesPerRoot) {
      inst->unresolved[name] = "module." + name + " is beyond the instance limit";
      if (std::exchange(rootInstanceLimitSaid_, true))
        continue; // said once per root, at the first call left out
      diagnose(Level::Error, "input-not-analysed", block->typeRange,
               "module \"" + name + "\" is not analysed: the module tree of " + rootDir + " has more than " +
                   std::to_string(kMaxInstancesPerRoot) + " instances");
      continue;
    }
    std::string refused;
    ModuleConfig *child = configFor(dir, refused);
    if (!child) {
      const Attribute *source = block->attr("source");
      SourceRange where = source ? source->expr.range() : block->typeRange;
      if (!refused.empty()) {
        inst->unresolved[name] = "module." + name + " is not read: " + refused;
        diagnose(Level::Note, "", where, "module \"" + name + "\" is not read: " + refused + "; its outputs are unknown");
        continue;
      }
      inst->unresolved[name] = "module." + name + " (" + dir + ") has no .tf files";
      diagnose(Level::Note, "", where, "module \"" + name + "\": no Terraform files in " + dir + "; its outputs are unknown");
      continue;
    }
    inst->children[name] = instantiate(*child, inst, name, block, rootDir, qualifier);
  }
  return inst;
}

void Analyzer::buildRoots() {
  // A root module is a directory of .tf files that no scanned module calls.
  std::set<std::string> called;
  std::map<std::string, std::vector<std::string>> edges; // directory → directories it calls
  for (const auto &[dir, config] : configs_) {
    if (underTerraformDir(dir))
      continue;
    for (const auto &[name, block] : config.moduleCalls) {
      const Attribute *source = block->attr("source");
      if (!source)
        continue;
      CV s = constant(convert(source->expr, Scope{}));
      if (s.isPrimitive() && (s.text.rfind("./", 0) == 0 || s.text.rfind("../", 0) == 0)) {
        std::string target = joinPath(dir, s.text);
        if (target != dir) {
          called.insert(target);
          edges[dir].push_back(target);
        }
      }
    }
  }
  std::vector<std::string> roots;
  for (const std::string &dir : scannedDirs_)
    if (!called.count(dir) && configs_.count(dir))
      roots.push_back(dir);
  // Modules that only call each other (a cycle no root reaches) would otherwise be lost with
  // whatever they hold: the first of them in path order becomes a root, and instantiating it
  // reports the cycle.
  std::set<std::string> reached;
  std::function<void(const std::string &)> reach = [&](const std::string &dir) {
    if (!reached.insert(dir).second)
      return;
    for (const std::string &target : edges[dir])
      reach(target);
  };
  for (const std::string &root : roots)
    reach(root);
  for (const std::string &dir : scannedDirs_) {
    if (reached.count(dir) || !configs_.count(dir))
      continue;
    roots.push_back(dir);
    reach(dir);
  }
  std::sort(roots.begin(), roots.end());

  // Several roots: symbols carry the root's directory relative to the roots' common ancestor.
  std::vector<std::string> common = roots.empty() ? std::vector<std::string>{} : splitPath(roots[0]);
  for (const std::string &root : roots) {
    std::vector<std::string> parts = splitPath(root);
    size_t n = 0;
    while (n < common.size() && n < parts.size() && common[n] == parts[n])
      ++n;
    common.resize(n);
  }
  for (const std::string &root : roots) {
    std::string qualifier;
    if (roots.size() > 1) {
      std::vector<std::string> parts = splitPath(root);
      for (size_t i = common.size(); i < parts.size(); ++i)
        qualifier += (qualifier.empty() ? "" : "/") + parts[i];
      if (!qualifier.empty())
        qualifier += ":";
    }
    rootFirstInstance_ = instances_.size();
    rootInstanceLimitSaid_ = false;
    instantiate(configs_.at(root), nullptr, "", nullptr, root, qualifier);
  }
}

} // namespace cloudpact::terraform
