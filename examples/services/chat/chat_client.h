#pragma once
#include <string>

// Talks to an OpenAI-compatible chat completions endpoint.
class ChatClient {
public:
  ChatClient(std::string baseUrl, std::string model, std::string apiKey);
  std::string complete(const std::string &prompt);

private:
  std::string baseUrl_;
  std::string model_;
  std::string apiKey_;
};
