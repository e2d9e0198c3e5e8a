n = 1
if n
    outputs["n"] = n
