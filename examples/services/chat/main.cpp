#include "chat_client.h"

#include <cstdlib>
#include <iostream>
#include <string>

namespace {
std::string envOr(const char *name, const char *fallback) {
  const char *value = std::getenv(name);
  return value ? value : fallback;
}
} // namespace

int main(int argc, char **argv) {
  ChatClient client(envOr("OPENAI_BASE_URL", "https://api.openai.com/v1"), envOr("OPENAI_MODEL", "gpt-4o-mini"),
                    envOr("OPENAI_API_KEY", ""));
  std::string prompt = argc > 1 ? argv[1] : "Where is my order?";
  std::cout << client.complete(prompt) << "\n";
  return 0;
}
