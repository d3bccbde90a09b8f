# The JSON report carries the route and the trace.
# RUN: not %cloudpact check --format json %s | FileCheck %s

variable "agent_model" {
  default = "openai.gpt-oss-120b-1:0"
}

resource "aws_bedrockagent_agent" "support" {
  foundation_model = var.agent_model
}

# CHECK:      "tool": "cloudpact",
# CHECK:      "rule": "exclusivity-hosting",
# CHECK-NEXT: "level": "error",
# CHECK:      "location": {
# CHECK-NEXT:   "path": "{{.*}}json-format.tf",
# CHECK-NEXT:   "line": 9,
# CHECK-NEXT:   "column": 22,
# CHECK:      "trace": [
# CHECK:          "line": 5,
# CHECK:          "message": "default of variable agent_model"
# CHECK:      "route": {
# CHECK-NEXT:   "kind": "hosting",
# CHECK-NEXT:   "api": "aws_bedrockagent_agent",
# CHECK:        "provider": "openai",
# CHECK-NEXT:   "model": "openai.gpt-oss-120b-1:0",
# CHECK-NEXT:   "modelName": "gpt-oss-120b",
# CHECK-NEXT:   "cloud": "aws",
# CHECK:        "verdict": "violation",
# CHECK:      "summary": {
# CHECK-NEXT:   "errors": 1,
