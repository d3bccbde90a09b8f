# Locals referring to locals: each one is a step of the trace.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

locals {
  vendor = "openai"
  model  = "${local.vendor}.gpt-oss-120b-1:0"
  chosen = local.model
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = local.chosen
}
# CHECK: locals-chain.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
# CHECK-NEXT: foundation_model = local.chosen
# CHECK-NEXT: ^~~
# CHECK-NEXT: locals-chain.tf:5:12: note: local vendor
# CHECK-NEXT: locals-chain.tf:6:12: note: local model
# CHECK-NEXT: locals-chain.tf:7:12: note: local chosen
