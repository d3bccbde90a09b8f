// RUN: %check_cloudpact %s %t
// libcurl: the access is curl_easy_perform; CURLOPT_URL set on the handle is its endpoint and
// the "model" of the CURLOPT_POSTFIELDS JSON body its model.
#include <curl/curl.h>
#include <string>

int main() {
  CURL *curl = curl_easy_init();
  std::string url = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions";
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  const char *body = R"({"model": "openai.gpt-oss-20b-1:0", "messages": [{"role": "user", "content": "hi"}]})";
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
  CURLcode status = curl_easy_perform(curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: error: call to openai model 'openai.gpt-oss-20b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
  curl_easy_cleanup(curl);
  return status == CURLE_OK ? 0 : 1;
}
