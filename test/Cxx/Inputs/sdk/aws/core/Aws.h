// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/AWSMemory.h>
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
struct SDKOptions {};
void InitAPI(const SDKOptions &options);
void ShutdownAPI(const SDKOptions &options);
} // namespace Aws
