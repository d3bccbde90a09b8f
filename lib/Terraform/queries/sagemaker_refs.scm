; References to another resource's attribute: `TYPE.NAME.ATTR`, for following SageMaker
; endpoint → endpoint configuration → model chains.
; Captures:
;   @type  the resource type (one of the SageMaker types below)
;   @name  the resource name
(expression
  (variable_expr (identifier) @type)
  .
  (get_attr (identifier) @name)
  (#any-of? @type "aws_sagemaker_model" "aws_sagemaker_endpoint_configuration"))
