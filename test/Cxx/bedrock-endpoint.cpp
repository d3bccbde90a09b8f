// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . bedrock-endpoint.cpp | FileCheck --check-prefix=ROUTES %s
// endpointOverride of the configuration and OverrideEndpoint on the client are the access's
// endpoint; the endpoint does not change the cloud Bedrock fixes.
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>

int main() {
  Aws::Client::ClientConfiguration config;
  config.region = "us-east-1";
  config.endpointOverride = "https://bedrock-runtime-fips.us-east-1.amazonaws.com";
  Aws::BedrockRuntime::BedrockRuntimeClient fips(config);
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId("meta.llama3-1-70b-instruct-v1:0");
  fips.Converse(request);
  // ROUTES: meta meta.llama3-1-70b-instruct-v1:0 aws us-east-1 bedrock-runtime-fips.us-east-1.amazonaws.com aws-sdk-cpp BedrockRuntime::Converse call allowed bedrock-endpoint.cpp:[[@LINE-1]]:8

  Aws::BedrockRuntime::BedrockRuntimeClient vpc;
  vpc.OverrideEndpoint("https://vpce-0123.bedrock-runtime.us-east-1.vpce.amazonaws.com");
  vpc.Converse(request);
  // ROUTES: meta meta.llama3-1-70b-instruct-v1:0 aws - vpce-0123.bedrock-runtime.us-east-1.vpce.amazonaws.com aws-sdk-cpp BedrockRuntime::Converse call allowed bedrock-endpoint.cpp:[[@LINE-1]]:7
}
