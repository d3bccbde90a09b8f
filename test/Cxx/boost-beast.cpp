// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . boost-beast.cpp | FileCheck --check-prefix=ROUTES %s
// ROUTES: openai openai.gpt-oss-120b-1:0 aws us-west-2 bedrock-runtime.us-west-2.amazonaws.com Boost.Beast http::write call violation
// ROUTES: openai gpt-4o azure - contoso.openai.azure.com Boost.Beast http::write call allowed
// ROUTES: 2 routes (1 violating, 0 unresolved)
// Boost.Beast: writing an HTTP request is the access. The Host header field and the target
// (given to the constructor or set later) make the endpoint; the JSON body's "model" is the model.
#include <boost/beast/http.hpp>
#include <string>

namespace http = boost::beast::http;

struct Stream {};

void send(Stream &stream, const std::string &host) {
  http::request<http::string_body> req{http::verb::post, "/openai/v1/chat/completions", 11};
  req.set(http::field::host, host);
  req.set(http::field::content_type, "application/json");
  req.body() = R"({"model": "openai.gpt-oss-120b-1:0", "messages": []})";
  req.prepare_payload();
  http::write(stream, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock-runtime.us-west-2.amazonaws.com) in us-west-2; the openai contract allows only azure, openai [exclusivity-call]
}

void sendToAzure(Stream &stream) {
  http::request<http::string_body> req;
  req.method(http::verb::post);
  req.target("/openai/deployments/chat/chat/completions?api-version=2024-10-21");
  req.set(http::field::host, "contoso.openai.azure.com");
  req.body() = R"({"model": "gpt-4o"})";
  http::write(stream, req);
}

int main() {
  Stream stream;
  send(stream, "bedrock-runtime.us-west-2.amazonaws.com");
  sendToAzure(stream);
}
