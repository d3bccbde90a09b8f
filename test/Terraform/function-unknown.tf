# A function the analysis does not evaluate is unknown, named in the note; never a guess.
# RUN: %cloudpact check %s 2>&1 | FileCheck %s

resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = md5("openai.gpt-oss-120b-1:0")
}
# CHECK: function-unknown.tf:[[@LINE-2]]:22: note: cannot check the route of this model access: {{.*}}unsupported function md5 [unresolved-route]
# CHECK: 0 errors, 0 warnings, 1 note
