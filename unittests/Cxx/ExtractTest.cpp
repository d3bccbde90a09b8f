// Extraction end to end through cxx::analyze: small programs against the stub SDK headers of
// test/Cxx/Inputs/sdk, facts checked by evaluating their values with a tiny resolver.
#include "Cxx/Cxx.h"

#include "TestDirectory.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace cloudpact;
namespace fs = std::filesystem;

namespace {

const std::string kSdk = std::string(CLOUDPACT_SOURCE_DIR) + "/test/Cxx/Inputs/sdk";

class CxxExtract : public ::testing::Test {
protected:
  /// Writes the files, a compile database (unless `database` is false) and analyses them.
  void run(const std::map<std::string, std::string> &files, bool sdk = true, bool database = true) {
    std::vector<SourceFile> sources;
    std::string commands = "[";
    for (const auto &[name, text] : files) {
      fs::path path = fs::path(dir_) / name;
      fs::create_directories(path.parent_path());
      std::ofstream(path) << text;
      sources.push_back(SourceFile{path.string(), text});
      if (path.extension() == ".cpp") {
        if (commands.size() > 1)
          commands += ",";
        commands += R"({"directory": ")" + dir_ + R"(", "file": ")" + path.string() +
                    R"(", "arguments": ["clang++", "-std=c++17")" + (sdk ? ", \"-I" + kSdk + "\"" : std::string()) +
                    R"(, "-c", ")" + path.string() + R"("]})";
      }
    }
    commands += "]";
    cxx::Options options;
    options.roots = {dir_};
    if (database) {
      std::ofstream(fs::path(dir_) / "compile_commands.json") << commands;
      options.buildDir = dir_;
    }
    std::vector<const SourceFile *> pointers;
    for (const auto &file : sources)
      pointers.push_back(&file);
    facts_ = Facts{};
    cxx::analyze(pointers, options, facts_);
  }

  /// What a value may be, following symbols through the assigns (a tiny stand-in for the solver).
  std::set<std::string> eval(const ValuePtr &value, int depth = 0) const {
    std::set<std::string> out;
    if (!value)
      return {"<null>"};
    if (depth > 24)
      return {"<deep>"};
    switch (value->kind) {
    case ValueKind::Literal: return {value->text};
    case ValueKind::EnvRead: return {"${" + value->text + "}"};
    case ValueKind::Unknown: return {"?"};
    case ValueKind::Map: {
      std::string keys = "{";
      for (const auto &field : value->fields)
        keys += field.first + ",";
      return {keys + "}"};
    }
    case ValueKind::List: return {"[list]"};
    case ValueKind::Apply: return {"<apply>"};
    case ValueKind::Choice:
      for (const auto &part : value->parts)
        for (const auto &v : eval(part, depth + 1))
          out.insert(v);
      return out;
    case ValueKind::Concat: {
      std::set<std::string> acc = {""};
      for (const auto &part : value->parts) {
        std::set<std::string> next;
        for (const auto &a : acc)
          for (const auto &b : eval(part, depth + 1))
            if (next.size() < 64)
              next.insert(a + b);
        acc = std::move(next);
      }
      return acc;
    }
    case ValueKind::Ref: {
      bool any = false;
      for (const auto &assign : facts_.assigns)
        if (assign.symbol == value->text) {
          any = true;
          for (const auto &v : eval(assign.value, depth + 1))
            out.insert(v);
        }
      if (!any)
        out.insert("<unset " + value->text + ">");
      return out;
    }
    case ValueKind::Get: {
      std::vector<ValuePtr> maps;
      collectMaps(value->parts[0], maps, depth + 1);
      for (const auto &map : maps)
        for (const auto &field : map->fields)
          if (field.first == value->text)
            for (const auto &v : eval(field.second, depth + 1))
              out.insert(v);
      if (out.empty())
        out.insert("<no " + value->text + ">");
      return out;
    }
    }
    return {"<?>"};
  }

  void collectMaps(const ValuePtr &value, std::vector<ValuePtr> &out, int depth) const {
    if (!value || depth > 24)
      return;
    if (value->kind == ValueKind::Map)
      out.push_back(value);
    else if (value->kind == ValueKind::Choice)
      for (const auto &part : value->parts)
        collectMaps(part, out, depth + 1);
    else if (value->kind == ValueKind::Ref)
      for (const auto &assign : facts_.assigns)
        if (assign.symbol == value->text)
          collectMaps(assign.value, out, depth + 1);
  }

  using Strings = std::set<std::string>;

  const ModelAccess &access(size_t index = 0) const {
    static ModelAccess none;
    if (index >= facts_.accesses.size()) {
      ADD_FAILURE() << "no access #" << index << "\n" << dump();
      return none;
    }
    return facts_.accesses[index];
  }

  std::string dump() const {
    std::string out;
    for (const auto &assign : facts_.assigns)
      out += "assign " + assign.symbol + " = " + (assign.value ? describe(*assign.value) : "null") + " @ " +
             formatLoc(assign.range.begin) + " \"" + assign.phrase + "\"\n";
    for (const auto &a : facts_.accesses)
      out += "access " + a.api + " model=" + (a.model ? describe(*a.model) : "null") +
             " endpoint=" + (a.endpoint ? describe(*a.endpoint) : "null") +
             " region=" + (a.region ? describe(*a.region) : "null") + " cloud=" + (a.cloud ? describe(*a.cloud) : "null") +
             " @ " + formatLoc(a.range.begin) + "\n";
    for (const auto &d : facts_.diagnostics)
      out += formatLoc(d.range.begin) + ": " + levelName(d.level) + ": " + d.message + "\n";
    return out;
  }

  cloudpact::unittest::TestDirectory directory_{"cloudpact-cxx"};
  std::string dir_ = directory_.string();
  Facts facts_;
};

TEST_F(CxxExtract, BedrockConverseWithRegionAndModel) {
  run({{"main.cpp", R"cpp(#include <aws/core/Aws.h>
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>

int main() {
  Aws::Client::ClientConfiguration config;
  config.region = "us-west-2";
  Aws::BedrockRuntime::BedrockRuntimeClient client(config);
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId("openai.gpt-oss-120b-1:0");
  auto outcome = client.Converse(request);
  return outcome.IsSuccess() ? 0 : 1;
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  const ModelAccess &a = access();
  EXPECT_EQ(a.api, "aws-sdk-cpp BedrockRuntime::Converse");
  EXPECT_EQ(a.impliedCloud, "aws");
  EXPECT_EQ(a.range.begin.line, 11u);
  EXPECT_EQ(a.range.begin.column, 25u);
  EXPECT_EQ(a.confidence, 1.0);
  EXPECT_EQ(eval(a.model), Strings{"openai.gpt-oss-120b-1:0"}) << dump();
  EXPECT_EQ(eval(a.region), Strings{"us-west-2"}) << dump();
  EXPECT_EQ(a.endpoint, nullptr) << dump();
  EXPECT_EQ(a.subject, "main");
  EXPECT_TRUE(facts_.diagnostics.empty()) << dump();
}

TEST_F(CxxExtract, BedrockChainsSharedClientsAndAsync) {
  run({{"main.cpp", R"cpp(#include <aws/core/Aws.h>
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>
#include <aws/bedrock-runtime/model/InvokeModelRequest.h>

using namespace Aws::BedrockRuntime;

int main() {
  BedrockRuntimeClientConfiguration config;
  config.region = "eu-central-1";
  config.endpointOverride = "https://bedrock-runtime.eu-central-1.amazonaws.com";
  auto client = Aws::MakeShared<BedrockRuntimeClient>("tag", config);
  client->ConverseAsync(Model::ConverseRequest().WithModelId("anthropic.claude-3-haiku-20240307-v1:0"),
                        [](auto &&...) {});
  Model::InvokeModelRequest invoke;
  invoke.WithModelId("meta.llama3-1-70b-instruct-v1:0").SetContentType("application/json");
  client->OverrideEndpoint("https://vpce.example.com");
  client->InvokeModel(invoke);
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 2u) << dump();
  EXPECT_EQ(access(0).api, "aws-sdk-cpp BedrockRuntime::ConverseAsync");
  EXPECT_EQ(eval(access(0).model), Strings{"anthropic.claude-3-haiku-20240307-v1:0"}) << dump();
  EXPECT_EQ(eval(access(0).region), Strings{"eu-central-1"}) << dump();
  EXPECT_EQ(access(1).api, "aws-sdk-cpp BedrockRuntime::InvokeModel");
  EXPECT_EQ(eval(access(1).model), Strings{"meta.llama3-1-70b-instruct-v1:0"}) << dump();
  EXPECT_EQ(eval(access(1).endpoint),
            (Strings{"https://bedrock-runtime.eu-central-1.amazonaws.com", "https://vpce.example.com"}))
      << dump();
}

TEST_F(CxxExtract, ParameterAndReturnFlow) {
  run({{"main.cpp", R"cpp(#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>
#include <string>

static std::string modelFor(const std::string &family) {
  if (family == "gpt")
    return "openai." + family + "-oss-20b-1:0";
  return "amazon.nova-lite-v1:0";
}

void send(Aws::BedrockRuntime::BedrockRuntimeClient &client, const std::string &model) {
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId(model);
  client.Converse(request);
}

int main() {
  Aws::BedrockRuntime::BedrockRuntimeClient client;
  send(client, modelFor("gpt"));
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  EXPECT_EQ(eval(access().model), (Strings{"openai.gpt-oss-20b-1:0", "amazon.nova-lite-v1:0"})) << dump();
  bool passed = false, returned = false;
  for (const auto &assign : facts_.assigns) {
    passed = passed || assign.phrase == "passed to parameter model of send";
    returned = returned || assign.phrase == "returned by modelFor";
  }
  EXPECT_TRUE(passed) << dump();
  EXPECT_TRUE(returned) << dump();
}

TEST_F(CxxExtract, FieldsAndGetenv) {
  run({{"main.cpp", R"cpp(#include <curl/curl.h>
#include <cstdlib>
#include <string>

struct Settings {
  std::string baseUrl;
  std::string model = "gpt-4o";
};

class Chat {
public:
  explicit Chat(const char *base) : base_(base) {}
  void ask(const Settings &settings) {
    CURL *curl = curl_easy_init();
    std::string url = base_ + "/chat/completions";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    std::string body = "{\"model\": \"" + settings.model + "\", \"messages\": []}";
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_perform(curl);
  }

private:
  std::string base_;
};

int main() {
  Chat chat(std::getenv("OPENAI_BASE_URL"));
  Settings settings{"unused"};
  chat.ask(settings);
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  const ModelAccess &a = access();
  EXPECT_EQ(a.api, "libcurl curl_easy_perform");
  EXPECT_EQ(a.range.begin.line, 19u);
  EXPECT_EQ(eval(a.endpoint), Strings{"${OPENAI_BASE_URL}/chat/completions"}) << dump();
  EXPECT_EQ(eval(a.model), Strings{"gpt-4o"}) << dump();
  bool env = false;
  for (const auto &assign : facts_.assigns)
    if (assign.value && assign.value->kind == ValueKind::EnvRead) {
      env = true;
      EXPECT_EQ(assign.value->phrase, "read by std::getenv");
      EXPECT_EQ(assign.value->range.begin.line, 27u);
    }
  EXPECT_TRUE(env) << dump();
}

TEST_F(CxxExtract, CurlSigv4AndAppends) {
  run({{"main.cpp", R"cpp(#include <curl/curl.h>
#include <string>

int main() {
  CURL *h = curl_easy_init();
  std::string url = "https://bedrock-runtime.us-east-1.amazonaws.com";
  url += "/model/";
  url.append("openai.gpt-oss-120b-1:0");
  url += "/invoke";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_AWS_SIGV4, "aws:amz:us-east-1:bedrock");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, R"({"messages": [], "max_tokens": 10})");
  return curl_easy_perform(h);
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  const ModelAccess &a = access();
  EXPECT_EQ(eval(a.endpoint), Strings{"https://bedrock-runtime.us-east-1.amazonaws.com/model/openai.gpt-oss-120b-1:0/invoke"})
      << dump();
  EXPECT_EQ(eval(a.region), Strings{"us-east-1"}) << dump();
  EXPECT_EQ(eval(a.cloud), Strings{"aws"}) << dump();
  EXPECT_EQ(a.model, nullptr) << dump();
}

TEST_F(CxxExtract, BranchesJoinAndLoopsTerminate) {
  run({{"main.cpp", R"cpp(#include <cpr/cpr.h>
#include <string>

int main(int argc, char **) {
  std::string host = "https://api.openai.com";
  if (argc > 2)
    host = "https://example.openai.azure.com";
  else if (argc > 1)
    host = "https://bedrock-runtime.us-east-1.amazonaws.com/openai";
  std::string path;
  for (int i = 0; i < argc; ++i)
    path += "/v1";
  cpr::Post(cpr::Url{host + "/chat/completions"}, cpr::Body{R"({"model": "gpt-4o-mini"})"});
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  EXPECT_EQ(eval(access().endpoint),
            (Strings{"https://api.openai.com/chat/completions", "https://example.openai.azure.com/chat/completions",
                     "https://bedrock-runtime.us-east-1.amazonaws.com/openai/chat/completions"}))
      << dump();
  EXPECT_EQ(eval(access().model), Strings{"gpt-4o-mini"}) << dump();
}

TEST_F(CxxExtract, CprSessionAndHttplib) {
  run({{"main.cpp", R"cpp(#include <cpr/cpr.h>
#include <httplib.h>
#include <string>

int main() {
  cpr::Session session;
  session.SetUrl(cpr::Url{"https://api.mistral.ai/v1/chat/completions"});
  session.SetBody(cpr::Body{R"({"model": "mistral-large-latest"})"});
  session.Post();

  httplib::Client cli("https://generativelanguage.googleapis.com");
  std::string body = R"({"model": "gemini-2.0-flash", "contents": []})";
  cli.Post("/v1beta/openai/chat/completions", body, "application/json");

  httplib::SSLClient ssl("bedrock-runtime.us-west-2.amazonaws.com");
  ssl.Post("/openai/v1/chat/completions", httplib::Headers{}, R"({"model": "openai.gpt-oss-20b-1:0"})", "application/json");
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 3u) << dump();
  EXPECT_EQ(access(0).api, "cpr::Session::Post");
  EXPECT_EQ(eval(access(0).endpoint), Strings{"https://api.mistral.ai/v1/chat/completions"}) << dump();
  EXPECT_EQ(eval(access(0).model), Strings{"mistral-large-latest"}) << dump();
  EXPECT_EQ(access(1).api, "cpp-httplib Client::Post");
  EXPECT_EQ(eval(access(1).endpoint), Strings{"https://generativelanguage.googleapis.com/v1beta/openai/chat/completions"})
      << dump();
  EXPECT_EQ(eval(access(1).model), Strings{"gemini-2.0-flash"}) << dump();
  EXPECT_EQ(eval(access(2).endpoint), Strings{"https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1/chat/completions"})
      << dump();
  EXPECT_EQ(eval(access(2).model), Strings{"openai.gpt-oss-20b-1:0"}) << dump();
}

TEST_F(CxxExtract, LiboaiOpenAIAndAzure) {
  run({{"main.cpp", R"cpp(#include "liboai.h"

int main() {
  liboai::OpenAI oai;
  liboai::Conversation convo;
  convo.AddUserData("hi");
  oai.ChatCompletion->create("gpt-4o", convo);

  liboai::OpenAI bedrock("https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1");
  bedrock.ChatCompletion->create("openai.gpt-oss-120b-1:0", convo);

  const std::string resource = "contoso";
  oai.Azure->create_chat_completion(resource, "gpt-4o", "2024-06-01", convo);
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 3u) << dump();
  EXPECT_EQ(access(0).api, "liboai ChatCompletion::create");
  EXPECT_EQ(eval(access(0).endpoint), Strings{"https://api.openai.com/v1"}) << dump();
  EXPECT_EQ(eval(access(0).model), Strings{"gpt-4o"}) << dump();
  EXPECT_EQ(eval(access(1).endpoint), Strings{"https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1"}) << dump();
  EXPECT_EQ(access(2).api, "liboai Azure::create_chat_completion");
  EXPECT_EQ(eval(access(2).endpoint), Strings{"https://contoso.openai.azure.com/openai/deployments/gpt-4o"}) << dump();
  EXPECT_EQ(eval(access(2).model), Strings{"gpt-4o"}) << dump();
}

TEST_F(CxxExtract, OpenaiCppAndNlohmannJson) {
  run({{"main.cpp", R"cpp(#include "openai.hpp"
#include <cstdlib>

int main() {
  openai::start(std::getenv("OPENAI_API_KEY"), "", true, "https://bedrock-mantle.us-east-1.api.aws/openai/v1/");
  auto reply = openai::chat().create(R"({"model": "openai.gpt-oss-120b", "messages": []})"_json);
  nlohmann::json request = {{"model", "gpt-5-mini"}, {"max_tokens", 16}};
  request["model"] = "openai.gpt-5.5";
  openai::chat().create(request);
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 2u) << dump();
  EXPECT_EQ(access(0).api, "openai-cpp chat::create");
  EXPECT_EQ(eval(access(0).model), Strings{"openai.gpt-oss-120b"}) << dump();
  EXPECT_EQ(eval(access(0).endpoint), Strings{"https://bedrock-mantle.us-east-1.api.aws/openai/v1/chat/completions"})
      << dump();
  EXPECT_EQ(eval(access(1).model), Strings{"openai.gpt-5.5"}) << dump();
}

TEST_F(CxxExtract, OpenaiCppDefaultBaseUrl) {
  run({{"main.cpp", R"cpp(#include "openai.hpp"

int main() {
  openai::start();
  openai::chat().create({{"model", "gpt-4o"}});
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  EXPECT_EQ(eval(access().endpoint), (Strings{"${OPENAI_API_BASE}/chat/completions", "https://api.openai.com/v1/chat/completions"}))
      << dump();
  EXPECT_EQ(eval(access().model), Strings{"gpt-4o"}) << dump();
}

TEST_F(CxxExtract, VertexSageMakerAndAgents) {
  run({{"main.cpp", R"cpp(#include "google/cloud/aiplatform/v1/prediction_client.h"
#include <aws/bedrock-agent-runtime/BedrockAgentRuntimeClient.h>
#include <aws/sagemaker-runtime/SageMakerRuntimeClient.h>

namespace vertex = google::cloud::aiplatform_v1;
namespace agents = Aws::BedrockAgentRuntime;

int main() {
  auto client = vertex::PredictionServiceClient(vertex::MakePredictionServiceConnection("us-central1"));
  client.GenerateContent("projects/p/locations/us-central1/publishers/openai/models/gpt-oss-120b-maas", {});
  google::cloud::aiplatform::v1::RawPredictRequest raw;
  raw.set_endpoint("projects/p/locations/us-central1/endpoints/123");
  client.RawPredict(raw);

  Aws::Client::ClientConfiguration config;
  config.region = "ap-northeast-1";
  Aws::SageMakerRuntime::SageMakerRuntimeClient sagemaker(config);
  Aws::SageMakerRuntime::Model::InvokeEndpointRequest invoke;
  invoke.SetEndpointName("gpt-oss-endpoint");
  sagemaker.InvokeEndpoint(invoke);

  agents::BedrockAgentRuntimeClient agent(config);
  agents::Model::InvokeInlineAgentRequest inline_request;
  inline_request.SetFoundationModel("meta.llama3-1-70b-instruct-v1:0");
  agent.InvokeInlineAgent(inline_request);
  agents::Model::KnowledgeBaseRetrieveAndGenerateConfiguration kb;
  kb.SetModelArn("arn:aws:bedrock:ap-northeast-1::foundation-model/openai.gpt-oss-120b-1:0");
  agents::Model::RetrieveAndGenerateConfiguration rag;
  rag.SetKnowledgeBaseConfiguration(kb);
  agents::Model::RetrieveAndGenerateRequest rag_request;
  rag_request.SetRetrieveAndGenerateConfiguration(rag);
  agent.RetrieveAndGenerate(rag_request);
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 5u) << dump();
  EXPECT_EQ(access(0).api, "google-cloud-cpp PredictionServiceClient::GenerateContent");
  EXPECT_EQ(access(0).impliedCloud, "gcp");
  EXPECT_EQ(eval(access(0).model), Strings{"projects/p/locations/us-central1/publishers/openai/models/gpt-oss-120b-maas"})
      << dump();
  EXPECT_EQ(eval(access(0).region), Strings{"us-central1"}) << dump();
  EXPECT_EQ(eval(access(1).model), Strings{"projects/p/locations/us-central1/endpoints/123"}) << dump();
  EXPECT_EQ(access(2).api, "aws-sdk-cpp SageMakerRuntime::InvokeEndpoint");
  EXPECT_EQ(eval(access(2).model), Strings{"gpt-oss-endpoint"}) << dump();
  EXPECT_EQ(eval(access(2).region), Strings{"ap-northeast-1"}) << dump();
  EXPECT_EQ(eval(access(3).model), Strings{"meta.llama3-1-70b-instruct-v1:0"}) << dump();
  EXPECT_EQ(eval(access(4).model), Strings{"arn:aws:bedrock:ap-northeast-1::foundation-model/openai.gpt-oss-120b-1:0"})
      << dump();
}

TEST_F(CxxExtract, EnvHelperIsEvaluatedPerCallSite) {
  run({{"main.cpp", R"cpp(#include <cpr/cpr.h>
#include <cstdlib>
#include <string>

static std::string envOr(const char *name, const char *fallback) {
  const char *value = std::getenv(name);
  return value ? value : fallback;
}

int main() {
  std::string base = envOr("LLM_BASE_URL", "https://api.openai.com/v1");
  cpr::Post(cpr::Url{base + "/chat/completions"}, cpr::Body{R"({"model": "gpt-4o"})"});
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  EXPECT_EQ(eval(access().endpoint),
            (Strings{"${LLM_BASE_URL}/chat/completions", "https://api.openai.com/v1/chat/completions"}))
      << dump();
}

TEST_F(CxxExtract, SwitchReturnAndStaticMembers) {
  run({{"main.cpp", R"cpp(#include <httplib.h>
#include <sstream>
#include <string>
#include <string_view>

struct Endpoints {
  static constexpr std::string_view kAzure = "https://contoso.openai.azure.com";
  static const char *const kOpenAI;
};
const char *const Endpoints::kOpenAI = "https://api.openai.com";

std::string hostFor(int kind) {
  std::string host;
  switch (kind) {
  case 0:
    return std::string(Endpoints::kAzure);
  case 1:
    host = Endpoints::kOpenAI;
    break;
  default:
    host = "https://bedrock-runtime.us-east-1.amazonaws.com";
    break;
  }
  return host;
}

int main(int argc, char **) {
  std::ostringstream path;
  path << "/openai" << "/v1/chat/completions";
  httplib::Client client(hostFor(argc));
  client.Post(path.str(), "{}", "application/json");
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  EXPECT_EQ(eval(access().endpoint),
            (Strings{"https://contoso.openai.azure.com/openai/v1/chat/completions",
                     "https://api.openai.com/openai/v1/chat/completions",
                     "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions"}))
      << dump();
  EXPECT_EQ(access().model, nullptr) << dump();
}

TEST_F(CxxExtract, TablesDecideWhatIsASink) {
  // A class that looks like an SDK but is not in the tables is not an access.
  run({{"main.cpp", R"cpp(#include <string>
namespace mycorp {
struct Client {
  void Converse(const std::string &model);
  void Post(const std::string &url);
};
} // namespace mycorp
int main() {
  mycorp::Client client;
  client.Converse("openai.gpt-oss-120b-1:0");
  client.Post("https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1");
}
)cpp"}});
  EXPECT_TRUE(facts_.accesses.empty()) << dump();
}

TEST_F(CxxExtract, CrossTranslationUnitByUsr) {
  run({{"config.h", R"cpp(#pragma once
#include <string>
extern const char *const kBedrockModel;
std::string bedrockRegion();
)cpp"},
       {"config.cpp", R"cpp(#include "config.h"
const char *const kBedrockModel = "openai.gpt-oss-20b-1:0";
std::string bedrockRegion() { return "us-east-2"; }
)cpp"},
       {"main.cpp", R"cpp(#include "config.h"
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>

int main() {
  Aws::Client::ClientConfiguration config;
  config.region = bedrockRegion().c_str();
  Aws::BedrockRuntime::BedrockRuntimeClient client(config);
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId(kBedrockModel);
  client.Converse(request);
}
)cpp"}});
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  EXPECT_EQ(eval(access().model), Strings{"openai.gpt-oss-20b-1:0"}) << dump();
  EXPECT_EQ(eval(access().region), Strings{"us-east-2"}) << dump();
}

TEST_F(CxxExtract, MissingHeadersRecoverByName) {
  run({{"main.cpp", R"cpp(#include <cpr/cpr.h>
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <string>

int main() {
  std::string url = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions";
  cpr::Post(cpr::Url{url}, cpr::Body{R"({"model": "openai.gpt-oss-20b-1:0"})"});
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId("openai.gpt-oss-120b-1:0");
  client.Converse(request);
  curl_easy_setopt(handle, CURLOPT_URL, "https://api.openai.com/v1/chat/completions");
  curl_easy_perform(handle);
}
)cpp"}},
      /*sdk=*/false);
  ASSERT_EQ(facts_.accesses.size(), 3u) << dump();
  const ModelAccess *cpr = nullptr, *converse = nullptr, *curl = nullptr;
  for (const auto &a : facts_.accesses) {
    EXPECT_EQ(a.confidence, 0.5) << a.api;
    if (a.api == "cpr::Post")
      cpr = &a;
    if (a.api == "aws-sdk-cpp BedrockRuntime::Converse")
      converse = &a;
    if (a.api == "libcurl curl_easy_perform")
      curl = &a;
  }
  ASSERT_TRUE(cpr && converse && curl) << dump();
  EXPECT_EQ(cpr->range.begin.line, 7u);
  EXPECT_EQ(cpr->range.begin.column, 3u);
  EXPECT_EQ(eval(cpr->endpoint), Strings{"https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions"})
      << dump();
  EXPECT_EQ(eval(cpr->model), Strings{"openai.gpt-oss-20b-1:0"}) << dump();
  EXPECT_EQ(converse->range.begin.line, 10u);
  EXPECT_EQ(converse->range.begin.column, 10u);
  EXPECT_EQ(eval(converse->model), Strings{"openai.gpt-oss-120b-1:0"}) << dump();
  EXPECT_EQ(curl->range.begin.line, 12u);
  ASSERT_EQ(facts_.diagnostics.size(), 1u) << dump();
  EXPECT_EQ(facts_.diagnostics[0].level, Level::Note);
  EXPECT_EQ(facts_.diagnostics[0].range.begin.line, 1u);
  EXPECT_NE(facts_.diagnostics[0].message.find("not found"), std::string::npos) << dump();
}

TEST_F(CxxExtract, NoDatabaseUsesDefaultCommand) {
  run({{"include/app/model.h", R"cpp(#pragma once
inline constexpr const char *kModel = "gpt-4o";
)cpp"},
       {"src/main.cpp", R"cpp(#include "app/model.h"
#include <string>
std::string chosen = kModel;
)cpp"}},
      /*sdk=*/false, /*database=*/false);
  ASSERT_GE(facts_.diagnostics.size(), 1u) << dump();
  EXPECT_NE(facts_.diagnostics[0].message.find("no compile_commands.json"), std::string::npos) << dump();
  EXPECT_EQ(facts_.diagnostics.size(), 1u) << dump(); // the include directory was found
  bool found = false;
  for (const auto &assign : facts_.assigns)
    found = found || (assign.phrase == "value of chosen" && eval(assign.value) == Strings{"gpt-4o"});
  EXPECT_TRUE(found) << dump();
}

TEST_F(CxxExtract, UsesTheTextGivenNotTheDisk) {
  // An editor's unsaved buffer: the SourceFile's text wins over the file on disk.
  fs::path path = fs::path(dir_) / "main.cpp";
  std::ofstream(path) << "int main() {}\n";
  std::ofstream(fs::path(dir_) / "compile_commands.json")
      << R"([{"directory": ")" << dir_ << R"(", "file": ")" << path.string()
      << R"(", "arguments": ["clang++", "-std=c++17", "-I)" << kSdk << R"(", "-c", "main.cpp"]}])";
  SourceFile file{path.string(), R"cpp(#include <cpr/cpr.h>
int main() { cpr::Post(cpr::Url{"https://api.openai.com/v1/chat/completions"}); }
)cpp"};
  cxx::Options options;
  options.buildDir = dir_;
  cxx::analyze({&file}, options, facts_);
  ASSERT_EQ(facts_.accesses.size(), 1u) << dump();
  EXPECT_EQ(eval(access().endpoint), Strings{"https://api.openai.com/v1/chat/completions"}) << dump();
}

TEST_F(CxxExtract, ThreadsGiveTheSameFacts) {
  std::map<std::string, std::string> files;
  for (int i = 0; i < 4; ++i)
    files["unit" + std::to_string(i) + ".cpp"] = "#include <cpr/cpr.h>\nint f" + std::to_string(i) +
                                                 R"(() { return cpr::Post(cpr::Url{"https://host)" + std::to_string(i) +
                                                 R"(.example.com"}).status_code; }
)";
  run(files);
  std::string single = dump();
  std::vector<SourceFile> sources;
  for (const auto &[name, text] : files)
    sources.push_back(SourceFile{(fs::path(dir_) / name).string(), text});
  std::vector<const SourceFile *> pointers;
  for (const auto &file : sources)
    pointers.push_back(&file);
  cxx::Options options;
  options.buildDir = dir_;
  options.threads = 3;
  facts_ = Facts{};
  cxx::analyze(pointers, options, facts_);
  EXPECT_EQ(dump(), single);
  EXPECT_EQ(facts_.accesses.size(), 4u);
}

TEST_F(CxxExtract, BrokenCodeIsANoteNotACrash) {
  run({{"main.cpp", "int main() { return }\n#include <nonexistent/header.h>\nstruct { int x; } y = ;\n"}}, false);
  ASSERT_EQ(facts_.diagnostics.size(), 1u) << dump();
  EXPECT_EQ(facts_.diagnostics[0].level, Level::Note);
  EXPECT_EQ(facts_.diagnostics[0].range.begin.line, 1u);
}

} // namespace
