# A condition that depends on an unset variable keeps both arms: the OpenAI arm is a finding.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s
# RUN: %cloudpact facts %s | FileCheck --check-prefix=FACTS %s

variable "use_oss" { type = bool }
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = var.use_oss ? "openai.gpt-oss-120b-1:0" : "anthropic.claude-v2"
}
# FACTS: model=$if(ref(tf:var.use_oss), "openai.gpt-oss-120b-1:0", "anthropic.claude-v2")
# CHECK: conditional-unknown.tf:[[@LINE-3]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
# CHECK-NEXT: foundation_model
# CHECK-NEXT: ^~~
# CHECK-NEXT: 1 error, 0 warnings, 0 notes
