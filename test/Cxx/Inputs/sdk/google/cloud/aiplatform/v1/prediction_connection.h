// Stub of google-cloud-cpp (declarations only, for cloudpact's tests).
#pragma once
#include "google/cloud/aiplatform/v1/prediction_service.pb.h"
#include "google/cloud/options.h"
#include <memory>
#include <string>

namespace google {
namespace cloud {
namespace aiplatform_v1 {
inline namespace v2_29 {
class PredictionServiceConnection {
public:
  virtual ~PredictionServiceConnection();
};
std::shared_ptr<PredictionServiceConnection> MakePredictionServiceConnection(std::string const &location,
                                                                             Options options = {});
} // namespace v2_29
} // namespace aiplatform_v1
} // namespace cloud
} // namespace google
