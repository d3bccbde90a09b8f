// Stub of aws-sdk-cpp (declarations only, for cloudpact's tests).
#pragma once
#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/client/GenericClientConfiguration.h>
#include <aws/core/utils/Outcome.h>
#include <functional>
#include <future>
#include <memory>

namespace Aws {
namespace BedrockRuntime {
using BedrockRuntimeClientConfiguration = Aws::Client::GenericClientConfiguration;
class BedrockRuntimeClient;
class BedrockRuntimeError {};
class BedrockRuntimeEndpointProviderBase {};

namespace Model {
class ConverseRequest;
class ConverseStreamRequest;
class InvokeModelRequest;
class InvokeModelWithResponseStreamRequest;
class ConverseResult {};
class ConverseStreamResult {};
class InvokeModelResult {};
class InvokeModelWithResponseStreamResult {};
using ConverseOutcome = Aws::Utils::Outcome<ConverseResult, BedrockRuntimeError>;
using ConverseStreamOutcome = Aws::Utils::Outcome<ConverseStreamResult, BedrockRuntimeError>;
using InvokeModelOutcome = Aws::Utils::Outcome<InvokeModelResult, BedrockRuntimeError>;
using InvokeModelWithResponseStreamOutcome = Aws::Utils::Outcome<InvokeModelWithResponseStreamResult, BedrockRuntimeError>;
using ConverseOutcomeCallable = std::future<ConverseOutcome>;
using InvokeModelOutcomeCallable = std::future<InvokeModelOutcome>;
} // namespace Model

using ConverseResponseReceivedHandler =
    std::function<void(const BedrockRuntimeClient *, const Model::ConverseRequest &, const Model::ConverseOutcome &,
                       const std::shared_ptr<const Aws::Client::AsyncCallerContext> &)>;
using InvokeModelResponseReceivedHandler =
    std::function<void(const BedrockRuntimeClient *, const Model::InvokeModelRequest &, const Model::InvokeModelOutcome &,
                       const std::shared_ptr<const Aws::Client::AsyncCallerContext> &)>;
} // namespace BedrockRuntime
} // namespace Aws
