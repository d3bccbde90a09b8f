; References to local values inside an expression: `local.NAME` (followed by anything).
; Used to find cycles among locals before they are evaluated.
; Captures:
;   @root  the identifier `local`
;   @name  the local's name
((expression
   (variable_expr (identifier) @root)
   .
   (get_attr (identifier) @name))
 (#eq? @root "local"))
