#pragma once
// The Terraform frontend's engine: files → modules → module instances → facts.
//
// Every symbol (variable, local, output, resource attribute) of every module instance is
// defined lazily: its expression becomes a Value the first time something needs it, and all
// are emitted at the end. Expressions become Values that the solver evaluates (Ref, Get,
// Apply, Choice); what must be known while extracting (for_each and for-expression keys,
// count, conditions that pick one arm) is evaluated statically over the same Values.
#include "Core/Facts.h"
#include "Core/SourceFile.h"
#include "Terraform/Concrete.h"
#include "Syntax/Document.h"
#include "Terraform/Config.h"
#include "Terraform/Terraform.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <string>
#include <vector>

namespace cloudpact::terraform {

/// One directory of .tf files.
struct ModuleConfig {
  std::string dir; // normalised display directory ("." for the working directory)
  std::map<std::string, const Block *> variables;
  std::map<std::string, const Attribute *> locals;
  std::vector<std::string> localOrder;
  std::map<std::string, const Block *> outputs;
  std::map<std::string, const Block *> resources;   // "type.name"
  std::map<std::string, const Block *> dataSources; // "type.name"
  std::map<std::string, const Block *> moduleCalls;
  std::vector<const Block *> providers;
  std::vector<const ParsedFile *> files; // the files it was read from
  std::vector<std::string> order; // resources and data sources, in source order ("data.type.name" for data)
};

struct Instance;

struct ProviderConfig {
  const Block *block = nullptr;
  Instance *owner = nullptr;
};

/// A module as instantiated at one place of the module tree.
struct Instance {
  const ModuleConfig *config = nullptr;
  std::string path;   // "" for a root, "module.a", "module.a.module.b"
  std::string prefix; // symbol prefix: "tf:" [root qualifier] path "."
  std::string rootDir;
  Instance *parent = nullptr;
  Instance *root = nullptr;
  std::string callName;
  const Block *call = nullptr;
  std::map<std::string, Instance *> children;
  std::map<std::string, std::string> unresolved; // call name → why its outputs are unknown
  std::map<std::string, ProviderConfig> providers; // "aws", "aws.west"
};

/// Names bound while converting an expression (each, count, for-expression and dynamic
/// iterators, templatefile variables).
struct Scope {
  Instance *instance = nullptr;
  std::map<std::string, ValuePtr> names;
  bool templateOnly = false; // templatefile: only the given variables are in scope
};

class Analyzer {
public:
  Analyzer(const Options &options, Facts &out);
  ~Analyzer();

  void addFile(const SourceFile &file);
  void run();

  // ---- used by the evaluator and the sink extraction
  ValuePtr convert(const Expr &expr, const Scope &scope);
  CV constant(const ValuePtr &value);
  /// base[key] with literal maps and lists looked into directly.
  ValuePtr get(const ValuePtr &base, const std::string &key, SourceRange range = {});
  const std::vector<Assign> &assignsOf(const std::string &symbol);
  void diagnose(Level level, std::string rule, SourceRange range, std::string message);
  std::string symbol(const Instance &instance, const std::string &name) const { return instance.prefix + name; }
  /// "module.a.aws_x.y" (the instance path joined with an address).
  static std::string address(const Instance &instance, const std::string &name);

  Scope resourceScope(Instance &instance, const Block &block);
  /// Statically known instances of a for_each/count collection: (key, each.value) pairs,
  /// or false when not known or too many.
  bool staticElements(const ValuePtr &collection, bool forEach, std::vector<std::pair<std::string, ValuePtr>> &out,
                      size_t limit);
  ValuePtr providerRegion(Instance &instance, const Block &resource);
  /// The provider configuration a resource uses (its `provider` argument, else its type's
  /// default provider), or null; `key` receives its name ("aws", "kubernetes.eks").
  const ProviderConfig *providerOf(Instance &instance, const Block &resource, std::string &key);
  const ParsedFile *synthesize(const std::string &key, std::function<std::unique_ptr<ParsedFile>()> make);
  /// The text of a file an expression reads (file(), templatefile()), confined to the scan's
  /// roots. A refusal other than "does not exist" is also a warning at `reference`, if given.
  std::string readFileText(const std::string &path, bool &ok, std::string &problem, const SourceRange *reference = nullptr);
  /// A variable's value given outside any file (-var, TF_VAR_): a string for a variable of type
  /// string (or none), else read as an HCL expression, as Terraform does. `where` names the origin.
  ValuePtr commandLineValue(const std::string &text, bool asString, const SourceRange &where);
  /// readFileText without noting the read as an input of the root being evaluated.
  std::string readFileUnrecorded(const std::string &path, bool &ok, std::string &problem,
                                 ReadRefusal *refusal = nullptr);
  /// Spends one step of the evaluation budget of the root module being evaluated (a bound on
  /// the work and the size of what one root's expressions build); false once it is spent.
  /// The budget grows with the source each instance evaluates: large configurations are
  /// evaluated whole, a small one that multiplies its work (nested for expressions) is cut off
  /// early. A budget for the whole scan bounds many small roots together.
  bool spendStep() { return stepsLeft_ > 0 && --stepsLeft_ > 0; }
  /// Says once per root where its budget ran out: what is evaluated afterwards is unknown.
  /// (Measured: a step keeps about 300 bytes alive, so the base budgets stay in the hundreds of
  /// megabytes for a hostile input; ordinary roots use a few thousand steps.)
  void budgetExhausted(const SourceRange &where);
  /// An error once per line: an expression nests deeper than the evaluator descends.
  void nestedTooDeeply(const SourceRange &where, int limit);
  static constexpr size_t kBaseStepsPerRoot = 250'000;
  static constexpr size_t kBaseStepsPerScan = 2'000'000;
  static constexpr size_t kStepsPerSourceByte = 1;
  const std::vector<std::unique_ptr<Instance>> &instances() const { return instances_; }
  const Options &options() const { return options_; }
  Facts &facts() { return *out_; }

private:
  friend class Evaluator;
  struct SymbolDef {
    std::function<void()> define;
    bool defining = false;
    bool defined = false;
    std::vector<Assign> assigns;
  };

  // files
  ParsedFile &newFile(std::string path, std::string text);
  ModuleConfig *configFor(const std::string &dir, std::string &problem);
  /// Reads a module directory no scanned file is in; null (with `problem` unless there is no
  /// directory) when it is outside the roots or holds no .tf files.
  ModuleConfig *loadFromDisk(const std::string &dir, std::string &problem);
  /// Parses `file` (native or JSON syntax), through the parse cache when there is one.
  void parse(ParsedFile &file, bool json);
  void addConfigFile(ParsedFile &file, bool json);
  void addBlocks(ModuleConfig &config, std::vector<Block> blocks);

  // modules
  void buildRoots();
  Instance *instantiate(const ModuleConfig &config, Instance *parent, const std::string &callName, const Block *call,
                        const std::string &rootDir, const std::string &qualifier);
  std::string resolveModuleSource(const Instance &parent, const std::string &callName, const Block &call,
                                  std::string &problem);
  void defineInstance(Instance &instance);
  void defineVariables(Instance &instance);
  void defineLocals(Instance &instance);
  void defineResource(Instance &instance, const std::string &key, const Block &block, bool data);

  // root modules
  void evaluateRoot(size_t begin, size_t end);
  static size_t instanceBytes(const Instance &instance); // the source an instance evaluates
  std::string rootSignature(size_t begin, size_t end) const;
  bool stillCurrent(const RootCache::Entry &entry);
  size_t contentHash(const std::string &path);

  // symbols
  void declare(const std::string &symbol, std::function<void()> define);
  void addAssign(Assign assign);

private:
  const Options &options_;
  Facts &result_;
  Facts *out_; // where facts go: result_, or the slice of the root being evaluated
  /// What the root being evaluated reads beyond its modules' files (null outside a root).
  struct RootInputs {
    std::vector<const ParsedFile *> varFiles;
    std::vector<std::tuple<std::string, bool, size_t>> reads; // file(): path, readable, content hash
  };
  RootInputs *rootInputs_ = nullptr;
  std::map<std::string, size_t> contentHashes_; // by normalised path, computed when asked
  std::deque<ParsedFile> files_;
  std::deque<FileContents> contents_;
  std::map<std::string, std::unique_ptr<ParsedFile>> synthetic_;
  std::map<std::string, ModuleConfig> configs_; // by dir
  std::map<std::string, std::string> diskTried_; // module directories read from disk → why refused ("" if not)
  struct VarFile {
    const ParsedFile *file = nullptr;
    std::vector<Attribute> attributes;
    std::string dir;
    std::string name;
  };
  std::vector<VarFile> varFiles_;
  std::map<std::string, std::string> nearestRoot_; // directory → nearest enclosing root module
  std::vector<std::unique_ptr<Instance>> instances_;
  size_t rootFirstInstance_ = 0; // where the root being instantiated begins in instances_
  size_t stepBudget_ = kBaseStepsPerRoot; // of the root being evaluated
  size_t scanStepsLeft_ = kBaseStepsPerScan;
  size_t scanStepBudget_ = kBaseStepsPerScan;
  bool scanBudgetLimits_ = false; // the root's budget is what the scan has left
  size_t stepsLeft_ = kBaseStepsPerRoot;
  bool budgetSaid_ = false;
  std::set<std::pair<std::string, uint32_t>> tooDeepSaid_; // (file, line)
  bool rootInstanceLimitSaid_ = false;
  std::map<std::string, SymbolDef> symbols_;
  std::vector<std::string> symbolOrder_;
  std::map<const Value *, std::pair<ValuePtr, CV>> constants_; // keeps each Value alive
  std::set<std::string> constantsInProgress_;
  std::set<std::string> scannedDirs_;
  std::string scanRoot_;
  ReadRoots readRoots_;
  std::map<std::pair<const Instance *, const Block *>, ValuePtr> regions_;
  std::map<const Value *, std::string> fileOrigins_; // file() results → the file they read
};

struct RootCache::Entry {
  std::string signature; // place among the roots, instance tree, variable files of the scan
  std::vector<std::pair<std::string, size_t>> files;        // module and variable files: path, content hash
  std::vector<std::tuple<std::string, bool, size_t>> reads; // file()/templatefile(): path, readable, hash
  Facts facts;
  bool seen = false; // part of the current run
};

/// Normalises a relative or absolute path lexically ("a/./b/../c" → "a/c"; "" → ".").
std::string normalizePath(const std::string &path);
std::string dirName(const std::string &path);
std::string baseName(const std::string &path);
std::string joinPath(const std::string &dir, const std::string &name);
std::vector<std::string> splitPath(const std::string &path);
bool endsWith(const std::string &s, const std::string &suffix);
/// Whether a directory lies in a `.terraform` directory (downloaded modules, not roots).
bool underTerraformDir(const std::string &dir);
/// Raw text of a traversal used as a reference (provider = aws.west, providers = { aws = aws.west }).
std::string traversalText(const Expr &expr);

/// Emits ModelAccess sinks and the Assigns of Terraform-managed Kubernetes objects and
/// SageMaker endpoints for one module instance.
void extractSinks(Analyzer &analyzer, Instance &instance);

/// A helm_release's chart values as one Map: the `values` documents merged in order (Helm's
/// deep merge), then each `set` path applied.
ValuePtr helmValues(Analyzer &analyzer, Instance &instance, const std::string &addr, const Block &block);
/// A kubernetes_manifest's object lowered to the document model; false when there is none to
/// analyse here (no manifest, or a manifest file the Kubernetes frontend reads itself).
bool lowerKubernetesManifest(Analyzer &analyzer, Instance &instance, const Block &block, syntax::Node &out);
/// Analyses lowered objects together with the Kubernetes frontend (workload env, LiteLLM configs,
/// gateways, InferenceServices): names among them and the `known` objects resolve (envFrom of a
/// ConfigMap); the known ones are not analysed.
void analyzeKubernetesManifests(const std::vector<syntax::Node> &objects, const std::vector<syntax::Node> &known,
                                Facts &out);
/// A ConfigMap or Secret Terraform manages, as an object to look names up in: its keys only.
syntax::Node configObjectNode(const std::string &kind, const std::string &ns, const std::string &name,
                              const std::vector<std::string> &keys, const SourceRange &where);
/// Model sinks and env:NAME Assigns of a helm_release's chart (HelmTable.def).
void extractHelmRelease(Analyzer &analyzer, Instance &instance, const std::string &addr, const Block &block);

} // namespace cloudpact::terraform
