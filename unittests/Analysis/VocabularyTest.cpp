// Every row of the classification tables (lib/Policy/*.def) is exercised: each model family by
// its example, each organisation, each endpoint by a host made from its glob, each path shape
// and local server; and the vocabularies agree with one another.
#include "Analysis/Classify.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

using namespace cloudpact;

namespace {

struct FamilyRow {
  std::string provider, description, example;
};
const std::vector<FamilyRow> kFamilies = {
#define CLOUDPACT_MODEL_FAMILY(Pattern, Provider, Description, Example) {Provider, Description, Example},
#include "Policy/ModelFamilies.def"
};

struct Pair {
  std::string first, second;
};
const std::vector<Pair> kOrgs = {
#define CLOUDPACT_MODEL_ORG(Organisation, Provider) {Organisation, Provider},
#include "Policy/ModelFamilies.def"
};
const std::vector<Pair> kProviderAliases = {
#define CLOUDPACT_PROVIDER_ALIAS(Spelling, Provider) {Spelling, Provider},
#include "Policy/ProviderNames.def"
};
const std::vector<Pair> kDestinationAliases = {
#define CLOUDPACT_DESTINATION_ALIAS(Spelling, Destination) {Spelling, Destination},
#include "Policy/ProviderNames.def"
};

struct EndpointRow {
  std::string host, path, destination, service, implies;
  bool servesModels = true;
};
const std::vector<EndpointRow> kEndpoints = {
#define CLOUDPACT_ENDPOINT(Host, Path, Destination, Service, ImpliesProvider, Serves) \
  {Host, Path, Destination, Service, ImpliesProvider, std::string_view(#Serves) == "Models"},
#include "Policy/Endpoints.def"
};
const std::vector<EndpointRow> kPathShapes = {
#define CLOUDPACT_PATH_SHAPE(Path, Destination, Service, ImpliesProvider) {"", Path, Destination, Service, ImpliesProvider},
#include "Policy/Endpoints.def"
};

struct LocalServerRow {
  int port;
  std::string service;
};
const std::vector<LocalServerRow> kLocalServers = {
#define CLOUDPACT_LOCAL_SERVER(Port, Service) {Port, Service},
#include "Policy/LocalServers.def"
};

const Classifier &classifier() {
  static const Classifier instance(defaultPolicy());
  return instance;
}

Shape shapeOf(std::initializer_list<std::pair<bool, std::string>> pieces) {
  Shape shape;
  for (const auto &[hole, text] : pieces)
    appendPiece(shape.pieces, Piece{hole, text});
  return shape;
}

/// A host the glob matches: placeholders and wildcards replaced by sample text.
std::string sampleHost(std::string glob) {
  auto replaceAll = [&](const std::string &from, const std::string &to) {
    for (size_t at; (at = glob.find(from)) != std::string::npos;)
      glob.replace(at, from.size(), to);
  };
  replaceAll("{region}", "us-east-1");
  replaceAll("{label}", "box");
  replaceAll("{octet}", "7");
  replaceAll("*", "x");
  for (size_t open; (open = glob.find('[')) != std::string::npos && glob.find(':', open) > glob.find(']', open);)
    glob.replace(open, glob.find(']', open) - open + 1, std::string(1, glob[open + 1]));
  return glob;
}

std::string samplePath(std::string glob) {
  for (size_t at; (at = glob.find('*')) != std::string::npos;)
    glob.replace(at, 1, "seg");
  return glob.empty() ? "/v1/chat/completions" : glob + "x";
}

TEST(Vocabulary, EveryModelFamilyClassifiesItsExample) {
  for (const FamilyRow &row : kFamilies) {
    ModelClass result = classifier().classifyModel(row.example);
    // A wrapper row (an ARN) hands its inner id on: the inner row decides.
    bool opaque = row.description.find("opaque") != std::string::npos;
    if (row.description.rfind("Bedrock ARN (", 0) != 0) {
      EXPECT_EQ(result.rule, row.description) << row.example;
    }
    if (opaque) {
      EXPECT_EQ(result.provider, "") << row.example;
    } else if (!row.provider.empty()) {
      EXPECT_EQ(result.provider, row.provider) << row.example;
    } else {
      EXPECT_FALSE(result.provider.empty()) << row.example;
    }
  }
}

TEST(Vocabulary, EveryOrganisationNamesItsProvider) {
  for (const Pair &org : kOrgs) {
    std::string id = org.first + "/some-model-7b";
    EXPECT_EQ(classifier().classifyModel(id).provider, org.second) << id;
    EXPECT_EQ(classifier().classifyModel("hf://" + id).provider, org.second) << id;
  }
}

TEST(Vocabulary, ProvidersOfEveryRowAreInTheVocabulary) {
  std::set<std::string> vocabulary(builtinProviders().begin(), builtinProviders().end());
  for (const FamilyRow &row : kFamilies)
    if (!row.provider.empty()) {
      EXPECT_TRUE(vocabulary.count(row.provider)) << row.provider;
    }
  for (const Pair &org : kOrgs)
    EXPECT_TRUE(vocabulary.count(org.second)) << org.first;
  for (const Pair &alias : kProviderAliases) {
    EXPECT_TRUE(vocabulary.count(alias.second)) << alias.first;
    EXPECT_EQ(normalizeProvider(alias.first), alias.second);
  }
  for (const EndpointRow &row : kEndpoints)
    if (!row.implies.empty()) {
      EXPECT_TRUE(vocabulary.count(row.implies)) << row.host;
    }
}

TEST(Vocabulary, EveryEndpointRowIsReachedByAHostOfItsGlob) {
  Policy policy = defaultPolicy();
  for (const EndpointRow &row : kEndpoints) {
    std::string url = "https://" + sampleHost(row.host) + samplePath(row.path);
    EndpointClass result = classifier().classifyEndpoint(shapeOf({{false, url}}));
    EXPECT_TRUE(result.hostKnown) << url;
    EXPECT_EQ(result.cloud, row.destination) << url << " (a row above shadows this one?)";
    EXPECT_EQ(result.service, row.service) << url;
    EXPECT_EQ(result.impliedProvider, row.implies) << url;
    EXPECT_EQ(result.servesModels, row.servesModels) << url;
    EXPECT_TRUE(isKnownDestination(policy, row.destination)) << row.destination;
    if (row.host.find("{region}") != std::string::npos) {
      EXPECT_EQ(result.region, "us-east-1") << url;
    }
  }
}

TEST(Vocabulary, EveryDestinationIsReachedByARowAndAliasesNameDestinations) {
  Policy policy = defaultPolicy();
  for (const Destination &destination : policy.destinations) {
    bool used = false;
    for (const EndpointRow &row : kEndpoints)
      used = used || row.destination == destination.name;
    EXPECT_TRUE(used) << destination.name;
  }
  for (const Pair &alias : kDestinationAliases) {
    EXPECT_TRUE(isKnownDestination(policy, alias.second)) << alias.first;
    EXPECT_EQ(normalizeCloud(alias.first), alias.second);
  }
  EXPECT_EQ(destinationKind(policy, "openrouter"), DestinationKind::Aggregator);
  EXPECT_EQ(destinationKind(policy, "self-hosted"), DestinationKind::SelfHosted);
  EXPECT_EQ(destinationKind(policy, "anthropic"), DestinationKind::ProviderApi);
  EXPECT_EQ(destinationKind(policy, "aws"), DestinationKind::Cloud);
}

TEST(Vocabulary, EveryPathShapeDecidesAnUnknownHost) {
  for (const EndpointRow &row : kPathShapes) {
    std::string path = samplePath(row.path);
    EndpointClass result = classifier().classifyEndpoint(shapeOf({{true, "base URL"}, {false, path}}));
    EXPECT_FALSE(result.hostKnown) << path;
    EXPECT_TRUE(result.fromPath) << path;
    EXPECT_EQ(result.cloud, row.destination) << path;
    EXPECT_EQ(result.impliedProvider, row.implies) << path;
  }
  // A known host is never overruled by its path.
  EndpointClass known = classifier().classifyEndpoint(shapeOf({{false, "https://proxy.example.com/openai/deployments/d/chat"}}));
  EXPECT_FALSE(known.fromPath);
  EXPECT_EQ(known.cloud, "");
}

TEST(Vocabulary, EveryLocalServerIsNamedByItsPort) {
  for (const LocalServerRow &row : kLocalServers) {
    std::string url = "http://localhost:" + std::to_string(row.port) + "/v1";
    EndpointClass result = classifier().classifyEndpoint(shapeOf({{false, url}}));
    EXPECT_EQ(result.cloud, "self-hosted") << url;
    EXPECT_EQ(result.kind, DestinationKind::SelfHosted) << url;
    EXPECT_EQ(result.server, row.service) << url;
  }
  EndpointClass ipv6 = classifier().classifyEndpoint(shapeOf({{false, "http://[::1]:11434/api/chat"}}));
  EXPECT_EQ(ipv6.cloud, "self-hosted");
  EXPECT_EQ(ipv6.server, "Ollama");
}

struct PathModelCase {
  const char *url, *model;
};

TEST(Vocabulary, PathsThatNameTheirModel) {
  const PathModelCase cases[] = {
      {"https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/anthropic/models/"
       "claude-sonnet-4@20250514:rawPredict",
       "publishers/anthropic/models/claude-sonnet-4@20250514"},
      {"https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent", "gemini-2.0-flash"},
      {"https://bedrock-runtime.us-east-1.amazonaws.com/model/openai.gpt-oss-20b-1%3A0/converse", "openai.gpt-oss-20b-1:0"},
      {"https://api.cloudflare.com/client/v4/accounts/acct/ai/run/@cf/openai/gpt-oss-120b", "@cf/openai/gpt-oss-120b"},
  };
  for (const PathModelCase &c : cases) {
    EndpointClass result = classifier().classifyEndpoint(shapeOf({{false, c.url}}));
    EXPECT_EQ(result.pathModel, c.model) << c.url;
    EXPECT_FALSE(classifier().classifyModel(result.pathModel).provider.empty()) << c.url;
  }
}

TEST(Vocabulary, HolesKeepTheKnownPartsAndNameTheUnknownOnes) {
  // An inference-profile ARN whose account comes from a data source.
  ModelClass arn = classifier().classifyModel(shapeOf(
      {{false, "arn:aws:bedrock:us-east-1:"}, {true, "account"}, {false, ":inference-profile/us.openai.gpt-oss-120b-1:0"}}));
  EXPECT_EQ(arn.provider, "openai");
  EXPECT_EQ(arn.model, "gpt-oss-120b");
  EXPECT_EQ(arn.unknownParts, std::vector<std::string>{"account"});
  // A Vertex path whose project is a variable.
  ModelClass vertex = classifier().classifyModel(
      shapeOf({{false, "projects/"}, {true, "project"}, {false, "/locations/us-central1/publishers/google/models/gemini-2.5-pro"}}));
  EXPECT_EQ(vertex.provider, "google");
  EXPECT_EQ(vertex.unknownParts, std::vector<std::string>{"project"});
  // A hole never makes a provider by itself.
  EXPECT_EQ(classifier().classifyModel(shapeOf({{true, "org"}, {false, "/gpt-oss-120b"}})).provider, "");
  EXPECT_EQ(classifier().classifyModel(shapeOf({{false, "arn:aws:bedrock:us-east-1:1:inference-profile/"}, {true, "id"}})).provider, "");
  // Nor a destination: an unknown host is not self-hosted, an unknown IP tail is not private.
  EXPECT_EQ(classifier().classifyEndpoint(shapeOf({{false, "http://"}, {true, "host"}, {false, ":8000/v1"}})).cloud, "");
  EXPECT_EQ(classifier().classifyEndpoint(shapeOf({{false, "http://10.0.0."}, {true, "n"}, {false, "/v1"}})).cloud, "");
  EXPECT_EQ(classifier().classifyEndpoint(shapeOf({{false, "http://localhost"}, {true, "rest"}})).cloud, "");
  // Text that is no host name (an unexpanded $(VAR)) is not a private host.
  EXPECT_EQ(classifier().classifyEndpoint(shapeOf({{false, "$(BASE)/v1"}})).cloud, "");
}

TEST(Vocabulary, NearMissesOfFamilyNames) {
  for (const char *id : {"command", "sonarqube", "gemini-", "mistralx/foo", "thebloke/llama-2-7b-gguf", "ada", "palm"})
    EXPECT_EQ(classifier().classifyModel(std::string(id)).provider, std::string(id) == "gemini-" ? "google" : "") << id;
}

} // namespace
