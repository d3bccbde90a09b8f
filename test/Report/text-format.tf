# Clang-style text: location, level, message naming model, provider, cloud and contract, rule id,
# the source line, a caret under the access, then one note per trace step.
# RUN: not %cloudpact check %s 2>&1 | FileCheck --strict-whitespace --match-full-lines %s

variable "agent_model" {
  default = "openai.gpt-oss-120b-1:0"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name       = "support"
  foundation_model = var.agent_model
}

# CHECK:{{.*}}text-format.tf:11:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws; the openai contract allows only azure, openai [exclusivity-hosting]
# CHECK-NEXT:  foundation_model = var.agent_model
# CHECK-NEXT:                     ^~~~~~~~~~~~~~~
# CHECK-NEXT:{{.*}}text-format.tf:6:13: note: default of variable agent_model
# CHECK-NEXT:1 error, 0 warnings, 0 notes
