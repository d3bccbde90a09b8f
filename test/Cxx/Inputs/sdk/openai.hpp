// Stub of olrea/openai-cpp's openai.hpp (declarations only, for cloudpact's tests).
#pragma once
#include "nlohmann/json.hpp"
#include <string>

namespace openai {
namespace _detail {
using Json = nlohmann::json;
class OpenAI;

struct CategoryChat {
  CategoryChat(OpenAI &openai);
  Json create(Json input);
};
struct CategoryCompletion {
  CategoryCompletion(OpenAI &openai);
  Json create(Json input);
};
struct CategoryEmbedding {
  CategoryEmbedding(OpenAI &openai);
  Json create(Json input);
};

class OpenAI {
public:
  OpenAI(const std::string &token = "", const std::string &organization = "", bool throw_exception = true,
         const std::string &api_base_url = "");
  void setBaseUrl(const std::string &url);
  void setToken(const std::string &token = "", const std::string &organization = "");

  CategoryCompletion completion{*this};
  CategoryEmbedding embedding{*this};
  CategoryChat chat{*this};
};

OpenAI &start(const std::string &token = "", const std::string &organization = "", bool throw_exception = true,
              const std::string &api_base_url = "");
OpenAI &instance();
CategoryCompletion &completion();
CategoryEmbedding &embedding();
CategoryChat &chat();
} // namespace _detail

using _detail::OpenAI;
using _detail::start;
using _detail::instance;
using _detail::completion;
using _detail::embedding;
using _detail::chat;
using _detail::Json;
} // namespace openai
