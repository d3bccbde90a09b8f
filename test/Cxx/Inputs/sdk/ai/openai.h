// Stub of ClickHouse/ai-sdk-cpp's ai/openai.h (declarations only, for cloudpact's tests).
#pragma once
#include "ai/client.h"

namespace ai::openai {
namespace models {
constexpr const char *kGpt41 = "gpt-4.1";
constexpr const char *kGpt41Mini = "gpt-4.1-mini";
} // namespace models
Client create_client();
Client create_client(const std::string &api_key);
Client create_client(const std::string &api_key, const std::string &base_url);
} // namespace ai::openai
