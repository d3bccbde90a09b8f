# Object-typed variables fill missing attributes from optional() defaults.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "agent" {
  type = object({
    name  = string
    model = optional(string, "openai.gpt-oss-20b-1:0")
  })
  default = { name = "support" }
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = var.agent.name
  foundation_model = var.agent.model
}
# CHECK: optional-defaults.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-20b-1:0' is hosted on aws;
# CHECK: optional-defaults.tf:7:30: note: optional default of model in variable agent
# CHECK: optional-defaults.tf:9:13: note: default of variable agent
