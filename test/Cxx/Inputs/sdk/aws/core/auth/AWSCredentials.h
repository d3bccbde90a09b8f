// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace Auth {
class AWSCredentials {
public:
  AWSCredentials();
  AWSCredentials(const Aws::String &accessKeyId, const Aws::String &secretKey);
};
} // namespace Auth
} // namespace Aws
