# A condition known from the configuration picks one arm, as Terraform does: no finding for
# the arm that is never taken.
# RUN: %cloudpact check %s | FileCheck --allow-empty --implicit-check-not={{.}} %s
# RUN: %cloudpact facts %s | FileCheck --check-prefix=FACTS %s

variable "environment" { default = "dev" }
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = var.environment == "prod" ? "openai.gpt-oss-120b-1:0" : "anthropic.claude-v2"
}
# FACTS: access hosting aws_bedrockagent_agent model="anthropic.claude-v2" {{.*}} @ {{.*}}conditional-known.tf:[[@LINE-2]]:22
