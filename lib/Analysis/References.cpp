#include "Analysis/References.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace cloudpact {

namespace {

using Position = std::tuple<std::string, int, int>;

Position positionOf(const SourceLoc &loc) { return {loc.file, loc.line, loc.column}; }

/// An id, not a word: bare family names ("llama", "claude") are too common in prose-like values
/// to stand for a model on their own.
bool looksLikeModelId(std::string_view text) {
  if (text.size() < 4 || text.size() > 200)
    return false;
  bool separator = std::any_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isdigit(c) || c == '-' || c == '.' || c == '/' || c == ':' || c == '@';
  });
  bool space = std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
  return separator && !space;
}

} // namespace

std::vector<std::shared_ptr<Route>> referenceRoutes(const Facts &facts, const FileSet &files, const Classifier &classifier,
                                                    const std::vector<std::shared_ptr<const Route>> &routes) {
  std::set<Position> used;
  for (const auto &route : routes) {
    used.insert(positionOf(route->range.begin));
    for (const TraceStep &step : route->trace)
      used.insert(positionOf(step.range.begin));
    for (const Trace &trace : route->alternatives)
      for (const TraceStep &step : trace)
        used.insert(positionOf(step.range.begin));
  }
  // Accesses by file, so a candidate is compared with the accesses of its own file only.
  std::map<std::string, std::vector<const SourceRange *>> accessesByFile;
  for (const ModelAccess &access : facts.accesses)
    if (access.range.end.valid())
      accessesByFile[access.range.file()].push_back(&access.range);
  auto insideAccess = [&](const SourceRange &range) {
    auto file = accessesByFile.find(range.file());
    return file != accessesByFile.end() && std::any_of(file->second.begin(), file->second.end(), [&](const SourceRange *outer) {
             return outer->begin.offset <= range.begin.offset && range.begin.offset < outer->end.offset;
           });
  };

  std::vector<std::shared_ptr<Route>> out;
  std::set<Position> seen;
  for (const Assign &assign : facts.assigns) {
    const ValuePtr &value = assign.value;
    if (!value || value->kind != ValueKind::Literal || !value->range.begin.valid())
      continue;
    const SourceRange &where = value->range;
    Position position = positionOf(where.begin);
    if (used.count(position) || used.count(positionOf(assign.range.begin)))
      continue; // on the trace of a route: already in the inventory
    if (seen.count(position) || !files.find(where.file()))
      continue;
    const std::string &text = value->text;
    auto route = std::make_shared<Route>();
    if (text.starts_with("https://") || text.starts_with("http://")) {
      Shape shape;
      shape.pieces.push_back(Piece{false, text});
      EndpointClass endpoint = classifier.classifyEndpoint(shape);
      if (!endpoint.hostKnown || !endpoint.servesModels || endpoint.kind == DestinationKind::SelfHosted)
        continue;
      route->host = endpoint.host;
      route->cloud = endpoint.cloud;
      route->destinationKind = destinationKindName(endpoint.kind);
      route->service = endpoint.service;
      route->region = endpoint.region;
      route->provider = endpoint.impliedProvider;
    } else {
      if (!looksLikeModelId(text))
        continue;
      ModelClass model = classifier.classifyModel(text);
      if (model.provider.empty())
        continue;
      route->model = text;
      route->modelName = model.model;
      route->provider = model.provider;
    }
    if (insideAccess(where))
      continue; // written as part of an access: its route shows it
    seen.insert(position);
    route->kind = AccessKind::Reference;
    route->api = assign.phrase.empty() ? "value" : assign.phrase;
    route->subject = assign.symbol;
    route->range = where;
    route->verdict = Verdict::Reference;
    route->reason = "named here, but reaches no model access cloudpact knows";
    out.push_back(std::move(route));
  }
  return out;
}

} // namespace cloudpact
