// RUN: %check_cloudpact %s %t
// A compliant service: every OpenAI model it calls goes through Azure OpenAI, with the resource
// and deployment names kept in constants and a helper that builds the URL. No CHECK lines:
// cloudpact must print nothing.
#include <curl/curl.h>
#include <httplib.h>
#include <string>

namespace config {
constexpr const char *kResource = "contoso-prod";
constexpr const char *kApiVersion = "2024-10-21";
} // namespace config

static std::string deploymentUrl(const std::string &deployment) {
  return std::string("https://") + config::kResource + ".openai.azure.com/openai/deployments/" + deployment +
         "/chat/completions?api-version=" + config::kApiVersion;
}

int summarize() {
  CURL *curl = curl_easy_init();
  std::string url = deploymentUrl("gpt-4o");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, R"({"model": "gpt-4o", "messages": []})");
  return curl_easy_perform(curl);
}

int classify() {
  httplib::Client azure(std::string("https://") + config::kResource + ".openai.azure.com");
  auto result = azure.Post("/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21",
                           R"({"model": "gpt-4o-mini", "messages": []})", "application/json");
  return result ? 0 : 1;
}

int main() { return summarize() + classify(); }
