# for expressions: the `if` filter and object results with computed keys.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "models" {
  default = ["anthropic.claude-v2", "openai.gpt-oss-20b-1:0", "meta.llama3-1-70b-instruct-v1:0"]
}
locals {
  oss       = [for m in var.models : m if startswith(m, "openai.")]
  by_vendor = { for m in var.models : split(".", m)[0] => m }
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = local.oss[0]
}
# CHECK: for-expression.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-20b-1:0' is hosted on aws;
# CHECK: for-expression.tf:5:37: note: default of variable models
# CHECK: for-expression.tf:8:15: note: local oss
resource "aws_bedrockagent_agent" "b" {
  agent_name       = "b"
  foundation_model = local.by_vendor["meta"]
}
# CHECK: 1 error, 0 warnings, 0 notes
