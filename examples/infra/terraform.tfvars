# Cheaper open-weight model for the support agent.
agent_model = "openai.gpt-oss-120b-1:0"
