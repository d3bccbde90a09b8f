// Stub of the protobuf messages google-cloud-cpp uses (declarations only, for cloudpact's tests).
#pragma once
#include <string>

namespace google {
namespace protobuf {
class Value {
public:
  Value();
  void set_string_value(const std::string &value);
};
} // namespace protobuf
namespace api {
class HttpBody {
public:
  HttpBody();
  void set_content_type(const std::string &value);
  void set_data(const std::string &value);
};
} // namespace api
namespace cloud {
namespace aiplatform {
namespace v1 {
class Part {
public:
  void set_text(const std::string &value);
};
class Content {
public:
  Content();
  void set_role(const std::string &value);
  Part *add_parts();
};
class GenerateContentRequest {
public:
  GenerateContentRequest();
  const std::string &model() const;
  void set_model(const std::string &value);
  Content *add_contents();
};
class GenerateContentResponse {};
class PredictRequest {
public:
  PredictRequest();
  void set_endpoint(const std::string &value);
};
class PredictResponse {};
class RawPredictRequest {
public:
  RawPredictRequest();
  void set_endpoint(const std::string &value);
};
} // namespace v1
} // namespace aiplatform
} // namespace cloud
} // namespace google
