// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/client/ClientConfiguration.h>

namespace Aws {
namespace Client {
struct GenericClientConfiguration : public ClientConfiguration {
  GenericClientConfiguration();
  bool enableEndpointDiscovery = false;
};
} // namespace Client
} // namespace Aws
