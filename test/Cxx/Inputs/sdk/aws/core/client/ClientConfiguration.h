// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace Client {
class AsyncCallerContext {
public:
  virtual ~AsyncCallerContext();
};

struct ClientConfiguration {
  ClientConfiguration();
  ClientConfiguration(const char *profileName, bool shouldDisableIMDS = false);
  virtual ~ClientConfiguration();
  Aws::String userAgent;
  Aws::String region;
  bool useDualStack = false;
  bool useFIPS = false;
  long requestTimeoutMs;
  Aws::String endpointOverride;
  Aws::String proxyHost;
};
} // namespace Client
} // namespace Aws
