// The route inventory: every model access with provider, model, cloud and verdict.
#include "Core/Hash.h"
#include "Report/Display.h"
#include "Report/Report.h"
#include "cloudpact/Version.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <map>
#include <set>
#include <tuple>

namespace cloudpact {

namespace {
using json = nlohmann::ordered_json;
using RouteList = std::vector<std::shared_ptr<const Route>>;

std::string orUnknown(const std::string &text) { return text.empty() ? "unknown" : text; }

std::string location(const Route &route) { return formatLoc(route.range.begin); }

/// Grouped by provider then cloud, then by location.
RouteList grouped(const RouteList &routes) {
  RouteList sorted = routes;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
    return std::make_tuple(orUnknown(a->provider), orUnknown(a->cloud), a->range.begin.file, a->range.begin.line,
                           a->range.begin.column) < std::make_tuple(orUnknown(b->provider), orUnknown(b->cloud),
                                                                    b->range.begin.file, b->range.begin.line,
                                                                    b->range.begin.column);
  });
  return sorted;
}

std::map<std::pair<std::string, std::string>, size_t> countsByProviderCloud(const RouteList &routes) {
  std::map<std::pair<std::string, std::string>, size_t> counts;
  for (const auto &route : routes)
    ++counts[{orUnknown(route->provider), orUnknown(route->cloud)}];
  return counts;
}

std::string summaryLine(const RouteList &routes) {
  std::string line = std::to_string(routes.size()) + (routes.size() == 1 ? " route" : " routes");
  size_t violations = 0, unresolved = 0;
  for (const auto &route : routes) {
    violations += route->verdict == Verdict::Violation;
    unresolved += route->verdict == Verdict::Unresolved;
  }
  line += " (" + std::to_string(violations) + " violating, " + std::to_string(unresolved) + " unresolved)";
  std::string sep = ": ";
  for (const auto &[key, count] : countsByProviderCloud(routes)) {
    line += sep + key.first + " via " + key.second + " " + std::to_string(count);
    sep = ", ";
  }
  return line;
}

std::string verdictText(const Route &route) {
  if (route.verdict == Verdict::Violation)
    return "violation (" + route.contract + ")";
  if (route.verdict == Verdict::Unresolved)
    return "unresolved: " + route.reason;
  if (route.verdict == Verdict::Reference)
    return "reference (not judged)";
  return "allowed";
}

void writeTable(std::ostream &out, const RouteList &routes, bool color) {
  const char *bold = color ? "\033[1m" : "";
  const char *reset = color ? "\033[0m" : "";
  const char *red = color ? "\033[31m" : "";
  const char *yellow = color ? "\033[33m" : "";
  const std::vector<std::string> headers = {"PROVIDER", "MODEL", "CLOUD", "REGION", "ENDPOINT", "API", "KIND", "VERDICT", "LOCATION"};
  std::vector<std::vector<std::string>> rows;
  RouteList sorted = grouped(routes);
  for (const auto &route : sorted) {
    std::vector<std::string> row = {orUnknown(route->provider), route->model.empty() ? "-" : route->model,
                                    orUnknown(route->cloud), route->region.empty() ? "-" : route->region,
                                    route->host.empty() ? "-" : route->host, route->api, accessKindName(route->kind),
                                    verdictText(*route), location(*route)};
    for (std::string &cell : row)
      cell = displayText(cell);
    rows.push_back(std::move(row));
  }
  std::vector<size_t> widths(headers.size());
  for (size_t i = 0; i < headers.size(); ++i)
    widths[i] = headers[i].size();
  auto width = [](const std::string &text) {
    size_t n = 0;
    for (unsigned char c : text)
      n += (c & 0xc0) != 0x80; // count code points: "…" is one column
    return n;
  };
  for (const auto &row : rows)
    for (size_t i = 0; i + 1 < row.size(); ++i)
      widths[i] = std::max(widths[i], width(row[i]));
  auto writeRow = [&](const std::vector<std::string> &row, const char *start, const char *end) {
    out << start;
    for (size_t i = 0; i < row.size(); ++i) {
      out << row[i];
      if (i + 1 < row.size())
        out << std::string(widths[i] - width(row[i]) + 2, ' ');
    }
    out << end << "\n";
  };
  writeRow(headers, bold, reset);
  for (size_t i = 0; i < rows.size(); ++i) {
    const Route &route = *sorted[i];
    writeRow(rows[i], route.verdict == Verdict::Violation ? red : route.verdict == Verdict::Unresolved ? yellow : "",
             color && route.verdict != Verdict::Allowed ? reset : "");
  }
  out << displayText(summaryLine(routes), std::string::npos) << "\n";
}

json routeJson(const Route &route) {
  json trace = json::array();
  for (const TraceStep &step : route.trace)
    trace.push_back({{"path", step.range.file()}, {"line", step.range.begin.line}, {"column", step.range.begin.column},
                     {"message", step.phrase}});
  return {{"provider", route.provider},
          {"model", route.model},
          {"modelName", route.modelName},
          {"cloud", route.cloud},
          {"destinationKind", route.destinationKind},
          {"hostCloud", route.hostCloud},
          {"service", route.service},
          {"region", route.region},
          {"host", route.host},
          {"unknownParts", route.unknownParts},
          {"api", route.api},
          {"kind", accessKindName(route.kind)},
          {"subject", route.subject},
          {"verdict", verdictName(route.verdict)},
          {"contract", route.contract},
          {"reason", route.reason},
          {"location", {{"path", route.range.file()}, {"line", route.range.begin.line}, {"column", route.range.begin.column}}},
          {"trace", std::move(trace)}};
}

void writeJsonRoutes(std::ostream &out, const RouteList &routes) {
  json list = json::array();
  for (const auto &route : grouped(routes)) {
    json entry = routeJson(*route);
    makeDisplayable(entry);
    list.push_back(std::move(entry));
  }
  json summary = json::array();
  for (const auto &[key, count] : countsByProviderCloud(routes))
    summary.push_back({{"provider", key.first}, {"cloud", key.second}, {"routes", count}});
  makeDisplayable(summary);
  out << json({{"tool", "cloudpact"}, {"version", kVersion}, {"routes", std::move(list)}, {"summary", std::move(summary)}})
             .dump(2, ' ', false, json::error_handler_t::replace)
      << "\n";
}

std::string csvField(const std::string &text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

void writeCsv(std::ostream &out, const RouteList &routes) {
  out << "provider,model,model_name,cloud,destination_kind,host_cloud,service,region,host,api,kind,verdict,contract,"
         "reason,path,line,column\r\n";
  for (const auto &route : grouped(routes)) {
    const std::vector<std::string> fields = {route->provider, route->model, route->modelName, route->cloud,
                                             route->destinationKind, route->hostCloud, route->service,
                                             route->region, route->host, route->api, accessKindName(route->kind),
                                             verdictName(route->verdict), route->contract, route->reason,
                                             route->range.file(), std::to_string(route->range.begin.line),
                                             std::to_string(route->range.begin.column)};
    for (size_t i = 0; i < fields.size(); ++i)
      out << (i ? "," : "") << csvField(displayText(fields[i]));
    out << "\r\n";
  }
}

/// A deterministic RFC 4122 (version 5 style) UUID from the content, so the same scan gives the same BOM.
std::string contentUuid(const std::string &content) {
  uint64_t a = stableHash(content), b = stableHash(content, a ^ 0x9e3779b97f4a7c15ULL);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%08x-%04x-5%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)), static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return std::string("urn:uuid:") + buffer;
}

bool knownText(const std::string &text) { return !text.empty() && text.find("…") == std::string::npos; }

void writeCycloneDx(std::ostream &out, const RouteList &routes) {
  json components = json::array();
  json services = json::array();
  std::map<std::string, std::set<std::string>> dependsOn; // service ref → model refs
  std::set<std::string> modelRefs, serviceRefs;
  for (const auto &route : grouped(routes)) {
    std::string modelRef;
    if (knownText(route->model)) {
      std::string name = route->modelName.empty() ? route->model : route->modelName;
      modelRef = "model:" + orUnknown(route->provider) + "/" + name;
      if (modelRefs.insert(modelRef).second) {
        json component = {{"type", "machine-learning-model"}, {"bom-ref", modelRef}, {"name", name}};
        if (!route->provider.empty()) {
          component["group"] = route->provider;
          component["supplier"] = {{"name", route->provider}};
        }
        component["properties"] = json::array({{{"name", "cloudpact:model-id"}, {"value", route->model}}});
        components.push_back(std::move(component));
      }
    }
    std::string serviceName = route->api + (knownText(route->host) ? " " + route->host : "");
    std::string serviceRef = "service:" + orUnknown(route->cloud) + "/" + serviceName + "@" + location(*route);
    if (serviceRefs.insert(serviceRef).second) {
      json service = {{"bom-ref", serviceRef}, {"name", serviceName}};
      if (!route->cloud.empty())
        service["provider"] = {{"name", route->cloud}};
      if (knownText(route->host))
        service["endpoints"] = json::array({"https://" + route->host});
      service["properties"] = json::array({{{"name", "cloudpact:cloud"}, {"value", orUnknown(route->cloud)}},
                                           {{"name", "cloudpact:destination-kind"}, {"value", route->destinationKind.empty() ? "unknown" : route->destinationKind}},
                                           {{"name", "cloudpact:region"}, {"value", route->region.empty() ? "unknown" : route->region}},
                                           {{"name", "cloudpact:kind"}, {"value", accessKindName(route->kind)}},
                                           {{"name", "cloudpact:verdict"}, {"value", verdictName(route->verdict)}},
                                           {{"name", "cloudpact:location"}, {"value", location(*route)}}});
      services.push_back(std::move(service));
    }
    if (!modelRef.empty())
      dependsOn[serviceRef].insert(modelRef);
  }
  json dependencies = json::array();
  for (const auto &[ref, models] : dependsOn)
    dependencies.push_back({{"ref", ref}, {"dependsOn", json(std::vector<std::string>(models.begin(), models.end()))}});
  json bom = {{"$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json"},
              {"bomFormat", "CycloneDX"},
              {"specVersion", "1.6"},
              {"serialNumber", ""},
              {"version", 1},
              {"metadata",
               {{"tools", {{"components", json::array({{{"type", "application"}, {"name", "cloudpact"}, {"version", kVersion}}})}}}}},
              {"components", std::move(components)},
              {"services", std::move(services)},
              {"dependencies", std::move(dependencies)}};
  makeDisplayable(bom);
  bom["serialNumber"] = contentUuid(bom.dump());
  out << bom.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

} // namespace

void writeRoutes(std::ostream &out, const RouteList &routes, RoutesFormat format, bool color) {
  switch (format) {
  case RoutesFormat::Table: writeTable(out, routes, color); break;
  case RoutesFormat::Json: writeJsonRoutes(out, routes); break;
  case RoutesFormat::Csv: writeCsv(out, routes); break;
  case RoutesFormat::CycloneDx: writeCycloneDx(out, routes); break;
  }
}

} // namespace cloudpact
