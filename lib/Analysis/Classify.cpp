#include "Analysis/Classify.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace cloudpact {

namespace {

// A hole in a shape is rendered as this byte while matching; no literal contains it.
constexpr char kHole = '\x01';

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string flatten(const Shape &shape) {
  std::string out;
  for (const Piece &piece : shape.pieces)
    out += piece.hole ? std::string(1, kHole) : piece.text;
  return out;
}

std::string render(std::string_view flat) {
  std::string out;
  for (char c : flat) {
    if (c == kHole)
      out += "…";
    else
      out += c;
  }
  return out;
}

struct Alias {
  const char *from;
  const char *to;
};

// Spellings of provider names in model ids, publisher paths and deployment formats.
const Alias kProviderAliases[] = {
    {"openai", "openai"},         {"azure openai", "openai"}, {"meta-llama", "meta"},
    {"mistralai", "mistral"},     {"mistral ai", "mistral"},  {"deepseek-ai", "deepseek"},
    {"ai21 labs", "ai21"},        {"ai21labs", "ai21"},       {"cohere", "cohere"},
    {"anthropic", "anthropic"},   {"google", "google"},       {"x.ai", "xai"},
    {"microsoft", "microsoft"},   {"qwen", "qwen"},           {"black forest labs", "bfl"},
};

const Alias kCloudAliases[] = {
    {"aws", "aws"},          {"amazon", "aws"},          {"amazon web services", "aws"},
    {"bedrock", "aws"},      {"azure", "azure"},         {"microsoft azure", "azure"},
    {"gcp", "gcp"},          {"google cloud", "gcp"},    {"google", "gcp"},
    {"vertex", "gcp"},       {"vertex_ai", "gcp"},       {"oci", "oci"},
    {"oracle", "oci"},       {"oracle cloud", "oci"},    {"cloudflare", "cloudflare"},
    {"openai", "openai"},    {"anthropic", "anthropic"},
};

} // namespace

std::string normalizeProvider(std::string_view name) {
  std::string key = lower(name);
  for (const Alias &alias : kProviderAliases)
    if (key == alias.from)
      return alias.to;
  return key;
}

std::string normalizeCloud(std::string_view name) {
  std::string key = lower(name);
  for (const Alias &alias : kCloudAliases)
    if (key == alias.from)
      return alias.to;
  return key;
}

std::string normalizeModelName(std::string_view model) {
  std::string out(model);
  static const RE2 versionSuffix(R"((-v\d+(?::\d+)*|-\d+:\d+|:\d+|@[^/]*|-maas)$)");
  for (int i = 0; i < 3; ++i)
    if (!RE2::Replace(&out, versionSuffix, ""))
      break;
  return out;
}

struct Classifier::CompiledProvider {
  ProviderRule rule;
  std::unique_ptr<RE2> regex;
  int providerGroup = -1, modelGroup = -1, innerGroup = -1;
};

struct Classifier::CompiledCloud {
  CloudRule rule;
  std::unique_ptr<RE2> regex;
  int regionGroup = -1;
  std::string trailing; // literal tail after the last wildcard: must not overlap a hole
};

Classifier::Classifier(const Policy &policy) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingLatin1); // a hole byte is a character
  for (const ProviderRule &rule : policy.providers) {
    auto compiled = std::make_unique<CompiledProvider>();
    compiled->rule = rule;
    compiled->regex = std::make_unique<RE2>(rule.pattern, options);
    if (!compiled->regex->ok())
      continue; // the loader reports bad patterns
    const auto &groups = compiled->regex->NamedCapturingGroups();
    if (auto it = groups.find("provider"); it != groups.end()) compiled->providerGroup = it->second;
    if (auto it = groups.find("model"); it != groups.end()) compiled->modelGroup = it->second;
    if (auto it = groups.find("inner"); it != groups.end()) compiled->innerGroup = it->second;
    providers_.push_back(std::move(compiled));
  }
  for (const CloudRule &rule : policy.clouds) {
    auto compiled = std::make_unique<CompiledCloud>();
    compiled->rule = rule;
    std::string pattern;
    size_t lastWildcardEnd = 0;
    for (size_t i = 0; i < rule.host.size();) {
      if (rule.host[i] == '*') {
        pattern += ".+";
        lastWildcardEnd = ++i;
      } else if (rule.host.compare(i, 8, "{region}") == 0) {
        pattern += "(?P<region>[^.]+)";
        i += 8;
        lastWildcardEnd = i;
      } else {
        pattern += RE2::QuoteMeta(std::string(1, rule.host[i]));
        ++i;
      }
    }
    compiled->trailing = rule.host.substr(lastWildcardEnd);
    compiled->regex = std::make_unique<RE2>(pattern, options);
    if (!compiled->regex->ok())
      continue;
    const auto &groups = compiled->regex->NamedCapturingGroups();
    if (auto it = groups.find("region"); it != groups.end()) compiled->regionGroup = it->second;
    clouds_.push_back(std::move(compiled));
  }
}

Classifier::~Classifier() = default;

ModelClass Classifier::classifyModel(const std::string &id) const {
  Shape shape;
  if (!id.empty())
    shape.pieces.push_back(Piece{false, id});
  return classifyModel(shape);
}

ModelClass Classifier::classifyModel(const Shape &id) const {
  // Holes become a sample token so patterns can match around them; a match is accepted only if
  // the provider part is literal.
  constexpr std::string_view kSample = "x0";
  std::string flat;
  std::vector<std::pair<size_t, size_t>> holes;
  for (const Piece &piece : id.pieces) {
    if (piece.hole) {
      holes.emplace_back(flat.size(), flat.size() + kSample.size());
      flat += kSample;
    } else {
      flat += piece.text;
    }
  }
  auto overlapsHole = [&](size_t begin, size_t end) {
    return std::any_of(holes.begin(), holes.end(), [&](const auto &h) { return begin < h.second && h.first < end; });
  };
  auto renderRange = [&](size_t begin, size_t end) {
    std::string out;
    for (size_t i = begin; i < end;) {
      auto hole = std::find_if(holes.begin(), holes.end(), [&](const auto &h) { return i >= h.first && i < h.second; });
      if (hole != holes.end()) {
        out += "…";
        i = hole->second;
      } else {
        out += flat[i++];
      }
    }
    return out;
  };
  size_t begin = 0, end = flat.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(flat[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(flat[end - 1]))) --end;
  for (int depth = 0; depth < 4 && begin < end; ++depth) {
    bool again = false;
    for (const auto &compiled : providers_) {
      int groups = compiled->regex->NumberOfCapturingGroups();
      std::vector<re2::StringPiece> pieces(groups + 1);
      if (!compiled->regex->Match(flat, begin, end, RE2::ANCHOR_BOTH, pieces.data(), groups + 1))
        continue;
      auto offsetOf = [&](int group) { return static_cast<size_t>(pieces[group].data() - flat.data()); };
      if (compiled->innerGroup > 0 && pieces[compiled->innerGroup].data()) {
        begin = offsetOf(compiled->innerGroup);
        end = begin + pieces[compiled->innerGroup].size();
        again = true;
        break;
      }
      std::string provider = compiled->rule.provider;
      if (compiled->providerGroup > 0 && pieces[compiled->providerGroup].data()) {
        size_t at = offsetOf(compiled->providerGroup);
        if (overlapsHole(at, at + pieces[compiled->providerGroup].size()))
          continue; // the provider part is not known
        provider = std::string(pieces[compiled->providerGroup]);
      } else if (overlapsHole(begin, begin + 1)) {
        continue; // a bare-name rule needs a known start
      }
      ModelClass result;
      result.provider = normalizeProvider(provider);
      std::string model;
      if (compiled->modelGroup > 0 && pieces[compiled->modelGroup].data()) {
        size_t at = offsetOf(compiled->modelGroup);
        model = renderRange(at, at + pieces[compiled->modelGroup].size());
      } else {
        model = renderRange(begin, end);
      }
      result.model = normalizeModelName(lower(model));
      result.rule = compiled->rule.description;
      return result;
    }
    if (!again)
      break;
  }
  return {};
}

EndpointClass Classifier::classifyEndpoint(const Shape &url) const {
  EndpointClass result;
  if (url.structured)
    return result;
  std::string flat = flatten(url);
  size_t scheme = flat.find("://");
  size_t hostStart = 0;
  if (scheme != std::string::npos && flat.find(kHole) > scheme)
    hostStart = scheme + 3;
  size_t hostEnd = flat.find_first_of("/?#", hostStart);
  std::string hostPort = flat.substr(hostStart, hostEnd == std::string::npos ? std::string::npos : hostEnd - hostStart);
  std::string host = hostPort.substr(0, hostPort.find(':'));
  if (size_t at = host.rfind('@'); at != std::string::npos)
    host = host.substr(at + 1);
  host = lower(host);
  if (hostEnd != std::string::npos) {
    result.path = flat.substr(hostEnd);
    result.path = result.path.substr(0, result.path.find_first_of("?#"));
  }
  result.host = render(host);
  if (host.empty())
    return result;
  size_t lastHole = host.rfind(kHole);
  for (const auto &compiled : clouds_) {
    const CloudRule &rule = compiled->rule;
    int groups = compiled->regex->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> pieces(groups + 1);
    if (!compiled->regex->Match(host, 0, host.size(), RE2::ANCHOR_BOTH, pieces.data(), groups + 1))
      continue;
    if (lastHole != std::string::npos && lastHole + compiled->trailing.size() >= host.size())
      continue; // the part that decides the cloud is unknown
    if (!rule.path.empty() && result.path.compare(0, rule.path.size(), rule.path) != 0)
      continue;
    result.hostKnown = true;
    result.cloud = rule.cloud;
    result.service = rule.service;
    result.impliedProvider = rule.impliesProvider;
    if (compiled->regionGroup > 0) {
      std::string region(pieces[compiled->regionGroup]);
      if (region.find(kHole) == std::string::npos)
        result.region = region;
    }
    break;
  }
  if (size_t pub = result.path.find("publishers/"); pub != std::string::npos) {
    std::string resource = result.path.substr(pub);
    resource = resource.substr(0, resource.find(':'));
    result.pathModel = render(resource);
  }
  if (size_t dep = result.path.find("/deployments/"); dep != std::string::npos) {
    std::string name = result.path.substr(dep + 13);
    name = name.substr(0, name.find('/'));
    if (!name.empty() && name.find(kHole) == std::string::npos)
      result.deployment = name;
  }
  result.path = render(result.path);
  return result;
}

} // namespace cloudpact
