# A data source's result is read when Terraform runs: unknown, an unresolved-route note.
# RUN: %cloudpact check %s 2>&1 | FileCheck %s

data "aws_ssm_parameter" "model" {
  name = "/llm/model-id"
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = data.aws_ssm_parameter.model.value
}
# CHECK: data-source-unknown.tf:[[@LINE-2]]:22: note: cannot check the route of this model access: {{.*}}data.aws_ssm_parameter.model.value is read from the provider when Terraform runs [unresolved-route]
# CHECK: 0 errors, 0 warnings, 1 note
