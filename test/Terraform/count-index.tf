# count.index ranges over the instances: each element of the list is a possible model.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "models" {
  default = ["anthropic.claude-v2", "openai.gpt-oss-20b-1:0"]
}
resource "aws_bedrockagent_agent" "a" {
  count            = length(var.models)
  agent_name       = "agent-${count.index}"
  foundation_model = var.models[count.index]
}
# CHECK: count-index.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-20b-1:0' is hosted on aws;
# CHECK: count-index.tf:5:37: note: default of variable models
# CHECK: 1 error, 0 warnings, 0 notes
