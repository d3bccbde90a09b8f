# for_each over a map: each.value.model of every instance, each with its own trace.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "agents" {
  default = {
    support = { model = "anthropic.claude-v2" }
    search  = { model = "openai.gpt-oss-120b-1:0" }
  }
}
resource "aws_bedrockagent_agent" "a" {
  for_each         = var.agents
  agent_name       = each.key
  foundation_model = each.value.model
}
# CHECK: for-each.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
# CHECK: for-each.tf:7:25: note: default of variable agents
# CHECK: 1 error, 0 warnings, 0 notes
