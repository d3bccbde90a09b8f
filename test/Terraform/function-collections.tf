# Collection functions keep each element's trace: merge, lookup, values, flatten, try, coalesce.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "overrides" { default = {} }
locals {
  defaults = { chat = "anthropic.claude-v2", oss = "openai.gpt-oss-20b-1:0" }
  models   = merge(local.defaults, var.overrides)
  ids      = flatten([values(local.models), ["meta.llama3-1-70b-instruct-v1:0"]])
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = lookup(local.models, "oss", "amazon.titan-text-express-v1")
}
# CHECK: function-collections.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-20b-1:0' is hosted on aws;
# CHECK: function-collections.tf:6:52: note: local defaults
# CHECK: function-collections.tf:7:14: note: local models
resource "aws_bedrockagent_agent" "b" {
  agent_name       = "b"
  foundation_model = coalesce(try(local.models.missing, null), local.ids[2])
}
# CHECK: 1 error, 0 warnings, 0 notes
