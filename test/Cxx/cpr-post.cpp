// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact routes -p . cpr-post.cpp | FileCheck --check-prefix=ROUTES %s
// cpr: Url and Body are picked among the arguments by type, in any order; a Session keeps the
// Url and Body set on it until Post.
#include <cpr/cpr.h>
#include <string>

int main() {
  cpr::Response r = cpr::Post(cpr::Header{{"Content-Type", "application/json"}},
                              cpr::Body{R"({"model": "openai/gpt-oss-120b-maas", "messages": []})"},
                              cpr::Url{"https://us-central1-aiplatform.googleapis.com/v1/projects/acme/locations/"
                                       "us-central1/endpoints/openapi/chat/completions"});
  // CHECK-MESSAGES: :[[@LINE-4]]:21: error: call to openai model 'openai/gpt-oss-120b-maas' goes through gcp (us-central1-aiplatform.googleapis.com) in us-central1; the openai contract allows only azure, openai [exclusivity-call]

  auto pending = cpr::PostAsync(cpr::Url{"https://api.openai.com/v1/chat/completions"},
                                cpr::Body{R"({"model": "gpt-4.1"})"});
  // ROUTES-DAG: openai gpt-4.1 openai - api.openai.com cpr::PostAsync call allowed cpr-post.cpp:[[@LINE-2]]:18

  cpr::Session session;
  session.SetUrl(cpr::Url{"https://inference.generativeai.us-chicago-1.oci.oraclecloud.com/20231130/actions/chat"});
  session.SetBody(cpr::Body{R"({"model": "openai.gpt-oss-120b"})"});
  session.Post();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: call to openai model 'openai.gpt-oss-120b' goes through oci (inference.generativeai.us-chicago-1.oci.oraclecloud.com) in us-chicago-1; the openai contract allows only azure, openai [exclusivity-call]

  cpr::Session azure;
  azure.SetOption(cpr::Url{"https://contoso.openai.azure.com/openai/v1/chat/completions"});
  azure.SetOption(cpr::Body{R"({"model": "gpt-4o"})"});
  azure.Post();
  // ROUTES-DAG: openai gpt-4o azure - contoso.openai.azure.com cpr::Session::Post call allowed cpr-post.cpp:[[@LINE-1]]:9
  return r.status_code == 200 && pending.get().status_code == 200 ? 0 : 1;
}
