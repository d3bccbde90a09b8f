// RUN: %check_cloudpact %s %t
// google-cloud-cpp Vertex AI: the connection's location is the region; GenerateContent names a
// publisher model, Predict and RawPredict an endpoint resource.
#include "google/cloud/aiplatform/v1/prediction_client.h"

namespace vertex = google::cloud::aiplatform_v1;
namespace proto = google::cloud::aiplatform::v1;

int main() {
  auto client = vertex::PredictionServiceClient(vertex::MakePredictionServiceConnection("us-central1"));
  client.GenerateContent("projects/acme/locations/us-central1/publishers/openai/models/gpt-oss-120b-maas", {});
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: call to openai model 'projects/acme/locations/us-central1/publishers/openai/models/gpt-oss-120b-maas' goes through gcp in us-central1; the openai contract allows only azure, openai [exclusivity-call]

  proto::GenerateContentRequest request;
  request.set_model("projects/acme/locations/us-central1/publishers/google/models/gemini-2.5-flash");
  client.GenerateContent(request);

  client.Predict("projects/acme/locations/us-central1/endpoints/1234567890", {}, google::protobuf::Value());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: cannot check the route of this model access: the model's provider is not known: model id 'projects/acme/locations/us-central1/endpoints/1234567890' matches no provider pattern [unresolved-route]
  proto::RawPredictRequest raw;
  raw.set_endpoint("projects/acme/locations/us-central1/publishers/anthropic/models/claude-sonnet-4@20250514");
  client.RawPredict(raw);
}
