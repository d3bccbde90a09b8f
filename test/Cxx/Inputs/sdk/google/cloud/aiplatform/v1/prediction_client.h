// Stub of google-cloud-cpp (declarations only, for cloudpact's tests).
#pragma once
#include "google/cloud/aiplatform/v1/prediction_connection.h"
#include "google/cloud/status_or.h"
#include <vector>

namespace google {
namespace cloud {
namespace aiplatform_v1 {
inline namespace v2_29 {
class PredictionServiceClient {
public:
  explicit PredictionServiceClient(std::shared_ptr<PredictionServiceConnection> connection, Options opts = {});
  ~PredictionServiceClient();

  StatusOr<google::cloud::aiplatform::v1::PredictResponse>
  Predict(std::string const &endpoint, std::vector<google::protobuf::Value> const &instances,
          google::protobuf::Value const &parameters, Options opts = {});
  StatusOr<google::cloud::aiplatform::v1::PredictResponse>
  Predict(google::cloud::aiplatform::v1::PredictRequest const &request, Options opts = {});

  StatusOr<google::api::HttpBody> RawPredict(std::string const &endpoint, google::api::HttpBody const &http_body,
                                             Options opts = {});
  StatusOr<google::api::HttpBody> RawPredict(google::cloud::aiplatform::v1::RawPredictRequest const &request,
                                             Options opts = {});

  StatusOr<google::cloud::aiplatform::v1::GenerateContentResponse>
  GenerateContent(std::string const &model, std::vector<google::cloud::aiplatform::v1::Content> const &contents,
                  Options opts = {});
  StatusOr<google::cloud::aiplatform::v1::GenerateContentResponse>
  GenerateContent(google::cloud::aiplatform::v1::GenerateContentRequest const &request, Options opts = {});
};
} // namespace v2_29
} // namespace aiplatform_v1
} // namespace cloud
} // namespace google
