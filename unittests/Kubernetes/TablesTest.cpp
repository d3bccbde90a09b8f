#include "Kubernetes/Tables.h"
#include "Policy/Policy.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace cloudpact::kubernetes;

namespace {

/// The destinations of the policy's vocabulary (lib/Policy/Destinations.def).
/// (Built on first use: the policy's tables are other globals.)
const std::set<std::string> &destinations() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    for (const cloudpact::Destination &destination : cloudpact::defaultPolicy().destinations)
      out.insert(destination.name);
    return out;
  }();
  return names;
}

TEST(Tables, LiteLlmPrefixesAreNotShadowed) {
  auto rows = liteLlmPrefixes();
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_TRUE(rows[i].prefix.ends_with("/")) << rows[i].prefix;
    EXPECT_TRUE(rows[i].cloud.empty() || destinations().count(std::string(rows[i].cloud))) << rows[i].prefix;
    for (size_t j = 0; j < i; ++j)
      EXPECT_FALSE(rows[i].prefix.starts_with(rows[j].prefix))
          << rows[j].prefix << " comes before the longer " << rows[i].prefix;
  }
}

TEST(Tables, CloudsAreKnownNames) {
  for (const EnvoySchemaRow &row : envoySchemas())
    EXPECT_TRUE(row.cloud.empty() || destinations().count(std::string(row.cloud))) << row.schema;
  for (const AiProviderRow &row : aiProviders())
    EXPECT_TRUE(row.cloud.empty() || destinations().count(std::string(row.cloud))) << row.key;
  for (const CloudHintRow &row : cloudHints())
    EXPECT_TRUE(destinations().count(std::string(row.cloud))) << row.key;
}

TEST(Tables, EveryWorkloadPathEndsInASpec) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const PodTemplateRow &row : podTemplates()) {
    ASSERT_FALSE(row.path.empty());
    EXPECT_EQ(row.path.back(), "spec") << row.kind;
    EXPECT_TRUE(seen.insert({row.group, row.kind}).second) << row.kind;
  }
}

TEST(Tables, ServingEnginesCanBeRecognised) {
  for (const ServingEngineRow &row : servingEngines()) {
    EXPECT_TRUE(!row.imageContains.empty() || !row.commandContains.empty() || row.matchByEnvAlone) << row.api;
    EXPECT_TRUE(!row.modelFlags.empty() || !row.modelEnv.empty() || !row.positionalAfter.empty()) << row.api;
  }
}

} // namespace
