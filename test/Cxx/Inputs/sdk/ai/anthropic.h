// Stub of ClickHouse/ai-sdk-cpp's ai/anthropic.h (declarations only, for cloudpact's tests).
#pragma once
#include "ai/client.h"

namespace ai::anthropic {
Client create_client();
Client create_client(const std::string &api_key);
Client create_client(const std::string &api_key, const std::string &base_url);
} // namespace ai::anthropic
