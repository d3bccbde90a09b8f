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

RE2::Options matchOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingLatin1); // a hole byte is a character
  return options;
}

/// A path glob (`*` = the characters of one segment) as a prefix regex.
std::string pathPattern(std::string_view glob) {
  std::string pattern;
  for (char c : glob)
    pattern += c == '*' ? std::string("[^/]*") : RE2::QuoteMeta(std::string(1, c));
  return pattern + ".*";
}

} // namespace

std::string normalizeModelName(std::string_view model) {
  std::string out(model);
  // Version suffixes, and the variants routers append (openrouter.ai/docs/features/model-variants).
  static const RE2 versionSuffix(R"((-v\d+(?::\d+)*|-\d+:\d+|:\d+|@[^/]*|-maas|:(?:free|beta|extended|nitro|floor|online|thinking))$)");
  for (int i = 0; i < 3; ++i)
    if (!RE2::Replace(&out, versionSuffix, ""))
      break;
  return out;
}

struct Classifier::CompiledProvider {
  ProviderRule rule;
  std::unique_ptr<RE2> regex;
  int providerGroup = -1, modelGroup = -1, innerGroup = -1;
  std::vector<std::pair<int, std::string>> partGroups; // other named groups: parts of the id
};

struct Classifier::CompiledCloud {
  CloudRule rule;
  std::unique_ptr<RE2> regex;
  std::unique_ptr<RE2> path; // null when the rule has no path
  int regionGroup = -1;
  std::string trailing; // literal tail after the last wildcard: must not overlap a hole
};

struct Classifier::CompiledPath {
  PathRule rule;
  std::unique_ptr<RE2> regex;
  int modelGroup = -1;
};

Classifier::Classifier(const Policy &policy) : destinations_(policy.destinations) {
  RE2::Options options = matchOptions();
  for (const ProviderRule &rule : policy.providers) {
    auto compiled = std::make_unique<CompiledProvider>();
    compiled->rule = rule;
    compiled->regex = std::make_unique<RE2>(rule.pattern, options);
    if (!compiled->regex->ok())
      continue; // the loader reports bad patterns
    for (const auto &[name, index] : compiled->regex->NamedCapturingGroups()) {
      if (name == "provider") compiled->providerGroup = index;
      else if (name == "model") compiled->modelGroup = index;
      else if (name == "inner") compiled->innerGroup = index;
      else compiled->partGroups.emplace_back(index, name);
    }
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
      } else if (rule.host.compare(i, 7, "{label}") == 0) {
        pattern += "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"; // a host name label (RFC 1123)
        i += 7;
        lastWildcardEnd = i;
      } else if (rule.host.compare(i, 7, "{octet}") == 0) {
        pattern += "[0-9]{1,3}";
        i += 7;
        lastWildcardEnd = i;
      } else if (size_t close = rule.host.find(']', i); rule.host[i] == '[' && close != std::string::npos &&
                                                         rule.host.find(':', i) > close) {
        // A character class; a bracketed text with ':' is an IPv6 literal, matched as written.
        pattern += rule.host.substr(i, close - i + 1);
        i = close + 1;
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
    if (!rule.path.empty()) {
      compiled->path = std::make_unique<RE2>(pathPattern(rule.path), options);
      if (!compiled->path->ok())
        continue;
    }
    const auto &groups = compiled->regex->NamedCapturingGroups();
    if (auto it = groups.find("region"); it != groups.end()) compiled->regionGroup = it->second;
    clouds_.push_back(std::move(compiled));
  }
  for (const PathRule &rule : policy.paths) {
    auto compiled = std::make_unique<CompiledPath>();
    compiled->rule = rule;
    compiled->regex = std::make_unique<RE2>(pathPattern(rule.path), options);
    if (compiled->regex->ok())
      paths_.push_back(std::move(compiled));
  }
  for (const PathModelRule &rule : policy.pathModels) {
    auto compiled = std::make_unique<CompiledPath>();
    compiled->rule.service = rule.description;
    compiled->regex = std::make_unique<RE2>(rule.pattern, options);
    if (!compiled->regex->ok())
      continue;
    const auto &groups = compiled->regex->NamedCapturingGroups();
    auto it = groups.find("model");
    if (it == groups.end())
      continue;
    compiled->modelGroup = it->second;
    pathModels_.push_back(std::move(compiled));
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
  // the provider part is literal. A hole may stand for letters or for digits only (an account
  // id), so a second sample of digits is tried when the first matches nothing.
  for (std::string_view sample : {std::string_view("x0"), std::string_view("0")}) {
    std::string flat;
    std::vector<std::pair<size_t, size_t>> holes;
    for (const Piece &piece : id.pieces) {
      if (piece.hole) {
        holes.emplace_back(flat.size(), flat.size() + sample.size());
        flat += sample;
      } else {
        flat += piece.text;
      }
    }
    if (holes.empty() && sample != "x0")
      break;
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
    std::vector<std::string> unknownParts;
    for (int depth = 0; depth < 4 && begin < end; ++depth) {
      bool again = false;
      for (const auto &compiled : providers_) {
        int groups = compiled->regex->NumberOfCapturingGroups();
        std::vector<re2::StringPiece> pieces(groups + 1);
        if (!compiled->regex->Match(flat, begin, end, RE2::ANCHOR_BOTH, pieces.data(), groups + 1))
          continue;
        auto offsetOf = [&](int group) { return static_cast<size_t>(pieces[group].data() - flat.data()); };
        auto groupOverlapsHole = [&](int group) {
          return pieces[group].data() && overlapsHole(offsetOf(group), offsetOf(group) + pieces[group].size());
        };
        for (const auto &[index, name] : compiled->partGroups)
          if (groupOverlapsHole(index) && std::find(unknownParts.begin(), unknownParts.end(), name) == unknownParts.end())
            unknownParts.push_back(name);
        if (compiled->innerGroup > 0 && pieces[compiled->innerGroup].data()) {
          begin = offsetOf(compiled->innerGroup);
          end = begin + pieces[compiled->innerGroup].size();
          again = true;
          break;
        }
        std::string provider = compiled->rule.provider;
        if (compiled->providerGroup > 0 && pieces[compiled->providerGroup].data()) {
          if (groupOverlapsHole(compiled->providerGroup))
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
        result.unknownParts = std::move(unknownParts);
        return result;
      }
      if (!again)
        break;
    }
    // A wrapper (an ARN) matched but what it wraps did not: its parts are still worth naming.
    if (!unknownParts.empty() && sample == "0") {
      ModelClass result;
      result.unknownParts = std::move(unknownParts);
      return result;
    }
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
  if (size_t at = hostPort.rfind('@'); at != std::string::npos)
    hostPort = hostPort.substr(at + 1);
  std::string host = hostPort;
  if (!hostPort.empty() && hostPort.front() == '[') { // an IPv6 literal keeps its brackets
    size_t close = hostPort.find(']');
    host = hostPort.substr(0, close == std::string::npos ? std::string::npos : close + 1);
  } else {
    host = hostPort.substr(0, hostPort.find(':'));
  }
  if (host.size() < hostPort.size() && hostPort[host.size()] == ':') {
    std::string port = hostPort.substr(host.size() + 1);
    if (!port.empty() && port.size() <= 5 && std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); }))
      result.port = std::stoi(port);
  }
  host = lower(host);
  if (hostEnd != std::string::npos) {
    result.path = flat.substr(hostEnd);
    result.path = result.path.substr(0, result.path.find_first_of("?#"));
  }
  result.host = render(host);
  size_t lastHole = host.rfind(kHole);
  for (const auto &compiled : clouds_) {
    if (host.empty())
      break;
    const CloudRule &rule = compiled->rule;
    int groups = compiled->regex->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> pieces(groups + 1);
    if (!compiled->regex->Match(host, 0, host.size(), RE2::ANCHOR_BOTH, pieces.data(), groups + 1))
      continue;
    // The part that decides the destination must be literal: a known tail after the hole.
    if (lastHole != std::string::npos &&
        (compiled->trailing.empty() || lastHole + compiled->trailing.size() >= host.size()))
      continue;
    if (compiled->path && !RE2::FullMatch(result.path, *compiled->path))
      continue;
    result.hostKnown = true;
    result.servesModels = rule.servesModels;
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
  // An unknown host: a path of a well-known shape still tells the service.
  if (!result.hostKnown && (host.empty() || host.find(kHole) != std::string::npos) && !result.path.empty()) {
    for (const auto &compiled : paths_) {
      if (!RE2::FullMatch(result.path, *compiled->regex))
        continue;
      result.fromPath = true;
      result.servesModels = true;
      result.cloud = compiled->rule.cloud;
      result.service = compiled->rule.service;
      result.impliedProvider = compiled->rule.impliesProvider;
      break;
    }
  }
  if (!result.cloud.empty()) {
    auto destination = std::find_if(destinations_.begin(), destinations_.end(),
                                    [&](const Destination &d) { return d.name == result.cloud; });
    if (destination != destinations_.end())
      result.kind = destination->kind;
    if (result.kind == DestinationKind::SelfHosted && result.port > 0)
      result.server = localServerOnPort(result.port);
    if (!result.server.empty())
      result.servesModels = true;
  }
  for (const auto &compiled : pathModels_) {
    int groups = compiled->regex->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> pieces(groups + 1);
    if (!compiled->regex->Match(result.path, 0, result.path.size(), RE2::ANCHOR_BOTH, pieces.data(), groups + 1))
      continue;
    std::string model(pieces[compiled->modelGroup]);
    // A Bedrock id in a path is URL-encoded (arn%3Aaws%3A…, openai.gpt-oss-20b-1%3A0).
    for (size_t at; (at = lower(model).find("%3a")) != std::string::npos;)
      model.replace(at, 3, ":");
    for (size_t at; (at = lower(model).find("%2f")) != std::string::npos;)
      model.replace(at, 3, "/");
    if (!model.empty() && model.find(kHole) != 0)
      result.pathModel = render(model);
    break;
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
