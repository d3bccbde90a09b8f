variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "agent_model" {
  description = "Foundation model of the support agent"
  type        = string
  default     = "anthropic.claude-3-5-sonnet-20241022-v2:0"
}

variable "chat_model" {
  type = object({
    name    = string
    version = string
  })
  default = {
    name    = "gpt-4o"
    version = "2024-08-06"
  }
}
