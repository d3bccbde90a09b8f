// Stub of liboai's liboai.h (declarations only, for cloudpact's tests).
#pragma once
#include "components/azure.h"
#include "components/chat.h"
#include "components/completions.h"
#include "components/embeddings.h"
#include <memory>
#include <string>

namespace liboai {
class OpenAI final {
public:
  OpenAI(const std::string &root = "https://api.openai.com/v1");
  OpenAI(OpenAI const &) = delete;
  OpenAI(OpenAI &&) = delete;

  std::unique_ptr<liboai::Azure> Azure;
  std::unique_ptr<liboai::ChatCompletion> ChatCompletion;
  std::unique_ptr<liboai::Completions> Completion;
  std::unique_ptr<liboai::Embeddings> Embedding;
  Authorization &auth;
};
} // namespace liboai
