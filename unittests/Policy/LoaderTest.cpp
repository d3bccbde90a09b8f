// The policy loader: documented examples load, every kind of bad file is located exactly.
#include "Policy/LoaderKeys.h"
#include "Policy/Policy.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace cloudpact;

namespace {

const std::string kSourceDir = CLOUDPACT_SOURCE_DIR;

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string format(const Diagnostic &d) {
  return formatLoc(d.range.begin) + ": " + levelName(d.level) + ": " + d.message + " [" + d.rule + "]";
}

std::string formatAll(const std::vector<Diagnostic> &diagnostics) {
  std::string out;
  for (const Diagnostic &d : diagnostics)
    out += format(d) + "\n";
  return out;
}

std::vector<Diagnostic> load(const std::string &text, Policy *out = nullptr) {
  std::vector<Diagnostic> diagnostics;
  Policy policy = loadPolicyText(text, ".cloudpact.yaml", diagnostics);
  if (out)
    *out = std::move(policy);
  return diagnostics;
}

/// The single diagnostic `text` produces, formatted.
std::string only(const std::string &text) {
  std::vector<Diagnostic> diagnostics = load(text);
  if (diagnostics.size() != 1)
    return "expected one diagnostic, got:\n" + formatAll(diagnostics);
  return format(diagnostics[0]);
}

const Contract *contractFor(const Policy &policy, const std::string &provider) {
  for (const Contract &c : policy.contracts)
    if (c.provider == provider)
      return &c;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// docs/policy.md and docs/policy.schema.json

TEST(PolicyLoader, DocumentedExamples) {
  std::string doc = readFile(kSourceDir + "/docs/policy.md");
  ASSERT_FALSE(doc.empty());
  // ```yaml blocks; a "# bad" block is followed by a ```text block with its exact diagnostics.
  std::regex block("```(yaml|text)\n([^`]*)```");
  std::vector<std::pair<std::string, std::string>> blocks;
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), block); it != std::sregex_iterator(); ++it)
    blocks.emplace_back((*it)[1].str(), (*it)[2].str());
  size_t good = 0, bad = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].first != "yaml")
      continue;
    const std::string &text = blocks[i].second;
    SCOPED_TRACE(text);
    Policy policy;
    std::vector<Diagnostic> diagnostics = load(text, &policy);
    if (text.rfind("# bad", 0) == 0) {
      ++bad;
      ASSERT_LT(i + 1, blocks.size());
      ASSERT_EQ(blocks[i + 1].first, "text") << "a bad example needs its output next";
      EXPECT_EQ(formatAll(diagnostics), blocks[i + 1].second);
    } else {
      ++good;
      EXPECT_EQ(formatAll(diagnostics), "");
      EXPECT_EQ(policy.file, ".cloudpact.yaml");
    }
  }
  EXPECT_GE(good, 6u);
  EXPECT_GE(bad, 4u);
}

std::set<std::string> keysOf(const nlohmann::json &object) {
  std::set<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it)
    out.insert(it.key());
  return out;
}

template <size_t N> std::set<std::string> keysOf(const std::array<std::string_view, N> &keys) {
  return std::set<std::string>(keys.begin(), keys.end());
}

TEST(PolicyLoader, SchemaListsTheLoadersKeys) {
  nlohmann::json schema = nlohmann::json::parse(readFile(kSourceDir + "/docs/policy.schema.json"));
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["additionalProperties"], false);
  EXPECT_EQ(keysOf(schema["properties"]), keysOf(policy_keys::kTop));
  EXPECT_EQ(keysOf(schema["$defs"]["contract"]["properties"]), keysOf(policy_keys::kContract));
  EXPECT_EQ(keysOf(schema["$defs"]["providerRule"]["properties"]), keysOf(policy_keys::kProvider));
  EXPECT_EQ(keysOf(schema["$defs"]["cloudRule"]["properties"]), keysOf(policy_keys::kCloud));
  EXPECT_EQ(keysOf(schema["$defs"]["workload"]["properties"]), keysOf(policy_keys::kWorkload));
  EXPECT_EQ(keysOf(schema["properties"]["extensions"]["properties"]), keysOf(policy_keys::kExtensions));
  EXPECT_EQ(keysOf(schema["$defs"]["cxxExtensions"]["properties"]), keysOf(policy_keys::kCxxTables));
  EXPECT_EQ(keysOf(schema["$defs"]["cxxSink"]["properties"]), keysOf(policy_keys::kCxxSink));
  EXPECT_EQ(keysOf(schema["$defs"]["cxxApi"]["properties"]), keysOf(policy_keys::kCxxApi));
  EXPECT_EQ(keysOf(schema["$defs"]["cxxSummary"]["properties"]), keysOf(policy_keys::kCxxSummary));
  EXPECT_EQ(keysOf(schema["$defs"]["cxxSource"]["properties"]), keysOf(policy_keys::kCxxSource));
  auto enumOf = [](const nlohmann::json &values) {
    std::set<std::string> out;
    for (const auto &value : values)
      out.insert(value.get<std::string>());
    return out;
  };
  EXPECT_EQ(enumOf(schema["$defs"]["cxxSink"]["properties"]["kind"]["enum"]), keysOf(policy_keys::kCxxSinkKinds));
  EXPECT_EQ(enumOf(schema["$defs"]["cxxSummary"]["properties"]["kind"]["enum"]), keysOf(policy_keys::kCxxSummaryKinds));
  EXPECT_EQ(enumOf(schema["$defs"]["cxxSource"]["properties"]["kind"]["enum"]), keysOf(policy_keys::kCxxSourceKinds));
  for (const char *def : {"contract", "providerRule", "cloudRule", "workload", "cxxSink", "cxxApi", "cxxSummary", "cxxSource"})
    EXPECT_EQ(schema["$defs"][def]["additionalProperties"], false) << def;
}

TEST(PolicyLoader, SchemaAcceptsTheDocumentedExamples) {
  std::string command = "python3 '" + kSourceDir + "/unittests/Policy/validate_examples.py' '" + kSourceDir +
                        "/docs/policy.schema.json' '" + kSourceDir + "/docs/policy.md' 2>&1";
  FILE *pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    output.append(buffer, n);
  int raw = pclose(pipe);
  int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  if (status == 77 || status == 127)
    GTEST_SKIP() << "python3 with PyYAML and jsonschema is not available";
  EXPECT_EQ(status, 0) << output;
}

// ---------------------------------------------------------------------------------------------
// Semantics over the defaults

TEST(PolicyLoader, EmptyFileIsTheDefaultPolicy) {
  Policy policy;
  EXPECT_TRUE(load("", &policy).empty());
  Policy builtin = defaultPolicy();
  EXPECT_EQ(policy.contracts.size(), builtin.contracts.size());
  EXPECT_EQ(policy.providers.size(), builtin.providers.size());
  EXPECT_EQ(policy.clouds.size(), builtin.clouds.size());
  EXPECT_TRUE(load("# nothing but a comment\n").empty());
  EXPECT_TRUE(load("version: 1\n").empty());
}

TEST(PolicyLoader, UserContractReplacesTheBuiltInOne) {
  Policy policy;
  auto diagnostics =
      load("version: 1\ncontracts:\n"
           "  - provider: openai\n    clouds: [azure]\n    regions: [westeurope]\n"
           "    severity: warning\n    include: [\"openai/gpt-*\"]\n    exclude: [\"openai/gpt-oss-*\"]\n"
           "  - provider: anthropic\n    clouds: [aws]\n",
           &policy);
  ASSERT_EQ(formatAll(diagnostics), "");
  size_t openaiContracts = std::count_if(policy.contracts.begin(), policy.contracts.end(),
                                         [](const Contract &c) { return c.provider == "openai"; });
  EXPECT_EQ(openaiContracts, 1u);
  const Contract *openai = contractFor(policy, "openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->clouds, std::vector<std::string>({"azure"}));
  EXPECT_EQ(openai->regions, std::vector<std::string>({"westeurope"}));
  EXPECT_EQ(openai->severity, Level::Warning);
  EXPECT_EQ(openai->include, std::vector<std::string>({"openai/gpt-*"}));
  EXPECT_EQ(openai->exclude, std::vector<std::string>({"openai/gpt-oss-*"}));
  EXPECT_EQ(openai->where.file(), ".cloudpact.yaml");
  EXPECT_EQ(openai->where.begin.line, 3u);
  EXPECT_EQ(openai->where.begin.column, 5u);
  const Contract *anthropic = contractFor(policy, "anthropic");
  ASSERT_NE(anthropic, nullptr);
  EXPECT_EQ(anthropic->severity, Level::Error);
}

TEST(PolicyLoader, UserRulesComeFirst) {
  Policy policy;
  auto diagnostics = load("providers:\n  - pattern: '^acme\\.(?P<model>.+)$'\n    provider: acme\n"
                          "clouds:\n  - host: \"*.llm.acme.internal\"\n    cloud: onprem\n"
                          "    path: /openai/v1\n    implies-provider: openai\n    service: gateway\n"
                          "workloads:\n  - workload: \"shop/Deployment/chat-svc\"\n"
                          "    sources: [\"services/chat/**\"]\n    cloud: aws\n",
                          &policy);
  ASSERT_EQ(formatAll(diagnostics), "");
  Policy builtin = defaultPolicy();
  ASSERT_EQ(policy.providers.size(), builtin.providers.size() + 1);
  EXPECT_EQ(policy.providers[0].pattern, "^acme\\.(?P<model>.+)$");
  EXPECT_EQ(policy.providers[0].provider, "acme");
  EXPECT_EQ(policy.providers[0].where.begin.line, 2u);
  EXPECT_EQ(policy.providers[1].pattern, builtin.providers[0].pattern);
  ASSERT_EQ(policy.clouds.size(), builtin.clouds.size() + 1);
  EXPECT_EQ(policy.clouds[0].host, "*.llm.acme.internal");
  EXPECT_EQ(policy.clouds[0].cloud, "onprem");
  EXPECT_EQ(policy.clouds[0].path, "/openai/v1");
  EXPECT_EQ(policy.clouds[0].impliesProvider, "openai");
  EXPECT_EQ(policy.clouds[0].service, "gateway");
  ASSERT_EQ(policy.workloads.size(), 1u);
  EXPECT_EQ(policy.workloads[0].workload, "shop/Deployment/chat-svc");
  EXPECT_EQ(policy.workloads[0].sources, std::vector<std::string>({"services/chat/**"}));
  EXPECT_EQ(policy.workloads[0].cloud, "aws");
}

TEST(PolicyLoader, ProviderFromNamedGroup) {
  Policy policy;
  EXPECT_EQ(formatAll(load("providers:\n  - pattern: 'models/(?P<provider>[a-z]+)/(?P<model>.+)'\n", &policy)), "");
  EXPECT_EQ(policy.providers[0].provider, "");
  EXPECT_EQ(only("providers:\n  - pattern: 'models/(?P<model>.+)'\n"),
            ".cloudpact.yaml:2:5: error: provider rule is missing 'provider' (or a (?P<provider>...) group in its "
            "pattern) [policy-error]");
}

// ---------------------------------------------------------------------------------------------
// Each kind of bad file, located exactly; the rest of the file still applies.

TEST(PolicyLoader, UnknownKeys) {
  EXPECT_EQ(only("version: 1\nrules: []\n"),
            ".cloudpact.yaml:2:1: error: unknown key 'rules' in policy (expected version, contracts, providers, "
            "clouds, workloads, destinations, extensions) [policy-error]");
  EXPECT_EQ(only("clouds:\n  - host: a.example.com\n    cloud: aws\n    region: x\n"),
            ".cloudpact.yaml:4:5: error: unknown key 'region' in cloud rule (expected host, cloud, service, path, "
            "implies-provider) [policy-error]");
}

TEST(PolicyLoader, WrongTypes) {
  EXPECT_EQ(only("contracts:\n  - provider: openai\n    clouds: azure\n"),
            ".cloudpact.yaml:3:13: error: 'clouds' must be a list of strings [policy-error]");
  EXPECT_EQ(only("contracts:\n  - provider: [openai]\n    clouds: [azure]\n"),
            ".cloudpact.yaml:2:15: error: 'provider' must be a string [policy-error]");
  EXPECT_EQ(only("contracts:\n  - provider: openai\n    clouds: [azure, [aws]]\n"),
            ".cloudpact.yaml:3:21: error: 'clouds' must be a list of non-empty strings [policy-error]");
  EXPECT_EQ(only("contracts: {provider: openai}\n"),
            ".cloudpact.yaml:1:12: error: 'contracts' must be a list [policy-error]");
  EXPECT_EQ(only("contracts:\n  - openai\n"), ".cloudpact.yaml:2:5: error: contract must be a mapping [policy-error]");
  EXPECT_EQ(only("- a\n- b\n"), ".cloudpact.yaml:1:1: error: policy must be a mapping [policy-error]");
  EXPECT_EQ(only("version: 2\n"),
            ".cloudpact.yaml:1:10: error: unsupported policy version '2' (expected 1) [policy-error]");
}

TEST(PolicyLoader, MissingAndEmptyValues) {
  EXPECT_EQ(only("contracts:\n  - provider: openai\n"),
            ".cloudpact.yaml:2:5: error: contract is missing 'clouds' [policy-error]");
  EXPECT_EQ(only("contracts:\n  - provider: openai\n    clouds: []\n"),
            ".cloudpact.yaml:3:13: error: 'clouds' must name at least one cloud [policy-error]");
  EXPECT_EQ(only("contracts:\n  - provider:\n    clouds: [azure]\n"),
            ".cloudpact.yaml:2:14: error: 'provider' needs a value [policy-error]");
  EXPECT_EQ(only("contracts:\n  - provider: ''\n    clouds: [azure]\n"),
            ".cloudpact.yaml:2:15: error: 'provider' must not be empty [policy-error]");
  EXPECT_EQ(only("workloads:\n  - workload: \"x/*\"\n"),
            ".cloudpact.yaml:2:5: error: workload mapping needs 'sources' or 'cloud' [policy-error]");
}

TEST(PolicyLoader, BadValues) {
  EXPECT_EQ(only("contracts:\n  - provider: openai\n    clouds: [azure]\n    severity: fatal\n"),
            ".cloudpact.yaml:4:15: error: unknown severity 'fatal' (expected error, warning or note) [policy-error]");
  EXPECT_EQ(only("contracts:\n  - provider: OpenAI\n    clouds: [azure]\n"),
            ".cloudpact.yaml:2:15: error: provider 'OpenAI' must be a lower-case name (letters, digits, '-', '_', "
            "'.') [policy-error]");
  EXPECT_EQ(only("clouds:\n  - host: \"https://x.acme.io\"\n    cloud: onprem\n"),
            ".cloudpact.yaml:2:11: error: host 'https://x.acme.io' must be a host name, not a URL [policy-error]");
  EXPECT_EQ(only("clouds:\n  - host: \"x.acme.io/v1\"\n    cloud: onprem\n"),
            ".cloudpact.yaml:2:21: error: unexpected '/' in host 'x.acme.io/v1' (put a path prefix in 'path') "
            "[policy-error]");
  EXPECT_EQ(only("clouds:\n  - host: \"{zone}.acme.io\"\n    cloud: onprem\n"),
            ".cloudpact.yaml:2:12: error: unknown placeholder '{zone}' in host (only {region}, {label} and {octet}) [policy-error]");
  EXPECT_EQ(only("clouds:\n  - host: \"x.acme.io\"\n    cloud: onprem\n    path: v1\n"),
            ".cloudpact.yaml:4:11: error: path 'v1' must start with '/' [policy-error]");
}

TEST(PolicyLoader, BadRegularExpressionPointsIntoThePattern) {
  std::vector<Diagnostic> diagnostics = load("providers:\n  - pattern: 'a(b'\n    provider: x\n"
                                             "  - pattern: \"x\\\\d\\\\q\"\n    provider: y\n"
                                             "  - pattern: 'fine-(?P<model>.+)'\n    provider: z\n");
  ASSERT_EQ(diagnostics.size(), 2u) << formatAll(diagnostics);
  EXPECT_EQ(diagnostics[0].rule, "policy-error");
  EXPECT_EQ(formatLoc(diagnostics[0].range.begin), ".cloudpact.yaml:2:15");
  EXPECT_NE(diagnostics[0].message.find("invalid regular expression: missing )"), std::string::npos);
  // In a double-quoted pattern the escape \\ is one character of the regex but two in the file.
  EXPECT_EQ(formatLoc(diagnostics[1].range.begin), ".cloudpact.yaml:4:19");
  EXPECT_NE(diagnostics[1].message.find("\\q"), std::string::npos);
}

TEST(PolicyLoader, DuplicateContractsAndKeys) {
  Policy policy;
  auto diagnostics = load("contracts:\n  - provider: openai\n    clouds: [azure]\n"
                          "  - provider: openai\n    clouds: [aws]\n",
                          &policy);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(format(diagnostics[0]),
            ".cloudpact.yaml:4:15: error: duplicate contract for provider 'openai' (first on line 2) [policy-error]");
  EXPECT_EQ(contractFor(policy, "openai")->clouds, std::vector<std::string>({"azure"}));
  EXPECT_EQ(only("contracts:\n  - provider: openai\n    clouds: [azure]\n    clouds: [aws]\n"),
            ".cloudpact.yaml:4:5: error: duplicate key 'clouds' in contract (first on line 3) [policy-error]");
}

TEST(PolicyLoader, TheRestOfTheFileStillApplies) {
  Policy policy;
  auto diagnostics = load("contracts:\n"
                          "  - provider: openai\n    clouds: [azure]\n    severty: error\n" // left out
                          "  - provider: anthropic\n    clouds: [aws]\n"                    // kept
                          "bogus: 1\n"
                          "clouds:\n  - host: \"*.acme.internal\"\n    cloud: onprem\n",
                          &policy);
  ASSERT_EQ(diagnostics.size(), 2u) << formatAll(diagnostics);
  EXPECT_EQ(formatLoc(diagnostics[0].range.begin), ".cloudpact.yaml:4:5"); // in source order
  EXPECT_EQ(formatLoc(diagnostics[1].range.begin), ".cloudpact.yaml:7:1");
  // The bad openai contract is left out: the built-in one still applies.
  EXPECT_EQ(contractFor(policy, "openai")->clouds, defaultPolicy().contracts[0].clouds);
  ASSERT_NE(contractFor(policy, "anthropic"), nullptr);
  EXPECT_EQ(policy.clouds[0].host, "*.acme.internal");
}

TEST(PolicyLoader, SyntaxErrorsAreParseErrorsAndTheFileIsNotApplied) {
  Policy policy;
  auto diagnostics =
      load("contracts:\n  - provider: openai\n    clouds: [aws]\n  - provider: x\n   clouds: [azure]\n", &policy);
  ASSERT_EQ(diagnostics.size(), 1u) << formatAll(diagnostics);
  EXPECT_EQ(diagnostics[0].rule, "parse-error");
  EXPECT_EQ(formatLoc(diagnostics[0].range.begin), ".cloudpact.yaml:5:4");
  // A damaged file is not applied at all: the built-in contract stands.
  EXPECT_EQ(contractFor(policy, "openai")->clouds, defaultPolicy().contracts[0].clouds);
  EXPECT_EQ(only("version: 1\n---\nversion: 1\n"),
            ".cloudpact.yaml:3:1: error: a policy file holds one YAML document; this one is ignored [policy-error]");
}

TEST(PolicyLoader, WarningsForNamesNoRuleYields) {
  std::vector<Diagnostic> diagnostics =
      load("contracts:\n  - provider: opnai\n    clouds: [azrue, onprem]\n    include: [\"gpt-*\"]\n"
           "clouds:\n  - host: \"*.acme.internal\"\n    cloud: onprem\n");
  ASSERT_EQ(diagnostics.size(), 3u) << formatAll(diagnostics);
  for (const Diagnostic &d : diagnostics)
    EXPECT_EQ(d.level, Level::Warning);
  EXPECT_EQ(formatAll(diagnostics),
            ".cloudpact.yaml:2:15: warning: no provider rule yields provider 'opnai'; add one under 'providers' or "
            "check the spelling [policy-error]\n"
            ".cloudpact.yaml:3:14: warning: no cloud rule or workload yields cloud 'azrue'; add one under 'clouds' or "
            "check the spelling [policy-error]\n"
            ".cloudpact.yaml:4:15: warning: 'gpt-*' has no '/': include and exclude patterns match 'provider/model' "
            "[policy-error]\n");
}

// ---------------------------------------------------------------------------------------------
// Files

class PolicyFiles : public ::testing::Test {
protected:
  void SetUp() override {
    std::filesystem::create_directories(root_ / "repo/services/chat");
  }
  void write(const std::filesystem::path &path, const std::string &text) {
    std::ofstream out(path);
    out << text;
  }
  cloudpact::unittest::TestDirectory directory_{"cloudpact-policy"};
  std::filesystem::path root_ = directory_.path();
};

TEST_F(PolicyFiles, FindsTheNearestPolicyFile) {
  namespace fs = std::filesystem;
  write(root_ / "repo/services/chat/main.cpp", "int main() {}\n");
  EXPECT_EQ(findPolicyFile((root_ / "repo/services/chat").string()), "");
  write(root_ / "repo/.cloudpact.yml", "version: 1\n");
  EXPECT_EQ(fs::path(findPolicyFile((root_ / "repo/services/chat").string())), root_ / "repo/.cloudpact.yml");
  EXPECT_EQ(fs::path(findPolicyFile((root_ / "repo/services/chat/main.cpp").string())), root_ / "repo/.cloudpact.yml");
  write(root_ / "repo/.cloudpact.yaml", "version: 1\n");
  EXPECT_EQ(fs::path(findPolicyFile((root_ / "repo").string())), root_ / "repo/.cloudpact.yaml");
  write(root_ / "repo/services/.cloudpact.yaml", "version: 1\n");
  EXPECT_EQ(fs::path(findPolicyFile((root_ / "repo/services/chat/main.cpp").string())),
            root_ / "repo/services/.cloudpact.yaml");
}

TEST_F(PolicyFiles, RelativeToTheWorkingDirectory) {
  namespace fs = std::filesystem;
  write(root_ / "repo/.cloudpact.yaml", "version: 1\n");
  fs::path saved = fs::current_path();
  fs::current_path(root_ / "repo");
  std::string found = findPolicyFile("services/chat");
  std::string here = findPolicyFile(".");
  fs::current_path(saved);
  EXPECT_EQ(found, ".cloudpact.yaml");
  EXPECT_EQ(here, ".cloudpact.yaml");
}

TEST_F(PolicyFiles, LoadsFromDiskAndReportsUnreadableFiles) {
  write(root_ / "p.yaml", "contracts:\n  - provider: openai\n    clouds: [azure]\n    severity: fatal\n");
  std::vector<Diagnostic> diagnostics;
  Policy policy = loadPolicy((root_ / "p.yaml").string(), diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].range.file(), (root_ / "p.yaml").string());
  EXPECT_EQ(diagnostics[0].range.begin.line, 4u);
  EXPECT_EQ(policy.file, (root_ / "p.yaml").string());

  diagnostics.clear();
  Policy fallback = loadPolicy((root_ / "missing.yaml").string(), diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].rule, "policy-error");
  EXPECT_EQ(diagnostics[0].level, Level::Error);
  EXPECT_FALSE(fallback.contracts.empty()); // the built-in policy still applies
}

} // namespace

namespace {

TEST(PolicyLoader, CxxExtensionRows) {
  Policy policy;
  std::vector<Diagnostic> diagnostics = load("extensions:\n"
                                             "  cxx:\n"
                                             "    sinks:\n"
                                             "      - {namespace: acme::llm, class: ChatClient, subtypes: true, method: 'Complete*',\n"
                                             "         input: 'Argument[0].Model', kind: model, cloud: none}\n"
                                             "    apis:\n"
                                             "      - {namespace: acme::llm, class: ChatClient, label: 'acme ChatClient::'}\n"
                                             "    sources:\n"
                                             "      - {namespace: acme::config, method: lookup, input: 'Argument[0]', kind: env,\n"
                                             "         phrase: read by acme::config::lookup}\n",
                                             &policy);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(policy.cxxExtensions.size(), 3u);
  const ExtensionRow &sink = policy.cxxExtensions[0];
  EXPECT_EQ(sink.table, "sinks");
  EXPECT_EQ(sink.cells.at("method"), "Complete*");
  EXPECT_EQ(sink.cells.at("input"), "Argument[0].Model");
  EXPECT_EQ(sink.cells.at("subtypes"), "true");
  EXPECT_EQ(sink.cells.at("cloud"), ""); // none
  EXPECT_EQ(sink.where.at("input").begin.line, 5u);
  EXPECT_EQ(policy.cxxExtensions[1].cells.at("label"), "acme ChatClient::");
  EXPECT_EQ(policy.cxxExtensions[2].table, "sources");
  EXPECT_EQ(policy.cxxExtensions[2].cells.at("class"), "");
}

TEST(PolicyLoader, CxxExtensionErrorsAreLocated) {
  EXPECT_EQ(only("extensions:\n  cxx:\n    sinks:\n      - {method: Chat, input: 'Argument[0]', kind: modle}\n"),
            ".cloudpact.yaml:4:52: error: unknown kind 'modle' for a C++ sink row (expected model, endpoint, region, "
            "cloud, sigv4) [policy-error]");
  EXPECT_EQ(only("extensions:\n  cxx:\n    sinks:\n      - {method: Chat, input: 'Argument[0]', kind: model, cloud: awz}\n"),
            ".cloudpact.yaml:4:66: error: unknown cloud 'awz' (a cloud of the policy's tables, or none) [policy-error]");
  EXPECT_EQ(only("extensions:\n  cxx:\n    sinks:\n      - {method: Chat, kind: model}\n"),
            ".cloudpact.yaml:4:9: error: C++ sink row is missing 'input' [policy-error]");
  EXPECT_EQ(only("extensions:\n  cxx:\n    summaries:\n      - {method: Chat, kind: value, subtypes: maybe}\n"),
            ".cloudpact.yaml:4:47: error: 'subtypes' must be true or false [policy-error]");
  EXPECT_EQ(only("extensions:\n  cxx:\n    sinks:\n      - {method: Chat, input: 'Argument[0]', kind: model, model: x}\n"),
            ".cloudpact.yaml:4:59: error: unknown key 'model' in C++ sink row (expected namespace, class, subtypes, "
            "method, input, kind, cloud) [policy-error]");
  EXPECT_EQ(only("extensions:\n  terraform: {}\n"),
            ".cloudpact.yaml:2:3: error: unknown key 'terraform' in extensions (expected cxx) [policy-error]");
  EXPECT_EQ(only("extensions:\n  cxx:\n    sinks: {method: Chat}\n"),
            ".cloudpact.yaml:3:12: error: 'sinks' must be a list of rows [policy-error]");
}

} // namespace

namespace {

// The loader itself refuses what is not a regular file, so a FIFO put in place after the command
// line was checked never blocks it.
TEST(PolicyLoaderFiles, AFifoIsAPolicyErrorAtOnce) {
  cloudpact::unittest::TestDirectory dir("cloudpact-policy-fifo");
  std::string fifo = (dir.path() / "policy.yaml").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::vector<cloudpact::Diagnostic> diagnostics;
  cloudpact::Policy policy = cloudpact::loadPolicy(fifo, diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].rule, "policy-error");
  EXPECT_NE(diagnostics[0].message.find("not a regular file"), std::string::npos) << diagnostics[0].message;
  EXPECT_EQ(policy.contracts.size(), cloudpact::defaultPolicy().contracts.size());
}

} // namespace
