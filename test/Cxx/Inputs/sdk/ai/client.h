// Stub of ClickHouse/ai-sdk-cpp's client and option types (declarations only, for cloudpact's tests).
#pragma once
#include <string>
#include <vector>

namespace ai {

struct GenerateOptions {
  std::string model;
  std::string system;
  std::string prompt;
  GenerateOptions() = default;
  GenerateOptions(std::string model_name, std::string user_prompt);
  GenerateOptions(std::string model_name, std::string system_prompt, std::string user_prompt);
};

struct StreamOptions : public GenerateOptions {
  StreamOptions() = default;
  explicit StreamOptions(GenerateOptions options);
};

struct EmbeddingOptions {
  std::string model;
  EmbeddingOptions() = default;
  EmbeddingOptions(std::string model_name, std::string input);
};

struct GenerateResult {
  std::string text;
  explicit operator bool() const;
};
struct StreamResult {};
struct EmbeddingResult {};

class Client {
public:
  Client() = default;
  Client(Client &&other) noexcept = default;
  virtual ~Client() = default;
  virtual GenerateResult generate_text(const GenerateOptions &options);
  virtual StreamResult stream_text(const StreamOptions &options);
  virtual EmbeddingResult embeddings(const EmbeddingOptions &options);
};

} // namespace ai
