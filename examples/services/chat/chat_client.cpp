#include "chat_client.h"

#include <curl/curl.h>

#include <utility>

namespace {
size_t collect(char *data, size_t size, size_t count, void *out) {
  static_cast<std::string *>(out)->append(data, size * count);
  return size * count;
}
} // namespace

ChatClient::ChatClient(std::string baseUrl, std::string model, std::string apiKey)
    : baseUrl_(std::move(baseUrl)), model_(std::move(model)), apiKey_(std::move(apiKey)) {}

std::string ChatClient::complete(const std::string &prompt) {
  std::string url = baseUrl_ + "/chat/completions";
  std::string body = "{\"model\": \"" + model_ + "\", \"messages\": [{\"role\": \"user\", \"content\": \"" + prompt + "\"}]}";
  std::string response;
  CURL *curl = curl_easy_init();
  curl_slist *headers = curl_slist_append(nullptr, ("Authorization: Bearer " + apiKey_).c_str());
  headers = curl_slist_append(headers, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
  curl_easy_perform(curl);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return response;
}
