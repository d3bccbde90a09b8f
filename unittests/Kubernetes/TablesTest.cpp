#include "Kubernetes/Tables.h"
#include "Policy/Policy.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace cloudpact::kubernetes;

namespace {

/// The destinations of the policy's vocabulary (lib/Policy/Destinations.def).
const std::set<std::string_view> kClouds = [] {
  static const cloudpact::Policy policy = cloudpact::defaultPolicy();
  std::set<std::string_view> names;
  for (const cloudpact::Destination &destination : policy.destinations)
    names.insert(destination.name);
  return names;
}();

TEST(Tables, LiteLlmPrefixesAreNotShadowed) {
  auto rows = liteLlmPrefixes();
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_TRUE(rows[i].prefix.ends_with("/")) << rows[i].prefix;
    EXPECT_TRUE(rows[i].cloud.empty() || kClouds.count(rows[i].cloud)) << rows[i].prefix;
    for (size_t j = 0; j < i; ++j)
      EXPECT_FALSE(rows[i].prefix.starts_with(rows[j].prefix))
          << rows[j].prefix << " comes before the longer " << rows[i].prefix;
  }
}

TEST(Tables, CloudsAreKnownNames) {
  for (const EnvoySchemaRow &row : envoySchemas())
    EXPECT_TRUE(row.cloud.empty() || kClouds.count(row.cloud)) << row.schema;
  for (const AiProviderRow &row : aiProviders())
    EXPECT_TRUE(row.cloud.empty() || kClouds.count(row.cloud)) << row.key;
  for (const CloudHintRow &row : cloudHints())
    EXPECT_TRUE(kClouds.count(row.cloud)) << row.key;
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
