// RUN: %check_cloudpact %s %t
// Struct and class fields: set by a default member initializer, a constructor's initializer
// list and aggregate initialization, read in another method (fields are keyed by declaration).
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>
#include <string>

struct ModelSettings {
  std::string family;
  std::string version = "1:0";
};

class Assistant {
public:
  explicit Assistant(const ModelSettings &settings) : prefix_("openai.") {
    model_ = prefix_ + settings.family + "-" + settings.version;
  }

  void ask() {
    Aws::BedrockRuntime::Model::ConverseRequest request;
    request.SetModelId(model_);
    client_.Converse(request);
    // CHECK-NOTES: :[[@LINE-1]]:13: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws; the openai contract allows only azure, openai [exclusivity-call]
    // CHECK-NOTES: :15:63: note: assigned to field prefix_
    // CHECK-NOTES: :39:37: note: assigned to field family
    // CHECK-NOTES: :16:42: note: value '-'
    // CHECK-NOTES: :10:25: note: assigned to field version
    // CHECK-NOTES: :16:5: note: assigned to model_
    // CHECK-NOTES: :[[@LINE-8]]:13: note: passed to SetModelId
  }

private:
  std::string prefix_;
  std::string model_;
  Aws::BedrockRuntime::BedrockRuntimeClient client_;
};

int main() {
  Assistant assistant(ModelSettings{"gpt-oss-120b"});
  assistant.ask();
}
