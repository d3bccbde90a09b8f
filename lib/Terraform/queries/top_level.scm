; Top-level items of a Terraform file (native syntax).
; Captures:
;   @block      a top-level block (resource, variable, locals, module, output, provider, data, ...)
;   @attribute  a top-level attribute (the variable assignments of a .tfvars file)
(config_file (body (block) @block))
(config_file (body (attribute) @attribute))
