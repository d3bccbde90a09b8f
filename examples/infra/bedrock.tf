resource "aws_iam_role" "agent" {
  name               = "support-agent"
  assume_role_policy = "{}"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = var.agent_model
  instruction             = "Answer questions about orders."
}
