#!/usr/bin/env bash
# Per-TU cost of the C++ frontend against Clang's own parse of the same TU.
# Usage: bench/cxx-overhead.sh [BUILD_DIR] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sdk="$root/test/Cxx/Inputs/sdk"
cat > "$work/tu.cpp" <<'CPP'
#include <aws/bedrock-runtime/BedrockRuntimeClient.h>
#include <aws/bedrock-runtime/model/ConverseRequest.h>
#include <curl/curl.h>
#include <cstdlib>
#include <iostream>
#include <map>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace {
std::string envOr(const char *name, const char *fallback) {
  const char *value = std::getenv(name);
  return value ? value : fallback;
}

struct Settings {
  std::string model = envOr("CHAT_MODEL", "openai.gpt-oss-20b-1:0");
  std::string region = envOr("AWS_REGION", "us-west-2");
  std::string url = envOr("OPENAI_BASE_URL", "https://api.openai.com/v1");
};

void converse(const Settings &settings) {
  Aws::Client::ClientConfiguration config;
  config.region = settings.region;
  Aws::BedrockRuntime::BedrockRuntimeClient client(config);
  Aws::BedrockRuntime::Model::ConverseRequest request;
  request.SetModelId(settings.model);
  client.Converse(request);
}

void post(const Settings &settings) {
  std::string body = "{\"model\": \"" + settings.model + "\"}";
  std::string url = settings.url + "/chat/completions";
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(curl);
}
} // namespace

int main() {
  Settings settings;
  std::map<std::string, std::regex> patterns{{"a", std::regex("x+")}};
  std::thread worker([&] { converse(settings); });
  post(settings);
  worker.join();
  std::cout << patterns.size() << "\n";
}
CPP
cat > "$work/compile_commands.json" <<JSON
[{"directory": "$work", "file": "$work/tu.cpp", "arguments": ["clang++", "-std=c++17", "-I$sdk", "-c", "tu.cpp"]}]
JSON
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { # command... → seconds
  local start end
  start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N)
  echo "$end - $start" | bc
}
clang_times=() tool_times=()
for _ in $(seq "$runs"); do
  clang_times+=("$(cd "$work" && timeit /usr/lib/llvm-19/bin/clang++ -std=c++17 -fsyntax-only -I"$sdk" tu.cpp)")
  tool_times+=("$(cd "$work" && timeit "$build/bin/cloudpact" facts -j 1 -p . tu.cpp)")
done
clang=$(printf '%s\n' "${clang_times[@]}" | median)
tool=$(printf '%s\n' "${tool_times[@]}" | median)
printf 'clang++ -fsyntax-only: %.2f s (median of %d)\n' "$clang" "$runs"
printf 'cloudpact facts -j 1:  %.2f s (median of %d), %+.0f%%\n' "$tool" "$runs" "$(echo "($tool / $clang - 1) * 100" | bc -l)"
