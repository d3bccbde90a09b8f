// Policy files (.cloudpact.yaml): read over the built-in policy, every problem located.
//
// An entry (a contract, a provider or cloud rule, a workload mapping) with an error is left out
// and the rest of the file still applies; each problem is a policy-error diagnostic at the
// offending key or value. Names no rule can produce (a misspelt cloud or provider) are warnings.
#include "Policy/LoaderKeys.h"
#include "Policy/Policy.h"

#include "Core/InputFile.h"
#include "Core/SourceFile.h"
#include "Syntax/Document.h"

#include <re2/re2.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <sstream>

namespace cloudpact {

namespace {

using syntax::Node;

std::string expectedList(std::span<const std::string_view> keys) {
  std::string out;
  for (size_t i = 0; i < keys.size(); ++i)
    out += (i ? ", " : "") + std::string(keys[i]);
  return out;
}

struct Field {
  const Node *key = nullptr;
  const Node *value = nullptr;
};

class Reader {
public:
  explicit Reader(std::vector<Diagnostic> &diagnostics) : diagnostics_(diagnostics) {}

  void error(const SourceRange &where, std::string message) {
    diagnostics_.push_back(makeDiagnostic(Level::Error, "policy-error", where, std::move(message)));
    ++errors_;
  }
  void warning(const SourceRange &where, std::string message) {
    diagnostics_.push_back(makeDiagnostic(Level::Warning, "policy-error", where, std::move(message)));
  }
  size_t errors() const { return errors_; }

  /// The fields of mapping `node` (a `what`), reporting unknown and repeated keys.
  std::optional<std::map<std::string, Field>> fields(const Node &node, std::string_view what,
                                                     std::span<const std::string_view> allowed) {
    if (!node.isMapping()) {
      error(node.range, std::string(what) + " must be a mapping");
      return std::nullopt;
    }
    std::map<std::string, Field> out;
    for (const auto &[key, value] : node.entries) {
      if (!key.isScalar()) {
        error(key.range, "keys in " + std::string(what) + " must be plain names");
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key.value) == allowed.end()) {
        error(key.range,
              "unknown key '" + key.value + "' in " + std::string(what) + " (expected " + expectedList(allowed) + ")");
        continue;
      }
      auto [it, inserted] = out.emplace(key.value, Field{&key, &value});
      if (!inserted)
        error(key.range, "duplicate key '" + key.value + "' in " + std::string(what) + " (first on line " +
                             std::to_string(it->second.key->range.begin.line) + ")");
    }
    return out;
  }

  static const Field *find(const std::map<std::string, Field> &fields, const std::string &key) {
    auto it = fields.find(key);
    return it == fields.end() || it->second.value->isNull() ? nullptr : &it->second;
  }

  /// A required or optional non-empty string.
  std::optional<std::string> text(const std::map<std::string, Field> &fields, const std::string &key, const Node &owner,
                                  std::string_view what, bool required) {
    const Field *field = find(fields, key);
    if (!field) {
      if (required) {
        auto it = fields.find(key);
        if (it != fields.end())
          error(it->second.value->range, "'" + key + "' needs a value");
        else
          error(owner.range, std::string(what) + " is missing '" + key + "'");
      }
      return std::nullopt;
    }
    if (!field->value->isScalar()) {
      error(field->value->range, "'" + key + "' must be a string");
      return std::nullopt;
    }
    if (field->value->value.empty()) {
      error(field->value->range, "'" + key + "' must not be empty");
      return std::nullopt;
    }
    return field->value->value;
  }

  /// A list of non-empty strings, each with its node.
  std::optional<std::vector<const Node *>> list(const std::map<std::string, Field> &fields, const std::string &key,
                                                const Node &owner, std::string_view what, bool required) {
    const Field *field = find(fields, key);
    if (!field) {
      if (required) {
        auto it = fields.find(key);
        error(it != fields.end() ? it->second.value->range : owner.range,
              it != fields.end() ? "'" + key + "' needs a value" : std::string(what) + " is missing '" + key + "'");
        return std::nullopt;
      }
      return std::vector<const Node *>{};
    }
    if (!field->value->isSequence()) {
      error(field->value->range, "'" + key + "' must be a list of strings");
      return std::nullopt;
    }
    std::vector<const Node *> out;
    bool ok = true;
    for (const Node &item : field->value->items) {
      if (!item.isScalar() || item.value.empty()) {
        error(item.range, "'" + key + "' must be a list of non-empty strings");
        ok = false;
        continue;
      }
      out.push_back(&item);
    }
    if (!ok)
      return std::nullopt;
    return out;
  }

  static std::vector<std::string> values(const std::vector<const Node *> &nodes) {
    std::vector<std::string> out;
    for (const Node *node : nodes)
      out.push_back(node->value);
    return out;
  }

private:
  std::vector<Diagnostic> &diagnostics_;
  size_t errors_ = 0;
};

/// Collects the user's entries; merged over the defaults at the end.
struct UserPolicy {
  std::vector<Contract> contracts;
  std::vector<ProviderRule> providers;
  std::vector<CloudRule> clouds;
  std::vector<WorkloadMapping> workloads;
  std::vector<Destination> destinations;
  // For name checks: where each contract's clouds and provider are written.
  std::vector<std::pair<std::string, SourceRange>> contractClouds;
  std::vector<std::pair<std::string, SourceRange>> contractProviders;
};

/// A name: lower-case letters, digits, '-', '_' and '.'.
bool validName(const std::string &name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

bool checkName(Reader &reader, const Node &node, std::string_view what) {
  if (validName(node.value))
    return true;
  reader.error(node.range,
               std::string(what) + " '" + node.value + "' must be a lower-case name (letters, digits, '-', '_', '.')");
  return false;
}

const Node &valueOf(const std::map<std::string, Field> &fields, const std::string &key) {
  return *fields.at(key).value;
}

void readContract(Reader &reader, const Node &item, UserPolicy &user, std::map<std::string, SourceLoc> &seen) {
  size_t before = reader.errors();
  auto fields = reader.fields(item, "contract", policy_keys::kContract);
  if (!fields)
    return;
  Contract contract;
  contract.where = item.range;
  auto provider = reader.text(*fields, "provider", item, "contract", true);
  if (provider && checkName(reader, valueOf(*fields, "provider"), "provider"))
    contract.provider = *provider;
  auto clouds = reader.list(*fields, "clouds", item, "contract", true);
  if (clouds) {
    if (clouds->empty())
      reader.error(valueOf(*fields, "clouds").range, "'clouds' must name at least one cloud");
    for (const Node *cloud : *clouds)
      checkName(reader, *cloud, "cloud");
    contract.clouds = Reader::values(*clouds);
  }
  if (auto regions = reader.list(*fields, "regions", item, "contract", false))
    contract.regions = Reader::values(*regions);
  if (auto severity = reader.text(*fields, "severity", item, "contract", false)) {
    if (*severity != "error" && *severity != "warning" && *severity != "note")
      reader.error(valueOf(*fields, "severity").range,
                   "unknown severity '" + *severity + "' (expected error, warning or note)");
    else
      parseLevel(*severity, contract.severity);
  }
  for (const char *key : {"include", "exclude"}) {
    auto globs = reader.list(*fields, key, item, "contract", false);
    if (!globs)
      continue;
    for (const Node *glob : *globs)
      if (glob->value.find('/') == std::string::npos && glob->value.front() != '*')
        reader.warning(glob->range,
                       "'" + glob->value + "' has no '/': include and exclude patterns match 'provider/model'");
    (std::string_view(key) == "include" ? contract.include : contract.exclude) = Reader::values(*globs);
  }
  if (reader.errors() != before)
    return; // an entry with an error is left out
  auto [it, inserted] = seen.emplace(contract.provider, valueOf(*fields, "provider").range.begin);
  if (!inserted) {
    reader.error(valueOf(*fields, "provider").range, "duplicate contract for provider '" + contract.provider +
                                                         "' (first on line " + std::to_string(it->second.line) + ")");
    return;
  }
  user.contractProviders.emplace_back(contract.provider, valueOf(*fields, "provider").range);
  for (const Node *cloud : *clouds)
    user.contractClouds.emplace_back(cloud->value, cloud->range);
  user.contracts.push_back(std::move(contract));
}

void readProviderRule(Reader &reader, const Node &item, UserPolicy &user) {
  size_t before = reader.errors();
  auto fields = reader.fields(item, "provider rule", policy_keys::kProvider);
  if (!fields)
    return;
  ProviderRule rule;
  rule.where = item.range;
  auto pattern = reader.text(*fields, "pattern", item, "provider rule", true);
  bool namesProvider = false;
  if (pattern) {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    RE2 re(*pattern, options);
    const Node &node = valueOf(*fields, "pattern");
    if (!re.ok()) {
      // Point at the offending part of the pattern when RE2 names it.
      SourceRange where = node.range;
      size_t at = re.error_arg().empty() ? std::string::npos : pattern->find(re.error_arg());
      if (at != std::string::npos)
        where = SourceRange{node.locate(at), node.locate(at + re.error_arg().size())};
      reader.error(where, "invalid regular expression: " + re.error());
    } else {
      rule.pattern = *pattern;
      namesProvider = re.NamedCapturingGroups().count("provider") > 0 || re.NamedCapturingGroups().count("inner") > 0;
    }
  }
  if (auto provider = reader.text(*fields, "provider", item, "provider rule", false)) {
    if (checkName(reader, valueOf(*fields, "provider"), "provider"))
      rule.provider = *provider;
  } else if (pattern && !namesProvider && !fields->count("provider")) {
    reader.error(item.range, "provider rule is missing 'provider' (or a (?P<provider>...) group in its pattern)");
  }
  if (auto description = reader.text(*fields, "description", item, "provider rule", false))
    rule.description = *description;
  if (reader.errors() == before)
    user.providers.push_back(std::move(rule));
}

/// Host globs: labels of letters, digits, '-', with '*' and the one placeholder {region}.
void checkHost(Reader &reader, const Node &node) {
  const std::string &host = node.value;
  if (host.find("://") != std::string::npos) {
    reader.error(node.range, "host '" + host + "' must be a host name, not a URL");
    return;
  }
  for (size_t i = 0; i < host.size(); ++i) {
    char c = host[i];
    if (c == '{') {
      if (host.compare(i, 8, "{region}") == 0 || host.compare(i, 7, "{label}") == 0 ||
          host.compare(i, 7, "{octet}") == 0) {
        i = host.find('}', i);
        continue;
      }
      size_t close = host.find('}', i);
      size_t len = close == std::string::npos ? 1 : close - i + 1;
      reader.error(SourceRange{node.locate(i), node.locate(i + len)},
                   "unknown placeholder '" + host.substr(i, len) + "' in host (only {region}, {label} and {octet})");
      return;
    }
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '*' ||
        c == '[' || c == ']';
    if (!ok) {
      std::string hint = c == '/' ? " (put a path prefix in 'path')" : c == ':' ? " (ports are not matched)" : "";
      reader.error(SourceRange{node.locate(i), node.locate(i + 1)},
                   "unexpected '" + std::string(1, c) + "' in host '" + host + "'" + hint);
      return;
    }
  }
}

void readCloudRule(Reader &reader, const Node &item, UserPolicy &user) {
  size_t before = reader.errors();
  auto fields = reader.fields(item, "cloud rule", policy_keys::kCloud);
  if (!fields)
    return;
  CloudRule rule;
  rule.where = item.range;
  if (auto host = reader.text(*fields, "host", item, "cloud rule", true)) {
    checkHost(reader, valueOf(*fields, "host"));
    rule.host = *host;
  }
  if (auto cloud = reader.text(*fields, "cloud", item, "cloud rule", true)) {
    checkName(reader, valueOf(*fields, "cloud"), "cloud");
    rule.cloud = *cloud;
  }
  if (auto service = reader.text(*fields, "service", item, "cloud rule", false))
    rule.service = *service;
  if (auto path = reader.text(*fields, "path", item, "cloud rule", false)) {
    if (path->front() != '/')
      reader.error(valueOf(*fields, "path").range, "path '" + *path + "' must start with '/'");
    rule.path = *path;
  }
  if (auto implied = reader.text(*fields, "implies-provider", item, "cloud rule", false)) {
    checkName(reader, valueOf(*fields, "implies-provider"), "provider");
    rule.impliesProvider = *implied;
  }
  if (reader.errors() == before)
    user.clouds.push_back(std::move(rule));
}

void readDestination(Reader &reader, const Node &item, UserPolicy &user) {
  size_t before = reader.errors();
  auto fields = reader.fields(item, "destination", policy_keys::kDestination);
  if (!fields)
    return;
  Destination destination;
  destination.where = item.range;
  if (auto name = reader.text(*fields, "name", item, "destination", true)) {
    checkName(reader, valueOf(*fields, "name"), "destination");
    destination.name = *name;
  }
  if (auto kind = reader.text(*fields, "kind", item, "destination", true)) {
    auto known = std::find(policy_keys::kDestinationKinds.begin(), policy_keys::kDestinationKinds.end(), *kind);
    if (known == policy_keys::kDestinationKinds.end())
      reader.error(valueOf(*fields, "kind").range,
                   "unknown destination kind '" + *kind + "' (expected " + expectedList(policy_keys::kDestinationKinds) + ")");
    else
      destination.kind = static_cast<DestinationKind>(known - policy_keys::kDestinationKinds.begin());
  }
  if (auto description = reader.text(*fields, "description", item, "destination", false))
    destination.description = *description;
  if (reader.errors() == before)
    user.destinations.push_back(std::move(destination));
}

void readWorkload(Reader &reader, const Node &item, UserPolicy &user) {
  size_t before = reader.errors();
  auto fields = reader.fields(item, "workload mapping", policy_keys::kWorkload);
  if (!fields)
    return;
  WorkloadMapping mapping;
  mapping.where = item.range;
  if (auto workload = reader.text(*fields, "workload", item, "workload mapping", true))
    mapping.workload = *workload;
  if (auto sources = reader.list(*fields, "sources", item, "workload mapping", false))
    mapping.sources = Reader::values(*sources);
  if (auto cloud = reader.text(*fields, "cloud", item, "workload mapping", false)) {
    checkName(reader, valueOf(*fields, "cloud"), "cloud");
    mapping.cloud = *cloud;
  }
  if (reader.errors() == before && mapping.sources.empty() && mapping.cloud.empty())
    reader.error(item.range, "workload mapping needs 'sources' or 'cloud'");
  if (reader.errors() == before)
    user.workloads.push_back(std::move(mapping));
}

/// One row of `extensions: cxx: <table>:`: every cell a string, required cells given, kinds,
/// clouds and `subtypes` from their vocabularies.
void readExtensionRow(Reader &reader, const std::string &table, const Node &item, const std::set<std::string> &clouds,
                      std::vector<ExtensionRow> &out) {
  std::span<const std::string_view> columns;
  std::span<const std::string_view> kinds;
  std::vector<std::string_view> required;
  if (table == "sinks") {
    columns = policy_keys::kCxxSink, kinds = policy_keys::kCxxSinkKinds, required = {"method", "input", "kind"};
  } else if (table == "apis") {
    columns = policy_keys::kCxxApi, required = {"label"};
  } else if (table == "summaries") {
    columns = policy_keys::kCxxSummary, kinds = policy_keys::kCxxSummaryKinds, required = {"method", "kind"};
  } else {
    columns = policy_keys::kCxxSource, kinds = policy_keys::kCxxSourceKinds, required = {"method", "input", "kind"};
  }
  std::string what = "C++ " + table.substr(0, table.size() - 1) + " row";
  size_t before = reader.errors();
  auto fields = reader.fields(item, what, columns);
  if (!fields)
    return;
  ExtensionRow row;
  row.table = table;
  row.row = item.range;
  for (std::string_view column : columns) {
    std::string name(column);
    row.cells[name] = "";
    auto it = fields->find(name);
    if (it == fields->end() || it->second.value->isNull()) {
      if (std::find(required.begin(), required.end(), column) != required.end())
        reader.error(item.range, what + " is missing '" + name + "'");
      continue;
    }
    const Node &value = *it->second.value;
    if (!value.isScalar()) {
      reader.error(value.range, "'" + name + "' must be a string");
      continue;
    }
    row.cells[name] = value.value;
    row.where[name] = value.range;
  }
  if (reader.errors() != before)
    return;
  if (const std::string &kind = row.cells["kind"]; !kinds.empty() && !kind.empty() &&
                                                    std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
    reader.error(row.where["kind"], "unknown kind '" + kind + "' for a " + what + " (expected " + expectedList(kinds) + ")");
  if (row.cells.count("subtypes") && !row.cells["subtypes"].empty() && row.cells["subtypes"] != "true" &&
      row.cells["subtypes"] != "false")
    reader.error(row.where["subtypes"], "'subtypes' must be true or false");
  if (row.cells.count("cloud")) {
    std::string &cloud = row.cells["cloud"];
    if (cloud == "none")
      cloud.clear();
    else if (!cloud.empty() && !clouds.count(cloud))
      reader.error(row.where["cloud"], "unknown cloud '" + cloud + "' (a cloud of the policy's tables, or none)");
  }
  if (reader.errors() == before)
    out.push_back(std::move(row));
}

void readExtensions(Reader &reader, const Node &node, const std::set<std::string> &clouds,
                    std::vector<ExtensionRow> &out) {
  auto frontends = reader.fields(node, "extensions", policy_keys::kExtensions);
  if (!frontends)
    return;
  auto cxx = frontends->find("cxx");
  if (cxx == frontends->end() || cxx->second.value->isNull())
    return;
  auto tables = reader.fields(*cxx->second.value, "C++ extensions", policy_keys::kCxxTables);
  if (!tables)
    return;
  for (std::string_view table : policy_keys::kCxxTables) {
    auto it = tables->find(std::string(table));
    if (it == tables->end() || it->second.value->isNull())
      continue;
    const Node &rows = *it->second.value;
    if (!rows.isSequence()) {
      reader.error(rows.range, "'" + std::string(table) + "' must be a list of rows");
      continue;
    }
    for (const Node &item : rows.items)
      readExtensionRow(reader, std::string(table), item, clouds, out);
  }
}

/// Provider names a table can produce: fixed `provider` columns and the alternatives of
/// (?P<provider>a|b|c) groups.
std::set<std::string> knownProviders(const Policy &policy) {
  std::set<std::string> out(builtinProviders().begin(), builtinProviders().end());
  for (const ProviderRule &rule : policy.providers) {
    if (!rule.provider.empty())
      out.insert(rule.provider);
    size_t at = rule.pattern.find("(?P<provider>");
    if (at == std::string::npos)
      continue;
    size_t begin = at + 13, end = rule.pattern.find(')', begin);
    std::string_view group = std::string_view(rule.pattern).substr(begin, end - begin);
    size_t start = 0;
    while (start <= group.size()) {
      size_t bar = group.find('|', start);
      std::string word(group.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
      if (validName(word))
        out.insert(normalizeProvider(word));
      if (bar == std::string_view::npos)
        break;
      start = bar + 1;
    }
  }
  for (const CloudRule &rule : policy.clouds)
    if (!rule.impliesProvider.empty())
      out.insert(rule.impliesProvider);
  return out;
}

std::set<std::string> knownClouds(const Policy &policy) {
  std::set<std::string> out;
  for (const Destination &destination : policy.destinations)
    out.insert(destination.name);
  for (const CloudRule &rule : policy.clouds)
    out.insert(rule.cloud);
  for (const WorkloadMapping &mapping : policy.workloads)
    if (!mapping.cloud.empty())
      out.insert(mapping.cloud);
  return out;
}

void readPolicy(const std::string &text, const std::string &path, Policy &policy,
                std::vector<Diagnostic> &diagnostics) {
  syntax::ParseResult parsed = syntax::parseYaml(text, path);
  if (!parsed.diagnostics.empty()) {
    // What tree-sitter recovers from a damaged file is not reliable enough to judge with.
    for (Diagnostic &diagnostic : parsed.diagnostics)
      diagnostics.push_back(std::move(diagnostic));
    return;
  }
  Reader reader(diagnostics);
  const Node *root = nullptr;
  for (const syntax::Document &doc : parsed.documents) {
    if (doc.root.isNull())
      continue;
    if (root) {
      reader.error(doc.root.range, "a policy file holds one YAML document; this one is ignored");
      continue;
    }
    root = &doc.root;
  }
  if (!root)
    return;
  auto top = reader.fields(*root, "policy", policy_keys::kTop);
  if (!top)
    return;

  if (auto version = reader.text(*top, "version", *root, "policy", false))
    if (*version != "1")
      reader.error(top->at("version").value->range, "unsupported policy version '" + *version + "' (expected 1)");

  UserPolicy user;
  std::map<std::string, SourceLoc> seenContracts;
  auto section = [&](const std::string &key, auto read) {
    auto it = top->find(key);
    if (it == top->end() || it->second.value->isNull())
      return;
    const Node &value = *it->second.value;
    if (!value.isSequence()) {
      reader.error(value.range, "'" + key + "' must be a list");
      return;
    }
    for (const Node &item : value.items)
      read(item);
  };
  section("contracts", [&](const Node &item) { readContract(reader, item, user, seenContracts); });
  section("providers", [&](const Node &item) { readProviderRule(reader, item, user); });
  section("clouds", [&](const Node &item) { readCloudRule(reader, item, user); });
  section("workloads", [&](const Node &item) { readWorkload(reader, item, user); });
  section("destinations", [&](const Node &item) { readDestination(reader, item, user); });

  // A user contract replaces the built-in one of its provider; user rules go first.
  for (Contract &contract : user.contracts) {
    auto same = std::find_if(policy.contracts.begin(), policy.contracts.end(),
                             [&](const Contract &c) { return c.provider == contract.provider; });
    if (same != policy.contracts.end())
      *same = std::move(contract);
    else
      policy.contracts.push_back(std::move(contract));
  }
  policy.providers.insert(policy.providers.begin(), user.providers.begin(), user.providers.end());
  policy.clouds.insert(policy.clouds.begin(), user.clouds.begin(), user.clouds.end());
  policy.workloads = std::move(user.workloads);
  policy.destinations.insert(policy.destinations.begin(), user.destinations.begin(), user.destinations.end());

  std::set<std::string> providers = knownProviders(policy);
  for (const auto &[name, where] : user.contractProviders)
    if (!providers.count(name))
      reader.warning(where, "no provider rule yields provider '" + name +
                                "'; add one under 'providers' or check the spelling");
  std::set<std::string> clouds = knownClouds(policy);
  if (auto it = top->find("extensions"); it != top->end() && !it->second.value->isNull())
    readExtensions(reader, *it->second.value, clouds, policy.cxxExtensions);
  for (const auto &[name, where] : user.contractClouds)
    if (!clouds.count(name))
      reader.warning(where, "no cloud rule or workload yields cloud '" + name +
                                "'; add one under 'clouds' or check the spelling");
}

} // namespace

Policy loadPolicyText(const std::string &text, const std::string &path, std::vector<Diagnostic> &diagnostics) {
  Policy policy = defaultPolicy();
  policy.file = path;
  size_t first = diagnostics.size();
  readPolicy(text, path, policy, diagnostics);
  // In source order, whichever check found them.
  std::stable_sort(diagnostics.begin() + first, diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return std::pair(a.range.begin.line, a.range.begin.column) < std::pair(b.range.begin.line, b.range.begin.column);
  });
  return policy;
}

Policy loadPolicy(const std::string &path, std::vector<Diagnostic> &diagnostics) {
  // Opened without blocking and checked after the open: a FIFO or device swapped in for the
  // file after the command line was checked is refused, never waited on.
  std::string text, error;
  if (!readInputFile(path, kMaxInputBytes, text, error)) {
    std::string reason = error.rfind(path + ": ", 0) == 0 ? error.substr(path.size() + 2) : error;
    diagnostics.push_back(makeDiagnostic(Level::Error, "policy-error", SourceRange{SourceLoc{path, 0, 0, 0}, {}},
                                         "cannot read policy file: " + reason));
    return defaultPolicy();
  }
  return loadPolicyText(text, path, diagnostics);
}

std::string findPolicyFile(const std::string &start) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path from = start.empty() ? fs::path(".") : fs::path(start);
  if (!fs::is_directory(from, ec))
    from = from.parent_path();
  fs::path dir = fs::absolute(from.empty() ? fs::path(".") : from, ec).lexically_normal();
  if (ec)
    return "";
  if (dir.filename().empty() && dir.has_parent_path())
    dir = dir.parent_path();
  fs::path cwd = fs::current_path(ec);
  while (true) {
    for (const char *name : {".cloudpact.yaml", ".cloudpact.yml"}) {
      fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ec)) {
        // Shown to the user: relative to the working directory when it lies below it.
        fs::path relative = candidate.lexically_relative(cwd);
        if (!relative.empty() && *relative.begin() != "..")
          return relative.string();
        return candidate.string();
      }
    }
    if (!dir.has_relative_path() || dir == dir.parent_path())
      return "";
    dir = dir.parent_path();
  }
}

} // namespace cloudpact
