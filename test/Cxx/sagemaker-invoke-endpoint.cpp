// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact facts -p . sagemaker-invoke-endpoint.cpp | FileCheck --check-prefix=FACTS %s
// SageMaker names an endpoint, not a model: the endpoint name is the access's model value and
// the cloud is AWS. Which model the endpoint serves is in the infrastructure (Terraform).
#include <aws/sagemaker-runtime/SageMakerRuntimeClient.h>

int main() {
  Aws::Client::ClientConfiguration config;
  config.region = "eu-west-1";
  Aws::SageMakerRuntime::SageMakerRuntimeClient runtime(config);
  Aws::SageMakerRuntime::Model::InvokeEndpointRequest request;
  request.SetEndpointName("gpt-oss-120b-endpoint");
  // FACTS: assign {{.*}}@request.EndpointName = "gpt-oss-120b-endpoint" @ sagemaker-invoke-endpoint.cpp:[[@LINE-1]]:11 "passed to SetEndpointName"
  request.SetContentType("application/json");
  runtime.InvokeEndpoint(request);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: call to openai model 'gpt-oss-120b-endpoint' goes through aws in eu-west-1; the openai contract allows only azure, openai [exclusivity-call]
  // FACTS: access call aws-sdk-cpp SageMakerRuntime::InvokeEndpoint model=ref({{.*}}@request.EndpointName) endpoint=- region=ref({{.*}}@runtime.region) provider=- cloud=- @ sagemaker-invoke-endpoint.cpp:[[@LINE-2]]:11 subject=main implied=aws
}
